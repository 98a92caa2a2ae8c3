export { ApprovalTopic, type ApprovalTopicProps } from './approval-topic';
export { ArtifactStore, type ArtifactReader, type ArtifactStoreProps } from './artifact-store';
export { DeliveryStack, releasedInOwnAccount, releasedServices } from './delivery-stack';
export { ProductionRelease, type ProductionReleaseProps } from './production-release';
export {
  DEPLOYMENT_NOTIFICATION_EVENTS,
  RollbackAlerts,
  type RollbackAlertsProps,
} from './rollback-alerts';
export { DeployRole, type DeployRoleProps } from './deploy-role';
export {
  FeatureFlags,
  featureFlagsDocument,
  type FeatureFlagsProps,
  type FlagsConfig,
} from './feature-flags';
export {
  ARTIFACT_KEY_ALIAS,
  artifactBucketName,
  artifactPrefix,
  buildRoleName,
  deployRoleName,
  intakeKey,
  intakeRoleName,
  pipelineRoleName,
  productionArtifactPrefix,
  productionPipelineName,
  roleArn,
  stepsRoleName,
} from './naming';
export {
  PIPELINE_NOTIFICATION_EVENTS,
  ReleasePipeline,
  SERVICE_BUILDSPEC,
  type ReleasePipelineProps,
} from './release-pipeline';
export {
  MAX_CONFIGURATION_VALUE,
  promotionSettings,
  releaseStages,
  targetSettings,
  type ReleaseStagesProps,
  type ReleaseTarget,
} from './release-stages';
export { BUILD_IMAGE, ReleaseProject, type ReleaseProjectProps } from './release-project';
export { STEPS_BUILDSPEC } from './steps-buildspec';
