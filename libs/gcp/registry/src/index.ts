export {
  DockerRepository,
  IAM_MEMBER,
  REPOSITORY_ROLES,
  type DockerRepositoryProps,
} from './docker-repository';
export {
  artifactRegistryServiceAgent,
  GcpRegistry,
  REGISTRY_APIS,
  type GcpRegistryProps,
} from './registry';
export { GcpRegistryStack, hostsGcpRegistry } from './registry-stack';
