import { BootstrapStack } from '@platform/aws-bootstrap';
import { runApp } from '@platform/core';
import { GcpBootstrapStack } from '@platform/gcp-bootstrap';

runApp('bootstrap', {
  aws: (app, environment) => new BootstrapStack(app, environment),
  gcp: (app, environment) => new GcpBootstrapStack(app, environment),
});
