export {
  DockerRepository,
  IAM_MEMBER,
  REPOSITORY_ROLES,
  type DockerRepositoryProps,
} from './docker-repository';
export {
  CMEK_USER_ROLE,
  GcpEncryptionKey,
  MAX_KEY_ROTATION_DAYS,
  type GcpEncryptionKeyProps,
} from './encryption-key';
export {
  artifactRegistryServiceAgent,
  GcpRegistry,
  REGISTRY_APIS,
  type GcpRegistryProps,
} from './registry';
