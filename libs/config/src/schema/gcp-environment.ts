import { z } from 'zod';
import { cidrsOverlap, isCanonicalCidr, planGcpSubnets } from '../cidr';
import {
  gcpDeliverySchema,
  gcpNetworkSchema,
  gcpRegistrySchema,
  gcpSectionSchema,
  gcpServiceSchema,
  gkeSchema,
} from './gcp';
import { sharedEnvironmentFields } from './shared';

/** GCP label values are at most 63 characters (other characters are mapped, not refused). */
const GCP_LABEL_MAX_LENGTH = 63;

/**
 * A Google Cloud environment file (`cloud: gcp`): one project, one region. Every stack family
 * reads its own section; unknown fields are rejected everywhere.
 */
export const gcpEnvironmentSchema = z
  .strictObject({
    ...sharedEnvironmentFields,
    cloud: z
      .literal('gcp')
      .meta({ description: 'The cloud this environment runs on: Google Cloud.' }),
    gcp: gcpSectionSchema.meta({
      description: "The environment's Google Cloud project, region, zones and Terraform state.",
    }),
    network: gcpNetworkSchema.meta({ description: 'VPC layout: subnets, GKE ranges, flow logs.' }),
    services: z.array(gcpServiceSchema).meta({
      description: "The environment's containerized services, run on GKE: one block per service.",
    }),
    registry: gcpRegistrySchema.meta({
      description: 'Artifact Registry settings shared by every repository.',
    }),
    gke: gkeSchema.meta({ description: 'The GKE cluster: release channel, endpoint, node pools.' }),
    delivery: gcpDeliverySchema.meta({
      description: 'Cloud Build and Cloud Deploy: the GitHub connection and the canary steps.',
    }),
  })
  .superRefine((env, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });

    const { region, zones } = env.gcp;
    zones.forEach((zone, index) => {
      if (!new RegExp(`^${region}-[a-z]$`).test(zone)) {
        issue(
          ['gcp', 'zones', index],
          `"${zone}" is not a zone of ${region} (expected ${region}-b, ${region}-c, ...)`,
        );
      }
      if (zones.indexOf(zone) !== index)
        issue(['gcp', 'zones', index], `"${zone}" is listed twice`);
    });
    if (env.production && zones.length < 2) {
      issue(
        ['gcp', 'zones'],
        `a production environment needs at least 2 zones (got ${zones.length})`,
      );
    }
    for (const field of ['owner', 'costCenter'] as const) {
      if (env.tags[field].length > GCP_LABEL_MAX_LENGTH) {
        issue(
          ['tags', field],
          `becomes a GCP label value, which is at most ${GCP_LABEL_MAX_LENGTH} characters (got ${env.tags[field].length})`,
        );
      }
    }

    const unique = (list: readonly { name: string }[], path: string[], what: string) =>
      list.forEach((item, index) => {
        if (list.findIndex((other) => other.name === item.name) !== index)
          issue([...path, index, 'name'], `${what} "${item.name}" is used twice`);
      });
    unique(env.services, ['services'], 'service name');
    unique(env.gke.nodePools, ['gke', 'nodePools'], 'node pool name');
    env.gke.nodePools.forEach((pool, index) => {
      if (pool.minNodes > pool.maxNodes) {
        issue(
          ['gke', 'nodePools', index, 'maxNodes'],
          `must be at least minNodes (${pool.minNodes}) (got ${pool.maxNodes})`,
        );
      }
    });
    if (!env.gke.dnsEndpoint && env.delivery.workerPool === undefined) {
      issue(
        ['delivery', 'workerPool'],
        'is required while gke.dnsEndpoint is false: Cloud Deploy needs a route to the private control plane (set gke.dnsEndpoint: true, or name a private pool here)',
      );
    }
    env.delivery.canaryPercentages.forEach((percent, index, all) => {
      if (index > 0 && percent <= all[index - 1]!) {
        issue(
          ['delivery', 'canaryPercentages', index],
          `canary steps must increase: ${percent} follows ${all[index - 1]}`,
        );
      }
    });

    // Ranges: each canonical, the control plane a /28, none overlapping another.
    const ranges: { path: (string | number)[]; cidr: string }[] = [
      { path: ['network', 'cidr'], cidr: env.network.cidr },
      { path: ['network', 'podsCidr'], cidr: env.network.podsCidr },
      { path: ['network', 'servicesCidr'], cidr: env.network.servicesCidr },
      { path: ['gke', 'controlPlaneCidr'], cidr: env.gke.controlPlaneCidr },
    ];
    const badRange = ranges.filter((r) => !isCanonicalCidr(r.cidr));
    for (const { path, cidr } of badRange) {
      issue(
        path,
        `"${cidr}" is not an IPv4 range starting at its first address, e.g. 10.40.0.0/16`,
      );
    }
    env.gke.authorizedNetworks.forEach((network, index) => {
      if (!isCanonicalCidr(network.cidr)) {
        issue(
          ['gke', 'authorizedNetworks', index, 'cidr'],
          `"${network.cidr}" is not an IPv4 range starting at its first address, e.g. 203.0.113.0/24`,
        );
      } else if (Number(network.cidr.split('/')[1]) < 8) {
        issue(
          ['gke', 'authorizedNetworks', index, 'cidr'],
          `opens the control plane to a /${network.cidr.split('/')[1]}: name your own ranges, /8 or narrower`,
        );
      }
    });
    if (badRange.length > 0) return;
    if (!env.gke.controlPlaneCidr.endsWith('/28')) {
      issue(['gke', 'controlPlaneCidr'], `GKE needs a /28 here (got ${env.gke.controlPlaneCidr})`);
    }
    ranges.forEach((a, i) =>
      ranges.slice(i + 1).forEach((b) => {
        if (cidrsOverlap(a.cidr, b.cidr))
          issue(b.path, `${b.cidr} overlaps ${a.path.join('.')} (${a.cidr})`);
      }),
    );
    const layout = planGcpSubnets(env.network);
    if ('overflow' in layout)
      issue(['network', 'subnets'], `subnets do not fit: ${layout.overflow}`);
  })
  .meta({
    title: 'Google Cloud environment',
    description:
      'A Google Cloud environment (cloud: gcp): one project, one region. Every stack family reads its own section; unknown fields are rejected everywhere.',
  });

/** A GCP environment file after validation, defaults applied. */
export type GcpEnvironmentConfig = z.output<typeof gcpEnvironmentSchema>;
