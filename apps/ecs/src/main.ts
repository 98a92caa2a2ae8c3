import { EcsStack } from '@platform/aws-ecs';
import { runApp } from '@platform/core';

runApp('ecs', {
  aws: (app, environment) => new EcsStack(app, environment),
});
