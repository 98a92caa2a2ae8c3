import { RegistryStack } from '@platform/aws-registry';
import { runApp } from '@platform/core';
import { GcpRegistryStack, hostsGcpRegistry } from '@platform/gcp-registry';

runApp('registry', {
  aws: (app, environment, all) => new RegistryStack(app, environment, all),
  // Only the first GCP environment builds images: the others pull from its registry.
  gcp: (app, environment, all) => {
    if (hostsGcpRegistry(environment, all)) new GcpRegistryStack(app, environment, all);
  },
});
