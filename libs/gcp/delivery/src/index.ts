export {
  GcpDelivery,
  type DeliveryEnvironment,
  type DeliveryService,
  type GcpDeliveryProps,
} from './delivery';
export { DeliveryArtifactBucket, type DeliveryArtifactBucketProps } from './artifact-bucket';
export {
  canaryPercentagesProblems,
  ServiceDeliveryPipeline,
  type ServiceDeliveryPipelineProps,
} from './delivery-pipeline';
export {
  EXECUTION_ROLES,
  EXECUTION_USAGES,
  GkeDeployTarget,
  type GkeDeployTargetProps,
} from './deploy-target';
export {
  cloudBuildServiceAgent,
  GithubConnection,
  type GithubConnectionProps,
} from './github-connection';
export { BUILD_ROLES, BUILDER_IMAGES, ServiceBuild, type ServiceBuildProps } from './service-build';
export { CLOUD_DEPLOY_ID, parseClusterId } from './validation';
export { deliveryArtifactBucketName, GcpDeliveryStack, hasGcpDelivery } from './delivery-stack';
