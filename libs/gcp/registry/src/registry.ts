import { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { Construct } from 'constructs';
import { DockerRepository } from './docker-repository';
import { GcpEncryptionKey } from '@platform/gcp-common';

/** APIs the registry needs: Artifact Registry, and Container Scanning (scans every pushed image). */
export const REGISTRY_APIS = [
  'artifactregistry.googleapis.com',
  'containerscanning.googleapis.com',
] as const;

/** The Artifact Registry service agent of a project: encrypts and decrypts images with the CMEK key. */
export function artifactRegistryServiceAgent(projectNumber: string): string {
  return `serviceAccount:service-${projectNumber}@gcp-sa-artifactregistry.iam.gserviceaccount.com`;
}

const PROJECT_NUMBER = /^[1-9]\d{5,18}$/;

/** Props of {@link GcpRegistry}. */
export interface GcpRegistryProps {
  /**
   * Project of the registry.
   * @default the provider's project
   */
  readonly projectId?: string;
  /**
   * Number of the project: names its Artifact Registry service agent (no API lookup at plan
   * time).
   */
  readonly projectNumber: string;
  /** Region of the repositories and their key, e.g. `europe-west1`. */
  readonly location: string;
  /** One Docker repository per name (one per service), e.g. `['api', 'web']`. */
  readonly repositories: readonly string[];
  /** Most recent versions of each image every cleanup policy keeps. */
  readonly keepTaggedVersions: number;
  /**
   * Days an untagged version lives.
   * @default 7
   */
  readonly untaggedRetentionDays?: number;
  /**
   * Days a tagged version lives unless among the most recent `keepTaggedVersions`.
   * @default 90
   */
  readonly taggedRetentionDays?: number;
  /**
   * IAM members that pull from every repository, e.g. the GKE node service accounts of the
   * environments that deploy (other projects included).
   * @default none
   */
  readonly readers?: readonly string[];
  /**
   * IAM members that push to every repository, e.g. the build service account.
   * @default none
   */
  readonly writers?: readonly string[];
  /**
   * Key ring of the images' key (key rings are never deleted: the name stays taken).
   * @default artifact-registry
   */
  readonly keyRingName?: string;
  /**
   * Days between rotations of the images' key, at most 90.
   * @default 90
   */
  readonly keyRotationDays?: number;
  /**
   * `prevent_destroy` on the repositories, the key and its ring.
   * @default true
   */
  readonly protect?: boolean;
  /**
   * Enable the Artifact Registry and Container Scanning APIs (never disabled on destroy).
   * @default true
   */
  readonly enableApis?: boolean;
}

/**
 * The container registry of a project: one Artifact Registry Docker repository per service
 * (see {@link DockerRepository}), encrypted with a Cloud KMS key of its own that only the
 * project's Artifact Registry service agent uses; vulnerability scanning on; pull access for
 * the given readers (cross-project) and push access for the given writers.
 */
export class GcpRegistry extends Construct {
  /** The images' key. */
  readonly key: GcpEncryptionKey;
  /** Repositories by name. */
  readonly repositories: Readonly<Record<string, DockerRepository>>;

  constructor(scope: Construct, id: string, props: GcpRegistryProps) {
    super(scope, id);
    const names = props.repositories;
    const problems = [
      [
        !PROJECT_NUMBER.test(props.projectNumber),
        `projectNumber must be the project's number, digits only (got "${props.projectNumber}")`,
      ],
      [names.length === 0, 'repositories must name at least one repository'],
      [
        new Set(names).size !== names.length,
        `repositories lists a name twice (got ${names.join(', ')})`,
      ],
    ] as const;
    const messages = problems.filter(([bad]) => bad).map(([, message]) => message);
    if (messages.length > 0) throw new Error(`${this.node.path}: ${messages.join('; ')}`);

    const apis =
      props.enableApis === false
        ? []
        : REGISTRY_APIS.map(
            (service) =>
              new ProjectService(this, `api-${service.split('.')[0]}`, {
                project: props.projectId,
                service,
                disableOnDestroy: false,
              }),
          );

    // The service agent exists once the Artifact Registry API is on: grant after enabling it.
    this.key = new GcpEncryptionKey(this, 'key', {
      keyRingName: props.keyRingName ?? 'artifact-registry',
      keyName: 'images',
      location: props.location,
      projectId: props.projectId,
      rotationDays: props.keyRotationDays,
      encrypterDecrypters: [artifactRegistryServiceAgent(props.projectNumber)],
      grantsDependOn: apis,
      protect: props.protect,
    });

    this.repositories = Object.fromEntries(
      names.map((name) => [
        name,
        new DockerRepository(this, `repository-${name}`, {
          repositoryId: name,
          location: props.location,
          projectId: props.projectId,
          kmsKeyName: this.key.key.id,
          keepTaggedVersions: props.keepTaggedVersions,
          untaggedRetentionDays: props.untaggedRetentionDays,
          taggedRetentionDays: props.taggedRetentionDays,
          readers: props.readers,
          writers: props.writers,
          protect: props.protect,
          dependsOn: [...apis, ...this.key.grants],
        }),
      ]),
    );
  }
}
