import { AlertingStack } from '@platform/aws-alerting';
import { runApp } from '@platform/core';

runApp('alerting', {
  aws: (app, environment) => new AlertingStack(app, environment),
});
