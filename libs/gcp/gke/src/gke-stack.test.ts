import {
  gkeClusterId,
  gkeClusterName,
  gkeNodeServiceAccountId,
  gkeSecondaryRangeNames,
} from '@platform/config';
import { gkeContract } from '@platform/core';
import { gcpEnvironment, gcpEnvironments, resourcesOf, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { GkeStack } from './gke-stack';

const stackOf = (name: string) => new GkeStack(new App(), gcpEnvironment(name));
const synth = (name: string) => synthJson(stackOf(name));
const clusterOf = (json: ReturnType<typeof synth>) =>
  resourcesOf(json, 'google_container_cluster')[0]!;

describe('GKE stack', () => {
  it.each(gcpEnvironments().map((e) => e.name))(
    '%s: the cluster has the id other families compute for it, in the environment project and region',
    (name) => {
      const env = gcpEnvironment(name);
      const stack = stackOf(name);
      expect(stack.cluster.ref.clusterId).toBe(gkeClusterId(env));
      expect(clusterOf(synthJson(stack))).toEqual(
        expect.objectContaining({
          name: gkeClusterName(env),
          project: env.gcp.projectId,
          location: env.gcp.region,
          node_locations: env.gcp.zones,
        }),
      );
    },
  );

  it('runs on the nodes subnet read from network-<env> and its secondary ranges, by the shared names', () => {
    const json = synth('gcpprod');
    const cluster = clusterOf(json);
    expect(json.data?.['terraform_remote_state']?.['network-state']).toEqual(
      expect.objectContaining({
        backend: 'gcs',
        config: { bucket: 'acme-platform-tfstate-gcpprod', prefix: 'stacks/network-gcpprod' },
      }),
    );
    expect(cluster['network']).toBe(
      '${data.terraform_remote_state.network-state.outputs.network_self_link}',
    );
    expect(cluster['subnetwork']).toBe(
      '${data.terraform_remote_state.network-state.outputs.nodes_subnet_self_link}',
    );
    const names = gkeSecondaryRangeNames();
    expect(cluster['ip_allocation_policy']).toEqual({
      cluster_secondary_range_name: names.pods,
      services_secondary_range_name: names.services,
    });
  });

  it("the nodes run as the environment's own node account, named as the registry grants it pull", () => {
    const env = gcpEnvironment('gcpprod');
    const accounts = resourcesOf(synth('gcpprod'), 'google_service_account');
    expect(accounts).toEqual([
      expect.objectContaining({
        account_id: gkeNodeServiceAccountId(env),
        project: env.gcp.projectId,
      }),
    ]);
  });

  it('node pools follow config: per-zone autoscaling bounds, spot where asked', () => {
    const env = gcpEnvironment('gcpdev');
    const pools = resourcesOf(synth('gcpdev'), 'google_container_node_pool');
    expect(pools).toHaveLength(env.gke.nodePools.length);
    const [pool] = pools as {
      name: string;
      autoscaling: unknown;
      node_config: Record<string, unknown>;
    }[];
    const [config] = env.gke.nodePools;
    expect(pool!['name']).toBe(config!.name);
    expect(pool!['autoscaling']).toEqual(
      expect.objectContaining({
        min_node_count: config!.minNodes,
        max_node_count: config!.maxNodes,
      }),
    );
    expect(pool!['node_config']['spot']).toBe(config!.spot);
    expect(pool!['node_config']['machine_type']).toBe(config!.machineType);
  });

  it('keeps the control plane private, reachable by Cloud Deploy through the DNS endpoint as configured', () => {
    const cluster = clusterOf(synth('gcpprod'));
    expect(cluster['private_cluster_config']).toEqual(
      expect.objectContaining({
        enable_private_nodes: true,
        enable_private_endpoint: true,
        master_ipv4_cidr_block: gcpEnvironment('gcpprod').gke.controlPlaneCidr,
      }),
    );
    expect(cluster['control_plane_endpoints_config']).toEqual({
      dns_endpoint_config: { allow_external_traffic: gcpEnvironment('gcpprod').gke.dnsEndpoint },
    });
  });

  it('protects the production cluster from deletion, not the development one', () => {
    expect(clusterOf(synth('gcpprod'))['deletion_protection']).toBe(true);
    expect(clusterOf(synth('gcpdev'))['deletion_protection']).toBe(false);
  });

  it('publishes the gke contract', () => {
    expect(Object.keys(synth('gcpdev').output ?? {}).sort()).toEqual(
      Object.values(gkeContract.outputNames).sort(),
    );
  });
});
