import type { Rule } from '../types';
import { gkePrivateNodes } from './gke/private-nodes';
import { gkeNoLegacyAbac } from './gke/no-legacy-abac';
import { gkeWorkloadIdentity } from './gke/workload-identity';
import { gkeShieldedNodes } from './gke/shielded-nodes';
import { gkeReleaseChannel } from './gke/release-channel';
import { gkeNetworkPolicy } from './gke/network-policy';
import { gkeSecretsCmek } from './gke/secrets-cmek';
import { gkeNodeServiceAccount } from './gke/node-service-account';
import { subnetFlowLogs } from './gcp-network/subnet-flow-logs';
import { subnetPrivateGoogleAccess } from './gcp-network/private-google-access';
import { firewallNoOpenSsh } from './gcp-network/no-open-ssh';
import { firewallNoOpenRdp } from './gcp-network/no-open-rdp';
import { gcsUniformAccess } from './gcs/uniform-access';
import { gcsPublicAccessPrevention } from './gcs/public-access-prevention';
import { gcsVersioning } from './gcs/versioning';
import { artifactRegistryCmek } from './artifact-registry/cmek';
import { cloudKmsRotation } from './cloud-kms/rotation';

/** The rules every Google Cloud stack is checked against at synth. */
export const GCP_RULES: readonly Rule[] = [
  gkePrivateNodes,
  gkeNoLegacyAbac,
  gkeWorkloadIdentity,
  gkeShieldedNodes,
  gkeReleaseChannel,
  gkeNetworkPolicy,
  gkeSecretsCmek,
  gkeNodeServiceAccount,
  subnetFlowLogs,
  subnetPrivateGoogleAccess,
  firewallNoOpenSsh,
  firewallNoOpenRdp,
  gcsUniformAccess,
  gcsPublicAccessPrevention,
  gcsVersioning,
  artifactRegistryCmek,
  cloudKmsRotation,
];
