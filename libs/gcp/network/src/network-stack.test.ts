import { gkeSecondaryRangeNames } from '@platform/config';
import { gcpNetworkContract } from '@platform/core';
import { gcpEnvironment, gcpEnvironments, resourcesOf, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { GcpNetworkStack } from './network-stack';

const synth = (name: string) => synthJson(new GcpNetworkStack(new App(), gcpEnvironment(name)));
const subnets = (json: ReturnType<typeof synth>) =>
  Object.fromEntries(
    resourcesOf(json, 'google_compute_subnetwork').map((s) => [s['name'] as string, s]),
  );

describe('GCP network stack', () => {
  it.each(gcpEnvironments().map((e) => e.name))(
    '%s: one regional subnet per tier, at exactly the ranges config planned',
    (name) => {
      const env = gcpEnvironment(name);
      const found = subnets(synth(name));
      expect(Object.keys(found).sort()).toEqual([`${name}-vpc-data`, `${name}-vpc-nodes`]);
      for (const planned of env.subnets) {
        expect(found[`${name}-vpc-${planned.tier}`]).toEqual(
          expect.objectContaining({
            ip_cidr_range: planned.cidr,
            region: env.gcp.region,
            project: env.gcp.projectId,
            private_ip_google_access: true,
          }),
        );
      }
    },
  );

  it('the nodes subnet carries the GKE ranges from config, under the names the gke family uses', () => {
    const env = gcpEnvironment('gcpprod');
    const names = gkeSecondaryRangeNames();
    const found = subnets(synth('gcpprod'));
    expect(found['gcpprod-vpc-nodes']!['secondary_ip_range']).toEqual([
      { range_name: names.pods, ip_cidr_range: env.network.podsCidr },
      { range_name: names.services, ip_cidr_range: env.network.servicesCidr },
    ]);
    expect(found['gcpprod-vpc-data']!['secondary_ip_range']).toBeUndefined();
  });

  it('only the nodes tier reaches the internet, through Cloud NAT', () => {
    const [nat] = resourcesOf(synth('gcpdev'), 'google_compute_router_nat');
    expect(nat!['source_subnetwork_ip_ranges_to_nat']).toBe('LIST_OF_SUBNETWORKS');
    expect(nat!['subnetwork']).toEqual([
      {
        name: expect.stringMatching(
          /^\$\{google_compute_subnetwork\.network_subnet-nodes_\w+\.id\}$/,
        ),
        source_ip_ranges_to_nat: ['ALL_IP_RANGES'],
      },
    ]);
  });

  it("lets Google's health checks reach the services' ports and nothing else", () => {
    const env = gcpEnvironment('gcpdev');
    const rules = resourcesOf(synth('gcpdev'), 'google_compute_firewall');
    const healthChecks = rules.find((r) => String(r['name']).endsWith('-allow-health-checks'));
    expect(healthChecks!['allow']).toEqual([
      { protocol: 'tcp', ports: [...new Set(env.services.map((s) => String(s.port)))] },
    ]);
  });

  it('publishes the network contract, its range names equal to what gke reads', () => {
    const json = synth('gcpdev');
    expect(Object.keys(json.output ?? {}).sort()).toEqual(
      Object.values(gcpNetworkContract.outputNames).sort(),
    );
    const names = gkeSecondaryRangeNames();
    expect(json.output?.['pods_range_name']?.['value']).toBe(names.pods);
    expect(json.output?.['services_range_name']?.['value']).toBe(names.services);
  });

  it('keeps its state in the environment bucket, under its own prefix', () => {
    expect(synth('gcpprod').terraform?.['backend']).toEqual({
      gcs: {
        bucket: 'acme-platform-tfstate-gcpprod',
        prefix: 'stacks/network-gcpprod',
        kms_encryption_key:
          'projects/acme-platform-gcpprod/locations/europe-west1/keyRings/platform-state/cryptoKeys/terraform-state',
      },
    });
  });
});
