import { ArtifactRegistryRepositoryIamMember } from '@cdktf/provider-google/lib/artifact-registry-repository-iam-member';
import { CloudbuildTrigger } from '@cdktf/provider-google/lib/cloudbuild-trigger';
import { ClouddeployDeliveryPipelineIamMember } from '@cdktf/provider-google/lib/clouddeploy-delivery-pipeline-iam-member';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { Construct } from 'constructs';
import {
  assertValid,
  cloudDeployIdProblem,
  parseRepositoryId,
  SERVICE_ACCOUNT_ID,
} from './validation';

/** What a service's build account may do, and where (each on one resource unless noted). */
export const BUILD_ROLES = {
  /** On the service's Artifact Registry repository: push images. */
  push: 'roles/artifactregistry.writer',
  /** On the build project (builds run as this account, logs go to Cloud Logging only). */
  logs: 'roles/logging.logWriter',
  /** On the service's delivery pipeline: create releases. */
  release: 'roles/clouddeploy.releaser',
  /** On each target's execution account: a release runs its jobs as that account (actAs). */
  actAs: 'roles/iam.serviceAccountUser',
  /** On the artifact bucket: upload the release source (gcloud checks the bucket first). */
  stageObjects: 'roles/storage.objectUser',
  /** On the artifact bucket: storage.buckets.get, which gcloud calls before uploading. */
  stageBucket: 'roles/storage.legacyBucketReader',
} as const;

/** Builder images, pinned by name (Google keeps these current). */
export const BUILDER_IMAGES = {
  docker: 'gcr.io/cloud-builders/docker',
  gcloud: 'gcr.io/google.com/cloudsdktool/cloud-sdk:slim',
} as const;

/** Props of {@link ServiceBuild}. */
export interface ServiceBuildProps {
  /** Service name, e.g. web: names the trigger, the image and the build account. */
  readonly serviceName: string;
  /** Project of the builds and pipelines. */
  readonly projectId: string;
  /** Region of the builds (the connection's region). */
  readonly region: string;
  /** Id of the linked Cloud Build repository (`google_cloudbuildv2_repository` id, a reference). */
  readonly sourceRepositoryId: string;
  /**
   * Branch whose pushes build and release (a regular expression).
   * @default ^main$
   */
  readonly branch?: string;
  /**
   * Only pushes that change these paths build (glob patterns), for monorepos.
   * @default every push to the branch
   */
  readonly includedFiles?: readonly string[];
  /**
   * Directory of the Docker build context, relative to the repository root.
   * @default .
   */
  readonly contextDir?: string;
  /**
   * Skaffold config of the release, relative to the repository root.
   * @default skaffold.yaml
   */
  readonly skaffoldFile?: string;
  /**
   * Artifact Registry repository the image is pushed to, as a full id known at synth
   * (`projects/<p>/locations/<l>/repositories/<r>`): writer on it alone.
   */
  readonly imageRepositoryId: string;
  /**
   * Image name inside that repository, and the name skaffold's manifests use for it.
   * @default the service name
   */
  readonly imageName?: string;
  /** Name of the service's delivery pipeline (a reference): releaser on it alone. */
  readonly pipelineName: string;
  /**
   * The targets' execution accounts by target id, as account ids
   * (`projects/<p>/serviceAccounts/<email>`, references): creating a release needs actAs on each.
   */
  readonly executionServiceAccountIds: Readonly<Record<string, string>>;
  /** Name of the artifact bucket: release sources are staged under `gs://<bucket>/source`. */
  readonly artifactBucketName: string;
  /**
   * Account id of the build service account created here (6–30 characters).
   * @default `build-<serviceName>`
   */
  readonly buildServiceAccountId?: string;
}

/**
 * A service's build: a Cloud Build trigger on pushes to its branch that builds the image,
 * pushes it to Artifact Registry (tagged with the commit SHA) and creates a Cloud Deploy release
 * of it, running as a dedicated build account (not the legacy Cloud Build account) that may only
 * push to the service's repository, write build logs, release through the service's pipeline and
 * stage the release source.
 */
export class ServiceBuild extends Construct {
  /** The trigger. */
  readonly trigger: CloudbuildTrigger;
  /** The build service account. */
  readonly buildServiceAccount: ServiceAccount;
  /** The image, without tag: `<location>-docker.pkg.dev/<project>/<repository>/<image>`. */
  readonly image: string;

