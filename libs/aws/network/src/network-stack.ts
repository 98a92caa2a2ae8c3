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
    this.network = new Network(this, 'network', { environment });
    networkContract.publish(this, this.network.ref);
  }
}
