import { NetworkStack } from '@platform/aws-network';
import { runApp } from '@platform/core';

runApp('network', (app, environment) => new NetworkStack(app, environment));
