import { NetworkStack } from '@platform/aws-network';
import { runApp } from '@platform/core';

runApp('network', {
  aws: (app, environment) => new NetworkStack(app, environment),
});
