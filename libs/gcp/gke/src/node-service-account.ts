import { ArtifactRegistryRepositoryIamMember } from '@cdktf/provider-google/lib/artifact-registry-repository-iam-member';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import type { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { assertValid, SERVICE_ACCOUNT_ID } from './validation';

/**
 * The project roles a GKE node needs and nothing more (Google's "least privilege node service
 * account" guidance): write logs and metrics, read monitoring config, write resource metadata and
 * autoscaling metrics. Image pulls are granted per repository, not here.
 */
export const NODE_PROJECT_ROLES = [
  'roles/logging.logWriter',
  'roles/monitoring.metricWriter',
  'roles/monitoring.viewer',
  'roles/stackdriver.resourceMetadata.writer',
  'roles/autoscaling.metricsWriter',
] as const;

/** The role that lets the nodes pull images from one Artifact Registry repository. */
export const ARTIFACT_REGISTRY_READER = 'roles/artifactregistry.reader';

/** `projects/<project>/locations/<location>/repositories/<repository>`. */
const REPOSITORY_ID =
  /^projects\/(?<project>[a-z][a-z0-9-]{4,28}[a-z0-9])\/locations\/(?<location>[a-z0-9-]+)\/repositories\/(?<repository>[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)$/;

/** The project, location and name of an Artifact Registry repository id, or undefined. */
export function parseRepositoryId(
  id: string,
): { project: string; location: string; repository: string } | undefined {
  const groups = REPOSITORY_ID.exec(id)?.groups;
  return groups
    ? {
        project: `${groups['project']}`,
        location: `${groups['location']}`,
        repository: `${groups['repository']}`,
      }
    : undefined;
}

/** Props of {@link NodeServiceAccount}. */
export interface NodeServiceAccountProps {
  /** Project of the cluster: the account lives here and gets its project roles here. */
  readonly projectId: string;
  /** Account id (the part before @), 6–30 characters, e.g. dev-gke-nodes. */
  readonly accountId: string;
  /** What the account is for, shown in the console. */
  readonly description: string;
  /**
   * Artifact Registry repositories the nodes pull images from, as full ids
   * (`projects/<p>/locations/<l>/repositories/<r>`): reader on each of these only.
   * @default none: the nodes can pull only public images
   */
  readonly imageRepositoryIds?: readonly string[];
}

/**
 * A dedicated service account for GKE nodes, never the Compute Engine default account (which has
 * Editor on the project): the five node roles on the project, and Artifact Registry reader on the
 * named repositories only. Workloads use Workload Identity, not this account.
 */
export class NodeServiceAccount extends Construct {
  /** The account. */
  readonly account: ServiceAccount;
  /** Its email. */
  readonly email: string;
  /** Every grant: node pools depend on them so nodes can log and pull from their first boot. */
  readonly grants: readonly TerraformResource[];

  constructor(scope: Construct, id: string, props: NodeServiceAccountProps) {
    super(scope, id);
    const repositories = props.imageRepositoryIds ?? [];
    const parsed = repositories.map((r) => parseRepositoryId(r));
    const unparsable = repositories.filter((_, i) => !parsed[i]);
    assertValid(this, [
      [
        !SERVICE_ACCOUNT_ID.test(props.accountId),
        `accountId must be 6-30 lowercase letters, digits or hyphens, starting with a letter (got "${props.accountId}")`,
      ],
      [
        unparsable.length > 0,
        `imageRepositoryIds must be projects/<project>/locations/<location>/repositories/<name>, known at synth (got ${unparsable.map((r) => `"${r}"`).join(', ')})`,
      ],
      [
        new Set(repositories).size !== repositories.length,
        `imageRepositoryIds lists a repository twice`,
      ],
    ]);

    this.account = new ServiceAccount(this, 'account', {
      project: props.projectId,
      accountId: props.accountId,
      displayName: `GKE nodes (${props.accountId})`,
      description: props.description,
    });
    this.email = this.account.email;
    const member = `serviceAccount:${this.account.email}`;
    const grants: TerraformResource[] = NODE_PROJECT_ROLES.map(
      (role) =>
        new ProjectIamMember(this, role.replace('roles/', '').replace(/\./g, '-'), {
          project: props.projectId,
          role,
          member,
        }),
    );
    for (const repository of parsed) {
      if (!repository) continue; // unreachable: refused above
      grants.push(
        new ArtifactRegistryRepositoryIamMember(
          this,
          `pull-${repository.project}-${repository.location}-${repository.repository}`,
          { ...repository, role: ARTIFACT_REGISTRY_READER, member },
        ),
      );
    }
    this.grants = grants;
  }
}
