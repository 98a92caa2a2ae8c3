import type { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import {
  GCP_SUBNET_TIERS,
  type GcpEnvironment,
  type GcpSubnetTierName,
  gcpNetworkName,
  GKE_SECONDARY_RANGES,
  GKE_SUBNET_TIER,
  type GkeSecondaryRange,
} from '@platform/config';
import { gcpNetworkContract, PlatformStack } from '@platform/core';
import type { Construct } from 'constructs';
import { GcpNetwork, type GcpSubnetTier } from './network';

/** The tiers whose instances reach the internet through Cloud NAT: the GKE nodes only. */
export const GCP_NAT_TIERS: readonly GcpSubnetTierName[] = [GKE_SUBNET_TIER];

/**
 * `network-<env>` of a Google Cloud environment: the VPC `<env>-vpc` with one regional subnet
 * per tier at the ranges config computed (`subnets`), the GKE pods and services secondary
 * ranges on the nodes tier (named by `gkeSecondaryRangeNames`, as the gke family names them),
 * Cloud NAT for the nodes tier only, and health checks allowed to the services' ports only.
 * Published through {@link gcpNetworkContract}.
 */
export class GcpNetworkStack extends PlatformStack {
  /** The network. */
  readonly network: GcpNetwork;

  constructor(scope: Construct, environment: GcpEnvironment) {
    super(scope, { family: 'network', environment });
    const env = environment;
    const secondaryCidrs: Record<GkeSecondaryRange, string> = {
      pods: env.network.podsCidr,
      services: env.network.servicesCidr,
    };
    const tiers: GcpSubnetTier[] = GCP_SUBNET_TIERS.map((tier) => {
      const planned = env.subnets.find((s) => s.tier === tier);
      if (!planned) {
        throw new Error(`network-${env.name}: no subnet planned for tier "${tier}" (${env.file})`);
      }
      return {
        name: tier,
        cidr: planned.cidr,
        nat: GCP_NAT_TIERS.includes(tier),
        secondaryRanges:
          tier === GKE_SUBNET_TIER
            ? GKE_SECONDARY_RANGES.map((range) => ({ name: range, cidr: secondaryCidrs[range] }))
            : undefined,
      };
    });

    this.network = new GcpNetwork(this, 'network', {
      name: gcpNetworkName(env),
      projectId: env.gcp.projectId,
      region: env.gcp.region,
      cidr: env.network.cidr,
      tiers,
      flowLogSampling: env.network.flowLogSampling,
      healthCheckPorts: [...new Set(env.services.map((s) => s.port))],
    });

    const subnet = (tier: GcpSubnetTierName) => this.network.subnets[tier] as ComputeSubnetwork;
    gcpNetworkContract.publish(this, {
      networkId: this.network.network.id,
      networkSelfLink: this.network.network.selfLink,
      nodesSubnetId: subnet('nodes').id,
      nodesSubnetSelfLink: subnet('nodes').selfLink,
      dataSubnetId: subnet('data').id,
      dataSubnetSelfLink: subnet('data').selfLink,
      podsRangeName: this.network.secondaryRangeName(GKE_SUBNET_TIER, 'pods'),
      servicesRangeName: this.network.secondaryRangeName(GKE_SUBNET_TIER, 'services'),
    });
  }
}
