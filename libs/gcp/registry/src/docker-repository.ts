import { ArtifactRegistryRepository } from '@cdktf/provider-google/lib/artifact-registry-repository';
import { ArtifactRegistryRepositoryIamMember } from '@cdktf/provider-google/lib/artifact-registry-repository-iam-member';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

/** The repository roles this construct grants, by intent. */
export const REPOSITORY_ROLES = {
  pull: 'roles/artifactregistry.reader',
  push: 'roles/artifactregistry.writer',
} as const;

/** An IAM member as GCP writes it in a binding. */
export const IAM_MEMBER = /^(user|group|serviceAccount|domain):[^\s:]+$|^principalSet:\/\/\S+$/;

const REPOSITORY_ID = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const SECONDS_PER_DAY = 86_400;

/** Props of {@link DockerRepository}. */
export interface DockerRepositoryProps {
  /** Repository id, e.g. `web`. */
  readonly repositoryId: string;
  /** Location of the repository (a region), e.g. `europe-west1`; the key must be in the same location. */
  readonly location: string;
  /**
   * Project of the repository.
   * @default the provider's project
   */
  readonly projectId?: string;
  /** Resource id of the Cloud KMS key that encrypts the images (`projects/…/cryptoKeys/…`). */
  readonly kmsKeyName: string;
  /** Most recent versions of each image kept whatever their age (the cleanup policy's keep rule). */
  readonly keepTaggedVersions: number;
  /**
   * Days an untagged version lives before the cleanup policy deletes it.
   * @default 7
   */
  readonly untaggedRetentionDays?: number;
  /**
   * Days a tagged version lives before the cleanup policy deletes it, unless it is one of the
   * `keepTaggedVersions` most recent.
   * @default 90
   */
  readonly taggedRetentionDays?: number;
  /**
   * IAM members that pull images, e.g. the GKE node service accounts of the environments that
   * deploy them (any project).
   * @default none
   */
  readonly readers?: readonly string[];
  /**
   * IAM members that push images, e.g. the build service account.
   * @default none
   */
  readonly writers?: readonly string[];
  /**
   * Add `prevent_destroy`: terraform refuses any plan that destroys the repository.
   * @default true
   */
  readonly protect?: boolean;
  /**
   * Resources to create first, e.g. the service agent's grant on the key (the repository's
   * creation fails when the agent cannot use the key yet).
   * @default none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * An Artifact Registry Docker repository with our defaults: immutable tags (a tag names one
 * image forever), CMEK with our key, vulnerability scanning as the project sets it
 * (containerscanning.googleapis.com on: every push is scanned), an active cleanup policy
 * (untagged versions deleted after N days, tagged ones after M days unless among the most
 * recent K), `prevent_destroy`, and pull/push grants by member.
 */
export class DockerRepository extends Construct {
  /** The repository. */
  readonly repository: ArtifactRegistryRepository;

  constructor(scope: Construct, id: string, props: DockerRepositoryProps) {
    super(scope, id);
    const untaggedDays = props.untaggedRetentionDays ?? 7;
    const taggedDays = props.taggedRetentionDays ?? 90;
    const readers = props.readers ?? [];
    const writers = props.writers ?? [];
    const wholeDays = (days: number) => Number.isInteger(days) && days >= 1;
    const problems = [
      [
        !REPOSITORY_ID.test(props.repositoryId),
        `repositoryId must be 1-63 lowercase letters, digits or hyphens, starting with a letter (got "${props.repositoryId}")`,
      ],
      [
        !Number.isInteger(props.keepTaggedVersions) || props.keepTaggedVersions < 1,
        `keepTaggedVersions must be a whole number >= 1 (got ${props.keepTaggedVersions})`,
      ],
      [
        !wholeDays(untaggedDays),
        `untaggedRetentionDays must be a whole number >= 1 (got ${untaggedDays})`,
      ],
      [
        !wholeDays(taggedDays),
        `taggedRetentionDays must be a whole number >= 1 (got ${taggedDays})`,
      ],
      ...(['readers', 'writers'] as const).flatMap((prop) => {
        const members = prop === 'readers' ? readers : writers;
        const bad = members.filter((m) => !IAM_MEMBER.test(m));
        return [
          [
            bad.length > 0,
            `${prop} must be IAM members such as "serviceAccount:nodes@project.iam.gserviceaccount.com" (got ${bad.map((m) => `"${m}"`).join(', ')})`,
          ],
          [
            new Set(members).size !== members.length,
            `${prop} lists a member twice (got ${members.join(', ')})`,
          ],
        ] as const;
      }),
    ] as const;
    const messages = problems.filter(([bad]) => bad).map(([, message]) => message);
    if (messages.length > 0) throw new Error(`${this.node.path}: ${messages.join('; ')}`);

    this.repository = new ArtifactRegistryRepository(this, 'repository', {
      repositoryId: props.repositoryId,
      location: props.location,
      project: props.projectId,
      format: 'DOCKER',
      description: `Images of ${props.repositoryId}`,
      kmsKeyName: props.kmsKeyName,
      dockerConfig: { immutableTags: true },
      vulnerabilityScanningConfig: { enablementConfig: 'INHERITED' },
      cleanupPolicyDryRun: false,
      cleanupPolicies: [
        {
          id: 'delete-untagged',
          action: 'DELETE',
          condition: { tagState: 'UNTAGGED', olderThan: `${untaggedDays * SECONDS_PER_DAY}s` },
        },
        {
          id: 'delete-old-tagged',
          action: 'DELETE',
          condition: { tagState: 'TAGGED', olderThan: `${taggedDays * SECONDS_PER_DAY}s` },
        },
        {
          id: 'keep-most-recent',
          action: 'KEEP',
          mostRecentVersions: { keepCount: props.keepTaggedVersions },
        },
      ],
      lifecycle: props.protect === false ? undefined : { preventDestroy: true },
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
    });
    this.grant('pull', readers);
    this.grant('push', writers);
  }

  /** Lets `members` pull images from the repository. */
  grantPull(...members: string[]): void {
    this.grant('pull', members);
  }

  /** Lets `members` push images to the repository. */
  grantPush(...members: string[]): void {
    this.grant('push', members);
  }

  private grant(intent: keyof typeof REPOSITORY_ROLES, members: readonly string[]): void {
    for (const member of members) {
      new ArtifactRegistryRepositoryIamMember(this, `${intent}-${member.replace(/\//g, '_')}`, {
        project: this.repository.project,
        location: this.repository.location,
        repository: this.repository.name,
        role: REPOSITORY_ROLES[intent],
        member,
      });
    }
  }
}
