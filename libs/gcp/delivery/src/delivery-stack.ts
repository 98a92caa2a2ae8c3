import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import {
  artifactRepositoryId,
  cloudDeployExecutionServiceAccountEmail,
  cloudDeployExecutionServiceAccountId,
  cloudDeployTargetId,
  type GcpEnvironment,
  gkeClusterId,
  pipelineEnvironment,
} from '@platform/config';
import { PlatformStack } from '@platform/core';
import type { Construct } from 'constructs';
import { GcpDelivery } from './delivery';
import { EXECUTION_ROLES } from './deploy-target';

/**
 * Whether GCP environments have a delivery stack: once the first environment on the promotion
 * path (where images are built) has a service to build and release.
 */
export function hasGcpDelivery(
  all: readonly Pick<GcpEnvironment, 'deployOrder' | 'name' | 'services'>[],
): boolean {
  return all.length > 0 && pipelineEnvironment(all).services.length > 0;
}

/** The artifact bucket of the pipelines: named after the pipeline project (ids are globally unique). */
export function deliveryArtifactBucketName(pipelineEnv: Pick<GcpEnvironment, 'gcp'>): string {
  return `${pipelineEnv.gcp.projectId}-delivery-artifacts`;
}

/** A branch name as the anchored regular expression a Cloud Build trigger matches. */
const branchPattern = (branch: string) => `^${branch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/**
 * `delivery-<env>` of a Google Cloud environment: how releases reach GKE.
 *
 * - The first GCP environment on the promotion path (the pipeline environment, like the AWS
 *   pipelines): {@link GcpDelivery} in its project. A Cloud Deploy target per GCP environment,
 *   in promotion order, pointing at that environment's cluster by the id the gke family gives
 *   it (`gkeClusterId`, computed from config: no remote state across projects), approval on
 *   production targets, through the DNS endpoint (`gke.dnsEndpoint`) or a private pool
 *   (`delivery.workerPool`); a pipeline per service with the production environment's canary
 *   steps (`delivery.canaryPercentages`) on its last stage; a Cloud Build trigger per service
 *   over the GitHub connection of `delivery.github`, pushing to the service's repository in the
 *   registry of that same environment.
 * - Every later GCP environment: only the grant that lets its target's execution account (in
 *   the pipeline project, `deploy-<env>`) deploy to its cluster (`container.developer` on its
 *   own project). The pipeline project's deployer cannot set IAM in another project, and the
 *   account exists by then: the pipeline environment deploys first.
 *
 * No GCP environment has a delivery stack while the pipeline environment builds no service
 * (see {@link hasGcpDelivery}).
 */
export class GcpDeliveryStack extends PlatformStack {
  /** The pipelines, targets and builds (pipeline environment only). */
  readonly delivery?: GcpDelivery;

  /**
   * @param environment the environment this stack deploys to
   * @param all every GCP environment: the one with the lowest deployOrder runs the pipelines
   */
  constructor(scope: Construct, environment: GcpEnvironment, all: readonly GcpEnvironment[]) {
    super(scope, { family: 'delivery', environment });
    const env = environment;
    if (!all.some((e) => e.name === env.name)) {
      throw new Error(
        `delivery-${env.name}: "all" must list every GCP environment, this one included`,
      );
    }
    if (!hasGcpDelivery(all)) {
      throw new Error(
        `delivery-${env.name}: ${pipelineEnvironment(all).name} builds no service yet: build no delivery stack`,
      );
    }
    const pipelineEnv = pipelineEnvironment(all);
    if (pipelineEnv.name !== env.name) {
      new ProjectIamMember(this, 'pipeline-cluster-developer', {
        project: env.gcp.projectId,
        role: EXECUTION_ROLES.clusterDeveloper,
        member: `serviceAccount:${cloudDeployExecutionServiceAccountEmail(pipelineEnv, env)}`,
      });
      return;
    }

    const github = env.delivery.github;
    if (!github) {
      throw new Error(
        `delivery-${env.name}: delivery.github is required in ${env.file}: images are built here`,
      );
    }
    const ordered = [...all].sort((a, b) => a.deployOrder - b.deployOrder);
    const production = ordered[ordered.length - 1] as GcpEnvironment;
    this.delivery = new GcpDelivery(this, 'delivery', {
      projectId: env.gcp.projectId,
      projectNumber: env.gcp.projectNumber,
      region: env.gcp.region,
      artifactBucketName: deliveryArtifactBucketName(env),
      githubAppInstallationId: github.appInstallationId,
      githubOauthTokenSecretVersion: github.tokenSecretVersion,
      environments: ordered.map((target) => ({
        name: cloudDeployTargetId(target),
        clusterId: gkeClusterId(target),
        production: target.production,
        dnsEndpoint: target.gke.dnsEndpoint,
        workerPool: target.delivery.workerPool,
        executionServiceAccountId: cloudDeployExecutionServiceAccountId(target),
        grantClusterAccess: target.gcp.projectId === env.gcp.projectId,
      })),
      services: env.services.map((service) => ({
        name: service.name,
        githubRepository: service.source.repository,
        branch: branchPattern(service.source.branch),
        imageRepositoryId: artifactRepositoryId(env, service.name),
        canaryPercentages: production.delivery.canaryPercentages,
      })),
    });
  }
}
