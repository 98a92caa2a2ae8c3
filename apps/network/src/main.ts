import { NetworkStack } from '@platform/aws-network';
import { runApp } from '@platform/core';
import { GcpNetworkStack } from '@platform/gcp-network';

runApp('network', {
  aws: (app, environment) => new NetworkStack(app, environment),
  gcp: (app, environment) => new GcpNetworkStack(app, environment),
});
