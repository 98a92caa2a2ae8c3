import { DeliveryStack } from '@platform/aws-delivery';
import { runApp } from '@platform/core';

runApp('delivery', {
  aws: (app, environment, all) => new DeliveryStack(app, environment, all),
});
