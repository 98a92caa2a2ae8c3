export {
  GkeCluster,
  gkeClusterId,
  LOGGING_COMPONENTS,
  RELEASE_CHANNELS,
  type AuthorizedNetwork,
  type GkeClusterProps,
  type GkeClusterRef,
  type GkeNodePoolSpec,
} from './cluster';
export {
  ClusterEncryptionKey,
  gkeServiceAgent,
  KMS_ENCRYPTER_DECRYPTER,
  MAX_KEY_ROTATION_DAYS,
  type ClusterEncryptionKeyProps,
} from './encryption-key';
export {
  CLOUD_PLATFORM_SCOPE,
  GkeNodePool,
  MACHINE_FAMILIES,
  TAINT_EFFECTS,
  type GkeNodePoolProps,
  type NodeTaint,
} from './node-pool';
export {
  ARTIFACT_REGISTRY_READER,
  NODE_PROJECT_ROLES,
  NodeServiceAccount,
  parseRepositoryId,
  type NodeServiceAccountProps,
} from './node-service-account';
export { GkeStack } from './gke-stack';
