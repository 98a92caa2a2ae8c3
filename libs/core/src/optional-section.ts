import {
  type AwsEnvironment,
  type AwsEnvironmentWith,
  hasSection,
  type OptionalAwsSection,
  type StackFamily,
} from '@platform/config';
import type { App } from 'cdktf';
import type { StackFactory } from './app';
import { PlatformStack } from './stack';

/**
 * The factory of a family whose environment section is optional, in the toggle style of
 * terraform-aws-modules:
 *
 * - section left out: no stack (the family was never deployed there; synth says so);
 * - `enabled: false`: the family's stack stays, empty (provider and backend only), so the plan
 *   destroys what it had and the guard blocks what is protected; deleting a section that ran
 *   would instead orphan its resources;
 * - otherwise: the stack `build` makes.
 */
export function optionalSection<S extends OptionalAwsSection>(
  family: StackFamily,
  section: S,
  build: (app: App, environment: AwsEnvironmentWith<S>, all: readonly AwsEnvironment[]) => void,
): StackFactory<AwsEnvironment> {
  return (app, environment, all) => {
    if (!hasSection(environment, section)) return;
    if (environment[section].enabled) build(app, environment, all);
    else new PlatformStack(app, { family, environment });
  };
}
