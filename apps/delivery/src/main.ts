import { DeliveryStack } from '@platform/aws-delivery';
import { runApp } from '@platform/core';
import { GcpDeliveryStack, hasGcpDelivery } from '@platform/gcp-delivery';

runApp('delivery', {
  aws: (app, environment, all) => new DeliveryStack(app, environment, all),
  gcp: (app, environment, all) => {
    if (hasGcpDelivery(all)) new GcpDeliveryStack(app, environment, all);
  },
});
