import { Construct } from 'constructs';
import { DeliveryArtifactBucket } from './artifact-bucket';
import { ServiceDeliveryPipeline } from './delivery-pipeline';
import { GkeDeployTarget } from './deploy-target';
import { GithubConnection } from './github-connection';
import { ServiceBuild } from './service-build';
import { assertValid } from './validation';

/** One environment a release is promoted through: a Cloud Deploy target on its cluster. */
export interface DeliveryEnvironment {
  /** Environment name, used as the target id, e.g. prod. */
  readonly name: string;
  /** The environment's cluster, `projects/<p>/locations/<l>/clusters/<name>` (from config). */
  readonly clusterId: string;
  /**
   * A production environment: rollouts wait for approval, and it must come last.
   * @default false
   */
  readonly production?: boolean;
  /**
   * Reach the cluster through its DNS-based endpoint.
   * @default false: through its internal IP from `workerPool`
   */
  readonly dnsEndpoint?: boolean;
  /**
   * Cloud Build private pool for this target's jobs.
   * @default the default pool (only with `dnsEndpoint`)
   */
  readonly workerPool?: string;
  /**
   * Account id of the target's execution service account.
   * @default `deploy-<name>`
   */
  readonly executionServiceAccountId?: string;
  /**
   * Grant the execution account `container.developer` on the cluster's project from here; off
   * when the cluster's project grants it itself (see {@link GkeDeployTarget}).
   * @default true
   */
  readonly grantClusterAccess?: boolean;
}

/** One service that is built and released. */
export interface DeliveryService {
  /** Service name: names its pipeline, trigger, image and build account, e.g. web. */
  readonly name: string;
  /** GitHub repository, owner/name. */
  readonly githubRepository: string;
  /** Artifact Registry repository of its image (full id, known at synth). */
  readonly imageRepositoryId: string;
  /** Traffic percentages of the production canary phases, e.g. [10, 50]. */
  readonly canaryPercentages: readonly number[];
  /**
   * Verify each canary phase with skaffold's verify container.
   * @default false
   */
  readonly verifyCanary?: boolean;
  /**
   * Branch that releases (a regular expression).
   * @default ^main$
   */
  readonly branch?: string;
  /**
   * Paths whose changes build this service (monorepos).
   * @default every push
   */
  readonly includedFiles?: readonly string[];
  /**
   * Docker build context.
   * @default .
   */
  readonly contextDir?: string;
  /**
   * Skaffold config.
   * @default skaffold.yaml
   */
  readonly skaffoldFile?: string;
}

/** Props of {@link GcpDelivery}. */
export interface GcpDeliveryProps {
  /** Project of the builds, pipelines and targets (often the first environment's, or a CI project). */
  readonly projectId: string;
  /** Its number (digits), from config: names the Cloud Build service agent. */
  readonly projectNumber: string;
  /** Region of builds, pipelines and targets. */
  readonly region: string;
  /** Name of the artifact bucket created here (globally unique). */
  readonly artifactBucketName: string;
  /**
   * Days release sources and render results are kept.
   * @default 90
   */
  readonly artifactRetentionDays?: number;
  /**
   * Name of the Cloud Build GitHub connection.
   * @default github
   */
  readonly connectionName?: string;
  /** Installation id of the Cloud Build GitHub App (installed by hand, see README.md). */
  readonly githubAppInstallationId: number;
  /** Secret Manager version name of the GitHub OAuth token (created by hand, see README.md). */
  readonly githubOauthTokenSecretVersion: string;
  /** Environments in promotion order, production last. */
  readonly environments: readonly DeliveryEnvironment[];
  /** Services that are built and released. */
  readonly services: readonly DeliveryService[];
}

/**
 * Continuous delivery of services to GKE: a GitHub connection, a Cloud Deploy target per
 * environment (approval on production), a pipeline per service promoting through the
 * environments in order with a canary in production, and a Cloud Build trigger per service that
 * builds, pushes and releases. Every actor has its own least-privilege service account.
 */
