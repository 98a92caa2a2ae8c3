export * from './schema';
export { BUILTIN_PROVIDER, BUILTIN_SCHEMA } from './builtin';
export { stringKind, isTemplate, type StringKind } from './expressions';
export { checkType, type TypeProblem } from './cty';
export {
  checkStackSchema,
  type FindingKind,
  type SchemaFinding,
  type StackSchemaReport,
  type UncheckedBlock,
} from './check';
export { providerBlockFromBinding, type BindingFactory, type HclAttribute } from './binding';
export { schemaSubset, stableJson, type SubsetRequest } from './subset';
export {
  deepImports,
  terraformTypeOfModule,
  typescriptFiles,
  usedProviderTypes,
  type UsedType,
} from './provider-imports';
export {
  SCHEMA_DIR,
  committedSchemaFile,
  committedSchemasFor,
  mergeSchemas,
  requiredProviders,
} from './committed';
export {
  GOOGLE_BASELINE_RESOURCES,
  GOOGLE_BINDING,
  GOOGLE_PROVIDER,
  GOOGLE_SCAN_ROOTS,
} from './google';
export {
  buildGoogleSubset,
  defaultGoogleSource,
  googleProviderBlockFromBinding,
  googleProviderVersion,
  readSchemaDocument,
  typesInSynthesizedStacks,
  type GoogleSubset,
} from './google-subset';
