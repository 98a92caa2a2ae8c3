import {
  type AwsEnvironment,
  type AwsEnvironmentWith,
  awsPartition,
  copyEnvironments,
  hasSection,
  type OptionalAwsSection,
  type Environment,
  environmentsOf,
  type GcpEnvironment,
  loadEnvironments,
} from '@platform/config';
import { Testing, type TerraformStack } from 'cdktf';
import { join } from 'node:path';
import type { Document } from 'yaml';
// Types of cdktf's jest matchers (toHaveResourceWithProperties, ...), registered in setup-jest.ts.
import 'cdktf/lib/testing/adapters/jest';

/** The workspace's own environments folder. */
export const ENVIRONMENTS_DIR = join(__dirname, '..', '..', '..', 'environments');

let cached: Environment[] | undefined;

/** Every example environment of every cloud, validated: tests run against the real files. */
export function allEnvironments(): Environment[] {
  cached ??= loadEnvironments(ENVIRONMENTS_DIR);
  return cached;
}

/** The AWS example environments (dev, staging, prod) in promotion order. */
export function environments(): AwsEnvironment[] {
  return environmentsOf('aws', allEnvironments());
}

/** One AWS example environment by name. */
export function environment(name: string): AwsEnvironment {
  const found = environments().find((e) => e.name === name);
  if (!found) throw new Error(`no AWS example environment "${name}"`);
  return found;
}

/** The Google Cloud example environments in promotion order. */
export function gcpEnvironments(): GcpEnvironment[] {
  return environmentsOf('gcp', allEnvironments());
}

/** One Google Cloud example environment by name. */
export function gcpEnvironment(name: string): GcpEnvironment {
  const found = gcpEnvironments().find((e) => e.name === name);
  if (!found) throw new Error(`no GCP example environment "${name}"`);
  return found;
}

/** A synthesized stack: the cdk.tf.json content. */
export type StackJson = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  terraform?: Record<string, unknown>;
  provider?: Record<string, Record<string, unknown>[]>;
  output?: Record<string, Record<string, unknown>>;
};

/** Synthesizes one stack (aspects run, policy errors do not throw: use synthFamily for that). */
export function synthJson(stack: TerraformStack): StackJson {
  return JSON.parse(Testing.synth(stack)) as StackJson;
}

/** Every resource of one type in a synthesized stack. */
export function resourcesOf(json: StackJson, type: string): Record<string, unknown>[] {
  return Object.values(json.resource?.[type] ?? {});
}

/**
 * A scratch copy of the example environments with edits applied, for testing bad input.
 * `edit` receives each file's YAML document by environment name and changes it in place.
 */
export function editedEnvironments(edit: (docs: Record<string, Document>) => void): string {
  return copyEnvironments(ENVIRONMENTS_DIR, edit);
}

/** One AWS example environment that declares the optional section (eks, baseline) by name. */
export function environmentWith<S extends OptionalAwsSection>(
  name: string,
  section: S,
): AwsEnvironmentWith<S> {
  const env = environment(name);
  if (!hasSection(env, section))
    throw new Error(`AWS example environment "${name}" has no ${section} section`);
  return env;
}

/**
 * The AWS example environments moved, in memory, to another region and its partition: the region
 * and zones renamed, every ARN the files name rewritten to the partition (`arn:aws-cn:…`), e.g.
 * `environmentsIn('cn-north-1')` or `environmentsIn('us-gov-west-1')`.
 */
export function environmentsIn(region: string): AwsEnvironment[] {
  const { partition } = awsPartition(region);
  return environments().map((env) => {
    const text = JSON.stringify(env)
      .replaceAll(env.aws.region, region)
      .replaceAll('arn:aws:', `arn:${partition}:`);
    return JSON.parse(text) as AwsEnvironment;
  });
}

/** Every ARN partition a synthesized stack spells (`arn:<partition>:`), e.g. ['aws-cn']. */
export function arnPartitionsOf(json: StackJson): string[] {
  const found = JSON.stringify(json).match(/arn:[a-z-]+:/g) ?? [];
  return [...new Set(found.map((a) => a.slice('arn:'.length, -1)))].sort();
}