export class GcpDelivery extends Construct {
  /** Targets by environment name. */
  readonly targets: Readonly<Record<string, GkeDeployTarget>>;
  /** Pipelines by service name. */
  readonly pipelines: Readonly<Record<string, ServiceDeliveryPipeline>>;
  /** Builds by service name. */
  readonly builds: Readonly<Record<string, ServiceBuild>>;
  /** The GitHub connection. */
  readonly github: GithubConnection;
  /** The artifact bucket. */
  readonly artifacts: DeliveryArtifactBucket;

  constructor(scope: Construct, id: string, props: GcpDeliveryProps) {
    super(scope, id);
    const envs = props.environments;
    const envNames = envs.map((e) => e.name);
    const serviceNames = props.services.map((s) => s.name);
    const twice = (names: string[]) => [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
    const firstProduction = envs.findIndex((e) => e.production);
    const misplaced =
      firstProduction < 0 ? [] : envs.slice(firstProduction).filter((e) => !e.production);
    assertValid(this, [
      [envs.length === 0, `environments must list at least one environment`],
      [
        twice(envNames).length > 0,
        `environments must be unique (got ${twice(envNames).join(', ')} twice)`,
      ],
      [
        envs.length > 0 && !envs[envs.length - 1]?.production,
        `the last environment (${envs[envs.length - 1]?.name}) must be production: the canary and the approval happen there`,
      ],
      [
        misplaced.length > 0,
        `production environments must come last in promotion order (${misplaced.map((e) => e.name).join(', ')} comes after ${envs[firstProduction]?.name})`,
      ],
      [props.services.length === 0, `services must list at least one service`],
      [
        twice(serviceNames).length > 0,
        `services must be unique (got ${twice(serviceNames).join(', ')} twice)`,
      ],
    ]);

    this.artifacts = new DeliveryArtifactBucket(this, 'artifacts', {
      name: props.artifactBucketName,
      projectId: props.projectId,
      location: props.region,
      retentionDays: props.artifactRetentionDays,
    });
    this.github = new GithubConnection(this, 'github', {
      connectionName: props.connectionName ?? 'github',
      projectId: props.projectId,
      projectNumber: props.projectNumber,
      region: props.region,
      appInstallationId: props.githubAppInstallationId,
      oauthTokenSecretVersion: props.githubOauthTokenSecretVersion,
    });

    this.targets = Object.fromEntries(
      envs.map((env) => [
        env.name,
        new GkeDeployTarget(this, `target-${env.name}`, {
          targetId: env.name,
          projectId: props.projectId,
          region: props.region,
          clusterId: env.clusterId,
          requireApproval: env.production ?? false,
          artifactBucketName: this.artifacts.name,
          dnsEndpoint: env.dnsEndpoint,
          workerPool: env.workerPool,
          executionServiceAccountId: env.executionServiceAccountId,
          grantClusterAccess: env.grantClusterAccess,
        }),
      ]),
    );
    const executionAccounts = Object.fromEntries(
      Object.entries(this.targets).map(([name, t]) => [name, t.executionServiceAccount.id]),
    );

    const pipelines: Record<string, ServiceDeliveryPipeline> = {};
    const builds: Record<string, ServiceBuild> = {};
    for (const service of props.services) {
      const pipeline = new ServiceDeliveryPipeline(this, `pipeline-${service.name}`, {
        pipelineId: service.name,
        projectId: props.projectId,
        region: props.region,
        targetIds: envNames,
        canaryPercentages: service.canaryPercentages,
        verifyCanary: service.verifyCanary,
      });
      pipelines[service.name] = pipeline;
      builds[service.name] = new ServiceBuild(this, `build-${service.name}`, {
        serviceName: service.name,
        projectId: props.projectId,
        region: props.region,
        sourceRepositoryId: this.github.repository(service.githubRepository).id,
        branch: service.branch,
        includedFiles: service.includedFiles,
        contextDir: service.contextDir,
        skaffoldFile: service.skaffoldFile,
        imageRepositoryId: service.imageRepositoryId,
        pipelineName: pipeline.pipeline.name,
        executionServiceAccountIds: executionAccounts,
        artifactBucketName: this.artifacts.name,
      });
    }
    this.pipelines = pipelines;
    this.builds = builds;
  }
}
