import { environment, synthJson } from '@platform/testing';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { alertingContract } from './contracts/alerting';
import { networkContract } from './contracts/network';
import { PlatformStack } from './stack';

describe('platform stack base', () => {
  const stack = new PlatformStack(new App(), {
    family: 'registry',
    environment: environment('staging'),
  });
  const json = synthJson(stack);

  it('is named <family>-<environment>', () => expect(stack.node.id).toBe('registry-staging'));

  it('keeps state in the environment bucket, encrypted with the state key and locked with S3 conditional writes', () => {
    expect(json.terraform?.['backend']).toEqual({
      s3: {
        bucket: 'acme-platform-tfstate-staging',
        key: 'stacks/registry-staging/terraform.tfstate',
        region: 'eu-west-1',
        encrypt: true,
        kms_key_id: 'arn:aws:kms:eu-west-1:222222222222:alias/platform-tfstate',
        allowed_account_ids: ['222222222222'],
        use_lockfile: true,
      },
    });
  });

  it('pins the provider to the environment account and tags everything with ownership', () => {
    expect(json.provider?.['aws']).toEqual([
      {
        region: 'eu-west-1',
        allowed_account_ids: ['222222222222'],
        default_tags: [
          {
            tags: {
              Environment: 'staging',
              Stack: 'registry-staging',
              Owner: 'platform-team',
              CostCenter: 'CC-1001',
              ManagedBy: 'cdktf',
              Repository: 'acme/platform',
            },
          },
        ],
      },
    ]);
  });
});

describe('remote-state contracts', () => {
  it('a consumer reads the producer state of the same environment by its key', () => {
    const consumer = new TerraformStack(new App(), 'consumer');
    const network = networkContract.read(consumer, environment('prod'));
    const alerting = alertingContract.read(consumer, environment('prod'));
    new TerraformOutput(consumer, 'subnets', { value: network.privateSubnetIds });
    new TerraformOutput(consumer, 'topic', { value: alerting.topicArn });
    const json = synthJson(consumer) as {
      data: Record<string, Record<string, Record<string, unknown>>>;
      output: Record<string, { value: unknown }>;
    };
    const states = Object.values(json.data['terraform_remote_state'] ?? {});
    expect(states.map((s) => s['config'])).toEqual([
      {
        bucket: 'acme-platform-tfstate-prod',
        key: 'stacks/alerting-prod/terraform.tfstate',
        region: 'eu-west-1',
      },
      {
        bucket: 'acme-platform-tfstate-prod',
        key: 'stacks/network-prod/terraform.tfstate',
        region: 'eu-west-1',
      },
    ]);
    expect(json.output['subnets']?.value).toBe(
      '${data.terraform_remote_state.network-state.outputs.private_subnet_ids}',
    );
    expect(json.output['topic']?.value).toBe(
      '${data.terraform_remote_state.alerting-state.outputs.topic_arn}',
    );
  });

  it('the producer publishes exactly the outputs the consumer reads', () => {
    expect(Object.values(networkContract.outputNames).sort()).toEqual([
      'endpoint_security_group_id',
      'intra_subnet_ids',
      'nat_gateway_ids',
      'private_subnet_ids',
      'public_subnet_ids',
      'vpc_cidr',
      'vpc_id',
    ]);
  });
});
