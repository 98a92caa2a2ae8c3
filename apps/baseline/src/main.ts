import { BaselineStack } from '@platform/aws-baseline';
import { runApp } from '@platform/core';

runApp('baseline', (app, environment) => new BaselineStack(app, environment));
