import { ObservabilityStack } from '@platform/aws-observability';
import { runApp } from '@platform/core';

runApp('observability', {
  aws: (app, environment, all) => new ObservabilityStack(app, environment, all),
});
