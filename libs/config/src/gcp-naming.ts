import type { GcpSubnetTierName } from './cidr';
import type { GcpEnvironmentConfig } from './schema/gcp-environment';

/**
 * The Google Cloud names more than one stack family uses, built in one place: a family that
 * needs another's resource in another project (a registry granting pull to the GKE nodes of
 * every environment, a delivery pipeline targeting every environment's cluster) computes its
 * name here instead of reading remote state across projects. The family that creates the
 * resource uses the same function, so both sides agree by construction.
 */

type Named = Pick<GcpEnvironmentConfig, 'name'>;
type Located = Pick<GcpEnvironmentConfig, 'name' | 'gcp'>;

/** The subnet tier GKE runs on: it carries the pods and services secondary ranges. */
export const GKE_SUBNET_TIER: GcpSubnetTierName = 'nodes';

/** The GKE secondary ranges of the nodes tier, by purpose. */
export const GKE_SECONDARY_RANGES = ['pods', 'services'] as const;

/** A GKE secondary range: pods (alias IPs) or services (ClusterIPs). */
export type GkeSecondaryRange = (typeof GKE_SECONDARY_RANGES)[number];

/**
 * Name of a subnet's secondary range: `<tier>-<range>`, e.g. `nodes-pods`. The network creates
 * the range under this name; GKE's `ip_allocation_policy` names it.
 */
export function gcpSecondaryRangeName(tier: string, range: string): string {
  return `${tier}-${range}`;
}

/** The names of the GKE secondary ranges on the nodes subnet, by purpose. */
export function gkeSecondaryRangeNames(): Readonly<Record<GkeSecondaryRange, string>> {
  return {
    pods: gcpSecondaryRangeName(GKE_SUBNET_TIER, 'pods'),
    services: gcpSecondaryRangeName(GKE_SUBNET_TIER, 'services'),
  };
}

/** The environment's VPC network: `<env>-vpc`; its subnets are `<env>-vpc-<tier>`. */
export function gcpNetworkName(env: Named): string {
  return `${env.name}-vpc`;
}

/** Email of a service account from its project and account id (known at synth). */
export function gcpServiceAccountEmail(projectId: string, accountId: string): string {
  return `${accountId}@${projectId}.iam.gserviceaccount.com`;
}

/** The environment's GKE cluster: `<env>-gke`. */
export function gkeClusterName(env: Named): string {
  return `${env.name}-gke`;
}

/**
 * The id GKE gives the environment's cluster,
 * `projects/<project>/locations/<region>/clusters/<env>-gke`: what Cloud Deploy targets.
 */
export function gkeClusterId(env: Located): string {
  return `projects/${env.gcp.projectId}/locations/${env.gcp.region}/clusters/${gkeClusterName(env)}`;
}

/** Account id of the GKE nodes' service account: `<env>-gke-nodes`. */
export function gkeNodeServiceAccountId(env: Named): string {
  return `${gkeClusterName(env)}-nodes`;
}

/** Email of the GKE nodes' service account in the environment's project: what pulls images. */
export function gkeNodeServiceAccountEmail(env: Located): string {
  return gcpServiceAccountEmail(env.gcp.projectId, gkeNodeServiceAccountId(env));
}

/**
 * The Artifact Registry repository of a service's image, in the environment that builds
 * images: `projects/<project>/locations/<region>/repositories/<service>`.
 */
export function artifactRepositoryId(buildEnv: Located, service: string): string {
  return `projects/${buildEnv.gcp.projectId}/locations/${buildEnv.gcp.region}/repositories/${service}`;
}

/** The Cloud Deploy target of an environment: its name (unique per pipeline project). */
export function cloudDeployTargetId(env: Named): string {
  return env.name;
}

/**
 * Account id of the service account that runs Cloud Deploy's jobs for an environment's target:
 * `deploy-<env>`, in the pipeline environment's project.
 */
export function cloudDeployExecutionServiceAccountId(target: Named): string {
  return `deploy-${cloudDeployTargetId(target)}`;
}

/** Email of that account: the member a target environment lets deploy to its cluster. */
export function cloudDeployExecutionServiceAccountEmail(
  pipelineEnv: Located,
  target: Named,
): string {
  return gcpServiceAccountEmail(
    pipelineEnv.gcp.projectId,
    cloudDeployExecutionServiceAccountId(target),
  );
}
