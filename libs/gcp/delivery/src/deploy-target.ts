import { ClouddeployTarget } from '@cdktf/provider-google/lib/clouddeploy-target';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { Construct } from 'constructs';
import {
  assertValid,
  cloudDeployIdProblem,
  parseClusterId,
  SERVICE_ACCOUNT_ID,
} from './validation';

/** Every job Cloud Deploy runs for a target: all of them run as the target's own account. */
export const EXECUTION_USAGES = ['RENDER', 'DEPLOY', 'VERIFY', 'PREDEPLOY', 'POSTDEPLOY'] as const;

/** What a target's execution account may do, and where. */
export const EXECUTION_ROLES = {
  /** On the pipelines' project: run Cloud Deploy jobs (render, deploy, verify). */
  jobRunner: 'roles/clouddeploy.jobRunner',
  /** On the cluster's project: apply Kubernetes objects (no cluster or IAM administration). */
  clusterDeveloper: 'roles/container.developer',
  /** On the artifact bucket only: read release sources, write rendered manifests. */
  artifacts: 'roles/storage.objectUser',
  /** On the private pool's project, only when the target runs in a private pool. */
  workerPoolUser: 'roles/cloudbuild.workerPoolUser',
} as const;

/** `projects/<project>/locations/<location>/workerPools/<name>`. */
const WORKER_POOL =
  /^projects\/(?<project>[a-z][a-z0-9-]{4,28}[a-z0-9])\/locations\/[a-z0-9-]+\/workerPools\/[a-z0-9-]{1,63}$/;

/** Props of {@link GkeDeployTarget}. */
export interface GkeDeployTargetProps {
  /** Target id, e.g. prod (1–63 lowercase letters, digits, hyphens). */
  readonly targetId: string;
  /** Project of the pipelines: the target and its execution account live here. */
  readonly projectId: string;
  /** Region of the pipelines (targets live in the pipeline's region). */
  readonly region: string;
  /**
   * The cluster, `projects/<project>/locations/<region>/clusters/<name>`, known at synth (name
   * it from config): its project is where the execution account may deploy.
   */
  readonly clusterId: string;
  /**
   * Rollouts to this target wait for a person with clouddeploy.approver to approve them.
   * @default false
   */
  readonly requireApproval?: boolean;
  /** Name of the pipelines' artifact bucket: render results go to `gs://<bucket>/<targetId>`. */
  readonly artifactBucketName: string;
  /**
   * Reach the cluster through its DNS-based endpoint (IAM-authenticated; the cluster must accept
   * external traffic on it).
   * @default false: through the control plane's internal IP, from `workerPool`
   */
  readonly dnsEndpoint?: boolean;
  /**
   * Cloud Build private pool that runs this target's jobs
   * (`projects/<p>/locations/<l>/workerPools/<name>`). Needed unless `dnsEndpoint`: the default
   * pool cannot reach a private control plane.
   * @default the default pool (only with `dnsEndpoint`)
   */
  readonly workerPool?: string;
  /**
   * Account id of the execution service account created here (6–30 characters).
   * @default `deploy-<targetId>`
   */
  readonly executionServiceAccountId?: string;
  /**
   * Grant the execution account `container.developer` on the cluster's project here. Turn it
   * off for a cluster in another project whose own stack grants it: setting IAM in that project
   * takes rights this project's deployer should not have.
   * @default true
   */
  readonly grantClusterAccess?: boolean;
}

/**
 * A Cloud Deploy GKE target with a dedicated execution service account: it runs the target's
 * render, deploy and verify jobs (never the Compute default account), with only
 * `clouddeploy.jobRunner` on the pipelines' project, `container.developer` on the cluster's
 * project (unless that project grants it itself), object access on the artifact bucket, and (with a private pool) the pool's use.
 */
export class GkeDeployTarget extends Construct {
  /** The target. */
  readonly target: ClouddeployTarget;
  /** The execution service account. */
  readonly executionServiceAccount: ServiceAccount;
  /** The target id. */
  readonly targetId: string;

  constructor(scope: Construct, id: string, props: GkeDeployTargetProps) {
    super(scope, id);
    const cluster = parseClusterId(props.clusterId);
    const accountId = props.executionServiceAccountId ?? `deploy-${props.targetId}`;
    const dnsEndpoint = props.dnsEndpoint ?? false;
    const poolProject = props.workerPool
      ? WORKER_POOL.exec(props.workerPool)?.groups?.['project']
      : undefined;
    assertValid(this, [
      cloudDeployIdProblem('targetId', props.targetId),
      [
        !cluster,
        `clusterId must be projects/<project>/locations/<location>/clusters/<name>, known at synth (got "${props.clusterId}")`,
      ],
      [
        !SERVICE_ACCOUNT_ID.test(accountId),
        `executionServiceAccountId must be 6-30 lowercase letters, digits or hyphens (got "${accountId}"${props.executionServiceAccountId ? '' : ', derived from targetId: set executionServiceAccountId'})`,
      ],
      [
        !dnsEndpoint && !props.workerPool,
        `set dnsEndpoint or workerPool: the default Cloud Build pool cannot reach the cluster's private control plane`,
      ],
      [
        props.workerPool !== undefined && !poolProject,
        `workerPool must be projects/<project>/locations/<location>/workerPools/<name> (got "${props.workerPool}")`,
      ],
    ]);
    this.targetId = props.targetId;

    this.executionServiceAccount = new ServiceAccount(this, 'execution-account', {
      project: props.projectId,
      accountId,
      displayName: `Cloud Deploy ${props.targetId}`,
      description: `Runs Cloud Deploy jobs (render, deploy, verify) for the ${props.targetId} target`,
    });
    const member = `serviceAccount:${this.executionServiceAccount.email}`;
    new ProjectIamMember(this, 'job-runner', {
      project: props.projectId,
      role: EXECUTION_ROLES.jobRunner,
      member,
    });
    if (props.grantClusterAccess ?? true) {
      new ProjectIamMember(this, 'cluster-developer', {
        project: cluster?.project ?? props.projectId,
        role: EXECUTION_ROLES.clusterDeveloper,
        member,
      });
    }
    new StorageBucketIamMember(this, 'artifacts', {
      bucket: props.artifactBucketName,
      role: EXECUTION_ROLES.artifacts,
      member,
    });
    if (poolProject) {
      new ProjectIamMember(this, 'worker-pool-user', {
        project: poolProject,
        role: EXECUTION_ROLES.workerPoolUser,
        member,
      });
    }

    this.target = new ClouddeployTarget(this, 'target', {
      name: props.targetId,
      project: props.projectId,
      location: props.region,
      description: `GKE cluster ${cluster?.name ?? props.clusterId}`,
      requireApproval: props.requireApproval ?? false,
      gke: dnsEndpoint
        ? { cluster: props.clusterId, dnsEndpoint: true }
        : { cluster: props.clusterId, internalIp: true },
      executionConfigs: [
        {
          usages: [...EXECUTION_USAGES],
          serviceAccount: this.executionServiceAccount.email,
          artifactStorage: `gs://${props.artifactBucketName}/${props.targetId}`,
          workerPool: props.workerPool,
        },
      ],
    });
  }
}
