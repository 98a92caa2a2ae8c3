import type { EnvironmentConfig } from './schema/environment';

/** The stack families, in the one direction they may depend on each other. */
export const STACK_FAMILIES = [
  'bootstrap',
  'network',
  'alerting',
  'registry',
  'baseline',
  'ecs',
  'eks',
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

/** ARN of the KMS alias that encrypts the environment's state. */
export function stateKmsAliasArn(
  env: Pick<EnvironmentConfig, 'region' | 'accountId' | 'state'>,
): string {
  return `arn:aws:kms:${env.region}:${env.accountId}:${env.state.kmsAlias}`;
}
