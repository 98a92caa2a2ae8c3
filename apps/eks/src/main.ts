import { EksStack } from '@platform/aws-eks';
import { optionalSection, runApp } from '@platform/core';

runApp('eks', {
  aws: optionalSection('eks', 'eks', (app, environment) => new EksStack(app, environment)),
});
