import { AppconfigDeploymentStrategy } from '@cdktf/provider-aws/lib/appconfig-deployment-strategy';
import { grant, serviceRole } from '@platform/aws-common';
import {
  appConfigNames,
  arn,
  type AwsEnvironment,
  ecsServiceArns,
  ecsServiceNames,
  pipelineEnvironment,
  resourceName,
  type ServiceConfig,
  servicePrincipal,
} from '@platform/config';
import { alertingContract, ecsContract, PlatformStack } from '@platform/core';
import { Fn, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { ApprovalTopic } from './approval-topic';
import { ArtifactStore } from './artifact-store';
import { DeployRole } from './deploy-role';
import { FeatureFlags } from './feature-flags';
import { ProductionRelease } from './production-release';
import { deployRoleName, roleArn } from './naming';
import { RollbackAlerts } from './rollback-alerts';
import { ReleasePipeline } from './release-pipeline';

/**
 * Whether an environment is released from its own account: a production environment other than
 * the pipeline environment. Its approval and deploy run there ({@link ProductionRelease}); the
 * pipeline account only hands the release over.
 */
export function releasedInOwnAccount(
  env: Pick<AwsEnvironment, 'name' | 'production'>,
  pipelineEnv: Pick<AwsEnvironment, 'name'>,
): boolean {
  return env.production && env.name !== pipelineEnv.name;
}

/** The services that have a pipeline: those of the pipeline environment with a `source`. */
export function releasedServices(all: readonly AwsEnvironment[]): ServiceConfig[] {
  return pipelineEnvironment(all).services.filter((s) => s.source !== undefined);
}

/**
 * `delivery-<env>`: how releases reach the environment.
 *
 * - Every environment: per released service, the role its pipeline deploys through (trusted by
 *   the pipeline account's roles only), alerts for failed or rolled-back deployments, and the service's AppConfig feature flags, monitored by its alarms.
 * - The pipeline environment (lowest deployOrder) also: the artifact store, the approval topic
 *   and one release pipeline per service with a `source`.
 */
export class DeliveryStack extends PlatformStack {
  /** Release pipelines by service (pipeline environment only). */
  readonly pipelines: Readonly<Record<string, ReleasePipeline>>;

  /**
   * @param environment the environment this stack deploys to
   * @param all every environment: the one with the lowest deployOrder runs the pipelines
   */
  constructor(scope: Construct, environment: AwsEnvironment, all: readonly AwsEnvironment[]) {
    super(scope, { family: 'delivery', environment });
    const env = environment;
    if (!all.some((e) => e.name === env.name)) {
      throw new Error(`delivery-${env.name}: "all" must list every environment, this one included`);
    }
    const pipelineEnv = pipelineEnvironment(all);
    const ordered = [...all].sort((a, b) => a.deployOrder - b.deployOrder);
    const released = releasedServices(all);
    const alerting = alertingContract.read(this, env);
    const here = (name: string) => env.services.find((s) => s.name === name);

    const ownAccount = releasedInOwnAccount(env, pipelineEnv);
    for (const service of released) {
      const local = here(service.name);
      if (local) {
        new DeployRole(this, `deploy-role-${service.name}`, {
          environment: env,
          pipelineEnvironment: pipelineEnv,
          service: local,
          releasedInOwnAccount: ownAccount,
        });
      }
    }
    if (ownAccount) this.productionReleases(env, pipelineEnv, released, alerting.topicArn);

    new RollbackAlerts(this, 'rollback-alerts', { environment: env, topicArn: alerting.topicArn });

    this.flags(env);

    const pipelines: Record<string, ReleasePipeline> = {};
    if (env.name === pipelineEnv.name && released.length > 0) {
      const along = (service: ServiceConfig, own: boolean) =>
        ordered
          .filter((e) => releasedInOwnAccount(e, pipelineEnv) === own)
          .flatMap((e) => {
            const s = e.services.find((x) => x.name === service.name);
            return s ? [{ environment: e, service: s }] : [];
          });
      const targets = (service: ServiceConfig) => along(service, false);
      const readers = ordered
        .filter(
          (e) => e.aws.accountId !== env.aws.accountId && !releasedInOwnAccount(e, pipelineEnv),
        )
        .flatMap((e) =>
          released
            .filter((s) => e.services.some((x) => x.name === s.name))
            .map((s) => ({
              accountId: e.aws.accountId,
              roleArn: roleArn(e.aws, deployRoleName(e, s)),
            })),
        );
      const artifacts = new ArtifactStore(this, 'artifacts', {
        environment: env,
        readers,
        retentionDays: env.delivery.artifactRetentionDays,
      });
      const approvals = new ApprovalTopic(this, 'approvals', {
        name: resourceName(env, 'release-approvals'),
        accountId: env.aws.accountId,
        region: env.aws.region,
        kmsKeyArn: artifacts.key.arn,
        approvers: env.delivery.approvers,
      });
      for (const service of released) {
        pipelines[service.name] = new ReleasePipeline(this, `pipeline-${service.name}`, {
          environment: env,
          service,
          targets: targets(service),
          promotions: along(service, true),
          artifacts,
          connectionArn: env.delivery.connectionArn,
          logRetentionDays: env.delivery.logRetentionDays,
          approvalTopicArn: approvals.topic.arn,
          alarmTopicArn: alerting.topicArn,
        });
      }
      new TerraformOutput(this, 'pipeline_names', {
        value: Object.values(pipelines).map((p) => p.pipeline.name),
        description: 'Names of the release pipelines',
      });
      new TerraformOutput(this, 'artifact_bucket', {
        value: artifacts.bucket.bucket.bucket,
        description: 'Bucket of the pipeline artifacts',
      });
    }
    this.pipelines = pipelines;
  }

  /**
   * A production environment released from its own account: its artifact store (where hand-offs
   * arrive), its approval topic and one release pipeline per released service.
   */
  private productionReleases(
    env: AwsEnvironment,
    pipelineEnv: AwsEnvironment,
    released: readonly ServiceConfig[],
    alarmTopicArn: string,
  ): void {
    const services = released.flatMap((r) => env.services.filter((s) => s.name === r.name));
    if (services.length === 0) return;
    const artifacts = new ArtifactStore(this, 'artifacts', {
      environment: env,
      readers: [],
      retentionDays: env.delivery.artifactRetentionDays,
      eventBridgeNotifications: true,
    });
    const approvals = new ApprovalTopic(this, 'approvals', {
      name: resourceName(env, 'release-approvals'),
      accountId: env.aws.accountId,
      region: env.aws.region,
      kmsKeyArn: artifacts.key.arn,
      approvers: env.delivery.approvers,
    });
    for (const service of services) {
      new ProductionRelease(this, `release-${service.name}`, {
        target: { environment: env, service },
        pipelineEnvironment: pipelineEnv,
        artifacts,
        approvalTopicArn: approvals.topic.arn,
        alarmTopicArn,
        logRetentionDays: env.delivery.logRetentionDays,
      });
    }
  }

  /** AppConfig feature flags of every ECS service with an `appConfig` block. */
  private flags(env: AwsEnvironment): void {
    const services = env.services.filter((s) => s.runtime === 'ecs' && s.appConfig);
    if (services.length === 0) return;
    const ecs = ecsContract.read(this, env);
    const strategy = new AppconfigDeploymentStrategy(this, 'flag-strategy', {
      name: resourceName(env, 'flags-gradual'),
      description: `Flags reach every target linearly over ${env.delivery.flagDeploymentMinutes} minutes, then the alarms are watched for ${env.delivery.flagBakeMinutes} minutes`,
      deploymentDurationInMinutes: env.delivery.flagDeploymentMinutes,
      finalBakeTimeInMinutes: env.delivery.flagBakeMinutes,
      growthFactor: 20,
      growthType: 'LINEAR',
      replicateTo: 'NONE',
    });
    for (const service of services) {
      const names = appConfigNames(env, service);
      if (!names) continue;
      const monitorRole = serviceRole(this, `flag-monitor-role-${service.name}`, {
        name: `${env.name}-${service.name}-appconfig-monitor`,
        description: `AppConfig reads the ${ecsServiceNames(env, service).prefix} alarms to roll back bad flags`,
        servicePrincipal: servicePrincipal(env.aws.region, 'appconfig'),
        accountId: env.aws.accountId,
        statements: [
          grant('describeAlarms', [ecsServiceArns(env, service).alarmArns], {
            sid: 'ReadServiceAlarms',
          }),
        ],
      });
      // every alarm of the service, by the keys the ECS contract publishes them under
      const alarmNames = Fn.values(
        Fn.lookupNested(Fn.jsondecode(ecs.services), [service.name, 'alarms']),
      );
      new FeatureFlags(this, `flags-${service.name}`, {
        names,
        flags: service.appConfig?.flags ?? {},
        alarmArns: Fn.formatlist(arn(env.aws, { service: 'cloudwatch', resource: 'alarm:%s' }), [
          alarmNames,
        ]),
        monitorRole,
        deploymentStrategyId: strategy.id,
      });
    }
  }
}
