import { ObservabilityStack } from '@platform/aws-observability';
import { runApp } from '@platform/core';

runApp('observability', (app, environment, all) => new ObservabilityStack(app, environment, all));
