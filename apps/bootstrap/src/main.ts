import { BootstrapStack } from '@platform/aws-bootstrap';
import { runApp } from '@platform/core';

runApp('bootstrap', {
  aws: (app, environment) => new BootstrapStack(app, environment),
});
