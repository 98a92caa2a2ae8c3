import { arn } from './arn';
import type { AwsEnvironmentConfig } from './schema/aws-environment';
import type { EnvironmentConfig } from './schema/environment';
import type { GcpEnvironmentConfig } from './schema/gcp-environment';

/** The stack families, in the one direction they may depend on each other. */
export const STACK_FAMILIES = [
  'bootstrap',
  'network',
  'alerting',
  'registry',
  'baseline',
  'ecs',
  'eks',
  'gke',
  'delivery',
  'observability',
] as const;

export type StackFamily = (typeof STACK_FAMILIES)[number];

/** Stack name `<family>-<env>`, e.g. network-prod: also the state key and the synth folder. */
export function stackName(family: string, env: Pick<EnvironmentConfig, 'name'>): string {
  return `${family}-${env.name}`;
}

/** Name of an AWS resource in the environment's account: `<env>-<parts…>`, e.g. dev-flow-logs. */
export function resourceName(env: Pick<EnvironmentConfig, 'name'>, ...parts: string[]): string {
  return [env.name, ...parts].join('-');
}

/** The object key of a stack's state in the environment's state bucket. */
export function stateKey(family: string, env: Pick<EnvironmentConfig, 'name'>): string {
  return `stacks/${stackName(family, env)}/terraform.tfstate`;
}

/** The object prefix of a stack's state in a GCP environment's state bucket (gcs backend). */
export function statePrefix(family: string, env: Pick<EnvironmentConfig, 'name'>): string {
  return `stacks/${stackName(family, env)}`;
}

/** ARN of the KMS alias that encrypts the environment's state. */
export function stateKmsAliasArn(env: Pick<AwsEnvironmentConfig, 'aws'>): string {
  return arn(env.aws, { service: 'kms', resource: env.aws.state.kmsAlias });
}

/** Name of the Cloud KMS key (in the state key ring) that encrypts a GCP environment's state. */
export const GCP_STATE_KEY_NAME = 'terraform-state';

/** Resource id of the Cloud KMS key that encrypts a GCP environment's state objects. */
export function gcpStateKmsKeyId(env: Pick<GcpEnvironmentConfig, 'gcp'>): string {
  const { projectId, region, state } = env.gcp;
  return `projects/${projectId}/locations/${region}/keyRings/${state.keyRing}/cryptoKeys/${GCP_STATE_KEY_NAME}`;
}

/**
 * A value as a GCP label value: lowercase, characters outside letters, digits, `_` and `-`
 * replaced by `_`, at most 63 characters (e.g. "acme/platform" → "acme_platform").
 */
export function gcpLabelValue(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '_')
    .slice(0, 63);
}
