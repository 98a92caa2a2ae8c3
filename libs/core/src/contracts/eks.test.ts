import { environment, synthJson } from '@platform/testing';
import { App, TerraformStack } from 'cdktf';
import { eksContract } from './eks';

describe('eks contract', () => {
  it('a consumer reads the cluster of its own environment from the eks stack state', () => {
    const stack = new TerraformStack(new App(), 'consumer');
    const eks = eksContract.read(stack, environment('prod'));
    expect(eks.oidcProviderArn).toMatch(/^\$\{TfToken\[/);
    const json = synthJson(stack);
    expect(json.data?.['terraform_remote_state']?.['eks-state']).toEqual(
      expect.objectContaining({
        backend: 's3',
        config: expect.objectContaining({
          bucket: 'acme-platform-tfstate-prod',
          key: 'stacks/eks-prod/terraform.tfstate',
          region: 'eu-west-1',
        }),
      }),
    );
  });

  it('names every output the way the eks stack publishes it', () => {
    expect(Object.values(eksContract.outputNames).sort()).toEqual([
      'cluster_certificate_authority',
      'cluster_endpoint',
      'cluster_name',
      'cluster_security_group_id',
      'node_security_group_id',
      'oidc_issuer',
      'oidc_provider_arn',
    ]);
  });
});
