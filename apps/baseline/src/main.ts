import { BaselineStack } from '@platform/aws-baseline';
import { optionalSection, runApp } from '@platform/core';

runApp('baseline', {
  aws: optionalSection(
    'baseline',
    'baseline',
    (app, environment) => new BaselineStack(app, environment),
  ),
});
