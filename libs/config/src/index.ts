export {
  AWS_PARTITIONS,
  AWS_REGION_OPENED,
  AWS_REGIONS,
  awsPartition,
  type AwsPartition,
  type AwsPartitionName,
  type AwsRegion,
} from './schema/regions';
export { LOG_RETENTION_DAYS } from './schema/retention';
export { NAT_STRATEGIES, type NetworkConfig, type SubnetTierName } from './schema/network';
export type { AlertingConfig, GithubConfig, StateConfig } from './schema/common';
export {
  environmentSchema,
  type EnvironmentConfig,
  type EnvironmentInput,
} from './schema/environment';
export {
  awsEnvironmentSchema,
  awsSectionSchema,
  type AwsEnvironmentConfig,
  type AwsEnvironmentInput,
} from './schema/aws-environment';
export { gcpEnvironmentSchema, type GcpEnvironmentConfig } from './schema/gcp-environment';
export { CLOUDS, sharedEnvironmentFields, type Cloud } from './schema/shared';
export {
  GCP_SUBNET_TIERS,
  GKE_RELEASE_CHANNELS,
  type GcpDeliveryConfig,
  type GcpNetworkConfig,
  type GcpRegistryConfig,
  type GcpSectionConfig,
  type GcpServiceConfig,
  type GkeConfig,
} from './schema/gcp';
export {
  SUBNET_TIERS,
  cidrsOverlap,
  isCanonicalCidr,
  planGcpSubnets,
  planSubnets,
  type GcpSubnetTierName,
  type PlannedGcpSubnet,
  type PlannedSubnet,
} from './cidr';
export { ConfigError, formatProblems, type ConfigProblem } from './errors';
export {
  environmentProblems,
  environmentsOf,
  hasSection,
  loadEnvironments,
  type AwsEnvironment,
  type AwsEnvironmentWith,
  type OptionalAwsSection,
  type Environment,
  type GcpEnvironment,
} from './load';
export { environmentJsonSchema } from './json-schema';
export {
  STACK_FAMILIES,
  resourceName,
  stackName,
  stateKey,
  stateKmsAliasArn,
  statePrefix,
  GCP_STATE_KEY_NAME,
  gcpLabelValue,
  gcpStateKmsKeyId,
  type StackFamily,
} from './naming';
export {
  artifactRepositoryId,
  cloudDeployExecutionServiceAccountEmail,
  cloudDeployExecutionServiceAccountId,
  cloudDeployTargetId,
  gcpNetworkName,
  gcpSecondaryRangeName,
  gcpServiceAccountEmail,
  GKE_SECONDARY_RANGES,
  GKE_SUBNET_TIER,
  gkeClusterId,
  gkeClusterName,
  gkeNodeServiceAccountEmail,
  gkeNodeServiceAccountId,
  gkeSecondaryRangeNames,
  type GkeSecondaryRange,
} from './gcp-naming';
export {
  GCP_SECRET_VERSION_PATTERN,
  gcpSecretOfVersion,
  parseGcpSecretName,
  type GcpSecretName,
} from './gcp-secret-names';
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
  accountRootArn,
  arn,
  awsDnsSuffix,
  awsManagedPolicyArn,
  iamArn,
  iamRoleArn,
  s3Arn,
  serviceEndpoint,
  servicePrincipal,
  vpcEndpointServiceName,
  type ArnParts,
  type ArnScope,
} from './arn';
export {
  PERMISSIONS_BOUNDARY_NAME,
  RELEASE_ROLE_SUFFIXES,
  permissionsBoundaryArn,
  platformIamNamePatterns,
} from './iam-naming';
export {
  DERIVED_RULE_PRIORITY_MIN,
  ECS_NAMING_RULES,
  ECS_ROLLBACK_ALARMS,
  ECS_SERVICE_ALARM_KEYS,
  ECS_SERVICE_ALARMS,
  ecsServiceArns,
  ecsServiceNames,
  derivedRulePriority,
  listenerRulePriority,
  RULE_PRIORITY_MAX,
  type EcsServiceAlarm,
  type EcsServiceNames,
} from './ecs-naming';
