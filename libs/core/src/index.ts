export { PlatformStack, type PlatformStackProps } from './stack';
export { optionalSection } from './optional-section';
export {
  loadApp,
  runApp,
  SYNTH_MANIFEST,
  synthFailure,
  synthFamily,
  synthReport,
  type AppDefinition,
  type EnvironmentsSource,
  type FamilyFactories,
  type StackFactory,
  type SynthReport,
  type SynthResult,
} from './app';
export { BOOTSTRAP_STATE_DIR, bootstrapLocalStatePath, synthOutputDir } from './paths';
export {
  defineContract,
  type ContractValues,
  type OutputKind,
  type StackContract,
} from './remote-state';
export { networkContract, type NetworkRef } from './contracts/network';
export { alertingContract, type AlertingRef } from './contracts/alerting';
export { ecsContract, type EcsRef, type EcsServiceRef } from './contracts/ecs';
export { eksContract, type EksRef } from './contracts/eks';
export { gcpNetworkContract, type GcpNetworkRef } from './contracts/gcp-network';
export { gkeContract, type GkeRef } from './contracts/gke';
export { registryContract, type RegistryRef } from './contracts/registry';
export { sharedEnvironments, synthApps, type HostedApp } from './host';
export { keepAddresses } from './addresses';
