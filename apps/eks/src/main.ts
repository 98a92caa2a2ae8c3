import { EksStack } from '@platform/aws-eks';
import { runApp } from '@platform/core';

runApp('eks', {
  aws: (app, environment) => new EksStack(app, environment),
});
