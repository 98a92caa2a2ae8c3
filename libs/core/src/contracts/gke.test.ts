import { gcpEnvironment, synthJson } from '@platform/testing';
import { App, TerraformStack } from 'cdktf';
import { gcpNetworkContract } from './gcp-network';
import { gkeContract } from './gke';

describe('GCP contracts', () => {
  it('a consumer reads the network of its own GCP environment from the gcs state of network-<env>', () => {
    const stack = new TerraformStack(new App(), 'consumer');
    const network = gcpNetworkContract.read(stack, gcpEnvironment('gcpprod'));
    expect(network.nodesSubnetSelfLink).toMatch(/^\$\{TfToken\[/);
    expect(synthJson(stack).data?.['terraform_remote_state']?.['network-state']).toEqual(
      expect.objectContaining({
        backend: 'gcs',
        config: { bucket: 'acme-platform-tfstate-gcpprod', prefix: 'stacks/network-gcpprod' },
      }),
    );
  });

  it('names every output the way the producing stacks publish them', () => {
    expect(Object.values(gcpNetworkContract.outputNames).sort()).toEqual([
      'data_subnet_id',
      'data_subnet_self_link',
      'network_id',
      'network_self_link',
      'nodes_subnet_id',
      'nodes_subnet_self_link',
      'pods_range_name',
      'services_range_name',
    ]);
    expect(gkeContract.family).toBe('gke');
    expect(Object.values(gkeContract.outputNames).sort()).toEqual([
      'cluster_id',
      'cluster_name',
      'location',
      'node_service_account_email',
    ]);
  });
});
