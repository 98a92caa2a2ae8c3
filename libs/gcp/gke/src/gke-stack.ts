import {
  type GcpEnvironment,
  gkeClusterId,
  gkeClusterName,
  gkeNodeServiceAccountId,
  gkeSecondaryRangeNames,
} from '@platform/config';
import { gcpNetworkContract, gkeContract, PlatformStack } from '@platform/core';
import type { Construct } from 'constructs';
import { GkeCluster } from './cluster';

/**
 * `gke-<env>`: the environment's regional GKE cluster `<env>-gke` (see {@link GkeCluster}) on
 * the nodes subnet of `network-<env>` (read through {@link gcpNetworkContract}) and its pods and
 * services secondary ranges (named by `gkeSecondaryRangeNames`, the function the network
 * family creates them with), node pools from `gke.nodePools`, and the node service account
 * `<env>-gke-nodes`: the registry of the first GCP environment grants that account pull by the
 * same name. The control plane is private unless `gke.authorizedNetworks` names ranges; its
 * DNS endpoint takes external (IAM-authenticated) traffic when `gke.dnsEndpoint` is set.
 * Deletion protection in production. Published through {@link gkeContract}.
 */
export class GkeStack extends PlatformStack {
  /** The cluster. */
  readonly cluster: GkeCluster;

  constructor(scope: Construct, environment: GcpEnvironment) {
    super(scope, { family: 'gke', environment });
    const env = environment;
    const network = gcpNetworkContract.read(this, env);
    const ranges = gkeSecondaryRangeNames();
    this.cluster = new GkeCluster(this, 'cluster', {
      name: gkeClusterName(env),
      projectId: env.gcp.projectId,
      projectNumber: env.gcp.projectNumber,
      region: env.gcp.region,
      zones: env.gcp.zones,
      network: network.networkSelfLink,
      subnetwork: network.nodesSubnetSelfLink,
      podsRangeName: ranges.pods,
      servicesRangeName: ranges.services,
      controlPlaneCidr: env.gke.controlPlaneCidr,
      privateEndpoint: env.gke.authorizedNetworks.length === 0,
      authorizedNetworks: env.gke.authorizedNetworks.map((n) => ({
        cidrBlock: n.cidr,
        displayName: n.name,
      })),
      dnsEndpoint: env.gke.dnsEndpoint,
      releaseChannel: env.gke.releaseChannel,
      nodePools: env.gke.nodePools.map((pool) => ({
        name: pool.name,
        machineType: pool.machineType,
        minNodesPerZone: pool.minNodes,
        maxNodesPerZone: pool.maxNodes,
        diskSizeGb: pool.diskSizeGb,
        spot: pool.spot,
      })),
      nodeServiceAccountId: gkeNodeServiceAccountId(env),
      deletionProtection: env.production,
    });
    if (this.cluster.ref.clusterId !== gkeClusterId(env)) {
      throw new Error(
        `gke-${env.name}: the cluster id ${this.cluster.ref.clusterId} differs from the one other families compute (${gkeClusterId(env)})`,
      );
    }

    gkeContract.publish(this, {
      clusterId: this.cluster.cluster.id,
      clusterName: this.cluster.cluster.name,
      location: this.cluster.cluster.location,
      nodeServiceAccountEmail: this.cluster.nodeServiceAccount.email,
    });
  }
}
