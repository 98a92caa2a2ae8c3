import { runApp } from '@platform/core';
import { GkeStack } from '@platform/gcp-gke';

runApp('gke', {
  gcp: (app, environment) => new GkeStack(app, environment),
});