  constructor(scope: Construct, id: string, props: ServiceBuildProps) {
    super(scope, id);
    const registry = parseRepositoryId(props.imageRepositoryId);
    const accountId = props.buildServiceAccountId ?? `build-${props.serviceName}`;
    const imageName = props.imageName ?? props.serviceName;
    assertValid(this, [
      cloudDeployIdProblem('serviceName', props.serviceName),
      [
        !registry,
        `imageRepositoryId must be projects/<project>/locations/<location>/repositories/<name>, known at synth (got "${props.imageRepositoryId}")`,
      ],
      [
        !SERVICE_ACCOUNT_ID.test(accountId),
        `buildServiceAccountId must be 6-30 lowercase letters, digits or hyphens (got "${accountId}"${props.buildServiceAccountId ? '' : ', derived from serviceName: set buildServiceAccountId'})`,
      ],
      [
        !/^[a-z0-9]+(?:[._/-][a-z0-9]+)*$/.test(imageName),
        `imageName must be lowercase letters, digits and . _ - / separators (got "${imageName}")`,
      ],
      [
        Object.keys(props.executionServiceAccountIds).length === 0,
        `executionServiceAccountIds must list the execution account of every target of the pipeline`,
      ],
    ]);
    this.image = registry
      ? `${registry.location}-docker.pkg.dev/${registry.project}/${registry.repository}/${imageName}`
      : '';

    this.buildServiceAccount = new ServiceAccount(this, 'build-account', {
      project: props.projectId,
      accountId,
      displayName: `Cloud Build ${props.serviceName}`,
      description: `Builds ${props.serviceName}, pushes its image and creates its releases`,
    });
    const member = `serviceAccount:${this.buildServiceAccount.email}`;
    const grants = [
      new ArtifactRegistryRepositoryIamMember(this, 'push', {
        project: registry?.project,
        location: registry?.location,
        repository: `${registry?.repository}`,
        role: BUILD_ROLES.push,
        member,
      }),
      new ProjectIamMember(this, 'logs', {
        project: props.projectId,
        role: BUILD_ROLES.logs,
        member,
      }),
      new ClouddeployDeliveryPipelineIamMember(this, 'release', {
        project: props.projectId,
        location: props.region,
        name: props.pipelineName,
        role: BUILD_ROLES.release,
        member,
      }),
      new StorageBucketIamMember(this, 'stage-objects', {
        bucket: props.artifactBucketName,
        role: BUILD_ROLES.stageObjects,
        member,
      }),
      new StorageBucketIamMember(this, 'stage-bucket', {
        bucket: props.artifactBucketName,
        role: BUILD_ROLES.stageBucket,
        member,
      }),
      ...Object.entries(props.executionServiceAccountIds).map(
        ([targetId, serviceAccountId]) =>
          new ServiceAccountIamMember(this, `act-as-${targetId}`, {
            serviceAccountId,
            role: BUILD_ROLES.actAs,
            member,
          }),
      ),
    ];

    // Cloud Build substitutions use $NAME: never ${NAME}, which terraform would interpolate.
    const tagged = '$_IMAGE:$COMMIT_SHA';
    this.trigger = new CloudbuildTrigger(this, 'trigger', {
      name: `${props.serviceName}-release`,
      project: props.projectId,
      location: props.region,
      description: `Builds ${props.serviceName} on pushes to ${props.branch ?? '^main$'} and releases it`,
      serviceAccount: this.buildServiceAccount.id,
      repositoryEventConfig: {
        repository: props.sourceRepositoryId,
        push: { branch: props.branch ?? '^main$' },
      },
      includedFiles: props.includedFiles ? [...props.includedFiles] : undefined,
      substitutions: { _IMAGE: this.image },
      buildAttribute: {
        step: [
          {
            id: 'build',
            name: BUILDER_IMAGES.docker,
            args: ['build', '--tag', tagged, props.contextDir ?? '.'],
          },
          { id: 'push', name: BUILDER_IMAGES.docker, args: ['push', tagged] },
          {
            id: 'release',
            name: BUILDER_IMAGES.gcloud,
            entrypoint: 'gcloud',
            args: [
              'deploy',
              'releases',
              'create',
              'rel-$SHORT_SHA-$BUILD_ID',
              `--project=${props.projectId}`,
              `--region=${props.region}`,
              `--delivery-pipeline=${props.pipelineName}`,
              `--images=${imageName}=${tagged}`,
              `--skaffold-file=${props.skaffoldFile ?? 'skaffold.yaml'}`,
              `--gcs-source-staging-dir=gs://${props.artifactBucketName}/source`,
            ],
          },
        ],
        images: [tagged],
        options: { logging: 'CLOUD_LOGGING_ONLY' },
        timeout: '1800s',
      },
      dependsOn: grants,
    });
  }
}
