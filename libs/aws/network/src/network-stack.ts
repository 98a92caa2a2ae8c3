import type { AwsEnvironment } from '@platform/config';
import { networkContract, PlatformStack } from '@platform/core';
import type { Construct } from 'constructs';
import { Network } from './network';

/** `network-<env>`: the environment's VPC, published for the other families. */
export class NetworkStack extends PlatformStack {
  /** The network. */
  readonly network: Network;

  constructor(scope: Construct, environment: AwsEnvironment) {
    super(scope, { family: 'network', environment });
    const env = environment;
    this.network = new Network(this, 'network', {
      namePrefix: env.name,
      accountId: env.aws.accountId,
      region: env.aws.region,
      vpcCidr: env.network.vpcCidr,
      availabilityZones: env.aws.availabilityZones,
      subnets: env.subnets,
      natStrategy: env.network.natStrategy,
      flowLogRetentionDays: env.network.flowLogRetentionDays,
    });
    networkContract.publish(this, this.network.ref);
  }
}
