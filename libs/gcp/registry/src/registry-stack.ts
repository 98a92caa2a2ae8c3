import {
  type GcpEnvironment,
  gkeNodeServiceAccountEmail,
  pipelineEnvironment,
} from '@platform/config';
import { PlatformStack } from '@platform/core';
import type { Construct } from 'constructs';
import { GcpRegistry } from './registry';

/**
 * Whether a GCP environment has a registry stack: only the first on the promotion path (lowest
 * deployOrder), where Cloud Build builds every image, and only once it has a service to build.
 */
export function hostsGcpRegistry(
  environment: Pick<GcpEnvironment, 'name' | 'services'>,
  all: readonly Pick<GcpEnvironment, 'name' | 'deployOrder'>[],
): boolean {
  return (
    all.length > 0 &&
    pipelineEnvironment(all).name === environment.name &&
    environment.services.length > 0
  );
}

/**
 * `registry-<env>` of a Google Cloud environment: the container images of every GCP environment.
 *
 * Images are built once, in the first GCP environment on the promotion path, and every later
 * environment pulls those same images from there (Cloud Deploy promotes a release, not a
 * rebuild): that environment's registry holds one Artifact Registry repository per service and
 * grants pull to the GKE node service account of every GCP environment, its email computed from
 * the environment's project (`gkeNodeServiceAccountEmail`, the name the gke family creates it
 * under), with no remote state across projects. Its repositories serve production, so they are
 * protected (`prevent_destroy`) as soon as any environment is.
 *
 * Later GCP environments get **no registry stack** (the app's factory builds none for them, and
 * synth says so): they have no images of their own, and an empty stack would be a state object
 * to bootstrap, plan and guard for nothing. See {@link hostsGcpRegistry}.
 *
 * Order: IAM refuses a binding to an account that does not exist, so every node account must
 * exist before this stack grants it pull. The registry app depends on the gke app (Nx
 * `implicitDependencies`), so in its own environment gke deploys first; a later environment's
 * account exists only once that environment's gke stack is applied: when adding a GCP
 * environment, apply its gke stack before re-applying this one (until then this apply stops at
 * the grants to the missing account).
 */
export class GcpRegistryStack extends PlatformStack {
  /** The registry. */
  readonly registry: GcpRegistry;

  /**
   * @param environment the environment this stack deploys to: the first GCP environment
   * @param all every GCP environment in promotion order, this one included
   */
  constructor(scope: Construct, environment: GcpEnvironment, all: readonly GcpEnvironment[]) {
    super(scope, { family: 'registry', environment });
    const env = environment;
    if (!all.some((e) => e.name === env.name)) {
      throw new Error(
        `registry-${env.name}: "all" must list every GCP environment, this one included`,
      );
    }
    if (!hostsGcpRegistry(env, all)) {
      throw new Error(
        `registry-${env.name}: only ${pipelineEnvironment(all).name}, the first GCP environment on the promotion path, has a registry, and only once it builds a service: build no registry stack for ${env.name}`,
      );
    }

    this.registry = new GcpRegistry(this, 'registry', {
      projectId: env.gcp.projectId,
      projectNumber: env.gcp.projectNumber,
      location: env.gcp.region,
      repositories: env.services.map((s) => s.name),
      keepTaggedVersions: env.registry.keepTaggedVersions,
      untaggedRetentionDays: env.registry.untaggedRetentionDays,
      readers: all.map((e) => `serviceAccount:${gkeNodeServiceAccountEmail(e)}`),
      protect: all.some((e) => e.production),
    });
  }
}
