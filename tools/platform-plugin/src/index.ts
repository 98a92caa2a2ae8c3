export { serviceGenerator } from './generators/service/generator';
export type { ServiceGeneratorSchema } from './generators/service/schema';
export { environmentGenerator } from './generators/environment/generator';
export type { EnvironmentGeneratorSchema } from './generators/environment/schema';
export { stackFamilyGenerator } from './generators/stack-family/generator';
export type { StackFamilyGeneratorSchema } from './generators/stack-family/schema';
