import { BaselineStack } from '@platform/aws-baseline';
import { runApp } from '@platform/core';

runApp('baseline', {
  aws: (app, environment) => new BaselineStack(app, environment),
});
