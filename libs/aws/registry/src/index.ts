export { ImageRepository, type ImageRepositoryProps } from './repository';
export { RegistryStack, repositoriesOf } from './registry-stack';
