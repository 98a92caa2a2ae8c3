import { DeliveryStack } from '@platform/aws-delivery';
import { runApp } from '@platform/core';

runApp('delivery', (app, environment, all) => new DeliveryStack(app, environment, all));
