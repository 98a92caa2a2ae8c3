import { RegistryStack } from '@platform/aws-registry';
import { runApp } from '@platform/core';

runApp('registry', {
  aws: (app, environment, all) => new RegistryStack(app, environment, all),
});
