import {
  type ArnScope,
  type AwsEnvironment,
  iamRoleArn,
  pipelineName,
  type ServiceConfig,
} from '@platform/config';

/**
 * Names the delivery family derives from config on both sides of an account boundary: the
 * pipeline account names the roles it assumes in later environments, and those environments'
 * stacks create them, with no remote state across accounts.
 */

type Env = Pick<AwsEnvironment, 'name' | 'aws'>;
type Service = Pick<ServiceConfig, 'name'>;

/** The pipeline's own role, in the pipeline account: `<service>-release-pipeline`. */
export const pipelineRoleName = (service: Service) => `${pipelineName(service)}-pipeline`;

/** The role of the project that builds the image: `<service>-release-build`. */
export const buildRoleName = (service: Service) => `${pipelineName(service)}-build`;

/** The role of the project that renders deploy artifacts and records DORA events: `<service>-release-steps`. */
export const stepsRoleName = (service: Service) => `${pipelineName(service)}-steps`;

/** The role a pipeline deploys through in one environment: `<env>-<service>-release-deploy`. */
export const deployRoleName = (env: Pick<Env, 'name'>, service: Service) =>
  `${env.name}-${pipelineName(service)}-deploy`;

/**
 * The release pipeline of a production environment released from its own account
 * (`<env>-<service>-release`); its roles add `-pipeline`, `-steps`, `-trigger`.
 */
export const productionPipelineName = (env: Pick<Env, 'name'>, service: Service) =>
  `${env.name}-${pipelineName(service)}`;

/** The role the pipeline account's steps assume to hand a release to a production account. */
export const intakeRoleName = (env: Pick<Env, 'name'>, service: Service) =>
  `${env.name}-${pipelineName(service)}-intake`;

/** Object key of a service's release hand-off in the production artifact bucket. */
export const intakeKey = (service: Service) => `intake/${service.name}/release.zip`;

/** ARN of a role by name in an environment's account. */
export const roleArn = (where: ArnScope, name: string) => iamRoleArn(where, name);

/** The artifact bucket of the pipeline account (globally unique through account and region). */
export const artifactBucketName = (pipelineEnv: Env) =>
  `delivery-artifacts-${pipelineEnv.aws.accountId}-${pipelineEnv.aws.region}`;

/** Alias of the key that encrypts the artifacts (referenced by alias from other accounts). */
export const ARTIFACT_KEY_ALIAS = 'alias/delivery-artifacts';

/**
 * The folder CodePipeline writes a pipeline's artifacts to: its name cut to 20 characters
 * (CodePipeline's own rule), so every role is scoped to one pipeline's objects.
 */
export const artifactPrefix = (service: Service) => pipelineName(service).slice(0, 20);

/** The artifact folder of a production pipeline (same 20-character rule). */
export const productionArtifactPrefix = (env: Pick<Env, 'name'>, service: Service) =>
  productionPipelineName(env, service).slice(0, 20);
