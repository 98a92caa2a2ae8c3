export { AWS_REGIONS, type AwsRegion } from './schema/regions';
export { LOG_RETENTION_DAYS } from './schema/retention';
export { NAT_STRATEGIES, type NetworkConfig, type SubnetTierName } from './schema/network';
export type { AlertingConfig, GithubConfig, StateConfig } from './schema/common';
export {
  environmentSchema,
  type EnvironmentConfig,
  type EnvironmentInput,
} from './schema/environment';
export {
  SUBNET_TIERS,
  cidrsOverlap,
  isCanonicalCidr,
  planSubnets,
  type PlannedSubnet,
} from './cidr';
export { ConfigError, formatProblems, type ConfigProblem } from './errors';
export { environmentProblems, loadEnvironments, type Environment } from './load';
export { environmentJsonSchema } from './json-schema';
export {
  STACK_FAMILIES,
  resourceName,
  stackName,
  stateKey,
  stateKmsAliasArn,
  type StackFamily,
} from './naming';
export { environmentsDir, findWorkspaceRoot } from './workspace';
export { copyEnvironments } from './edit';
export {
  APP_RUNNER_INSTANCE_SIZES,
  APP_RUNNER_MAX_INSTANCES,
  SIDECAR_PORTS,
  CODEDEPLOY_CONFIGS,
  FARGATE_TASK_SIZES,
  SERVICE_RUNTIMES,
  SOURCE_PROVIDERS,
  TRAFFIC_SHIFTS,
  type ServiceConfig,
} from './schema/services';
export type { EcsConfig } from './schema/ecs';
export type { RegistryConfig } from './schema/registry';
export { observabilitySchema, type ObservabilityConfig } from './schema/observability';
export type { DeliveryConfig } from './schema/delivery';
export { appConfigNames, ecrRepositoryUrl, type AppConfigNames } from './services-naming';
export {
  EKS_AMI_TYPES,
  EKS_CAPACITY_TYPES,
  EKS_TAINT_EFFECTS,
  EKS_VERSIONS,
  type EksConfig,
  type EksNodeGroupConfig,
} from './schema/eks';
export {
  baselineSchema,
  CIS_STANDARD_VERSIONS,
  CONFIG_RECORDING_FREQUENCIES,
  GUARDDUTY_PUBLISHING_FREQUENCIES,
  type BaselineConfig,
} from './schema/baseline';
export {
  DORA_DETAIL_TYPES,
  DORA_EVENT_SOURCE,
  pipelineEnvironment,
  pipelineName,
} from './delivery-naming';
export { environmentTextProblems } from './check';
export {
  EC2_INSTANCE_FAMILIES,
  instanceArchitecture,
  instanceTypeProblem,
  type Ec2Architecture,
} from './schema/instance-types';
export { ACM_FIRST_NAME_MAX_LENGTH } from './schema/aws-names';
export {
  PERMISSIONS_BOUNDARY_NAME,
  RELEASE_ROLE_SUFFIXES,
  permissionsBoundaryArn,
  platformIamNamePatterns,
} from './iam-naming';
