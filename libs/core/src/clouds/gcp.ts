import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import {
  type GcpEnvironment,
  gcpLabelValue,
  gcpStateKmsKeyId,
  stackName,
  statePrefix,
} from '@platform/config';
import { GcsBackend, LocalBackend, type TerraformStack } from 'cdktf';
import { bootstrapLocalStatePath } from '../paths';

/**
 * The google provider and the GCS backend of a stack.
 *
 * - The provider is pinned to the environment's project and region and labels every resource
 *   that takes labels (`default_labels`); it carries no credentials: the caller brings them
 *   (Workload Identity Federation in CI).
 * - State lives in the environment's bucket under `stacks/<stack>/`, encrypted with the state
 *   key (CMEK) and locked by the gcs backend's own lock object.
 */
export function configureGcp(
  stack: TerraformStack,
  family: string,
  env: GcpEnvironment,
  localState: boolean,
): void {
  new GoogleProvider(stack, 'google', {
    project: env.gcp.projectId,
    region: env.gcp.region,
    defaultLabels: {
      environment: gcpLabelValue(env.name),
      stack: gcpLabelValue(stackName(family, env)),
      owner: gcpLabelValue(env.tags.owner),
      'cost-center': gcpLabelValue(env.tags.costCenter),
      'managed-by': 'cdktf',
      repository: gcpLabelValue(env.github.repository),
    },
  });

  if (localState) {
    new LocalBackend(stack, { path: bootstrapLocalStatePath(stackName(family, env)) });
    return;
  }
  new GcsBackend(stack, {
    bucket: env.gcp.state.bucket,
    prefix: statePrefix(family, env),
    kmsEncryptionKey: gcpStateKmsKeyId(env),
  });
}
