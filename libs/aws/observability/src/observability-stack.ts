import { EncryptionKey, logsKeyStatement } from '@platform/aws-common';
import {
  type AwsEnvironment,
  ECS_SERVICE_ALARM_KEYS,
  pipelineEnvironment,
  pipelineName,
  resourceName,
} from '@platform/config';
import {
  alertingContract,
  ecsContract,
  eksContract,
  networkContract,
  PlatformStack,
} from '@platform/core';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import { DoraDashboard } from './dora-dashboard';
import { DoraEvents } from './dora-events';
import { DoraForwarder, DoraReceiver } from './dora-forwarding';
import { EdgeAlarms } from './edge-alarms';
import { OverviewDashboard } from './overview-dashboard';
import { PipelineFailureAlert } from './pipeline-failure-alert';
import { ServiceCompositeAlarm } from './service-composite-alarm';
import { ServiceDashboard } from './service-dashboard';
import { serviceMetricsRef } from './service-refs';
import { Tracing } from './tracing';
import { alarmArn } from './widgets';

/** How many NAT gateways the network family creates for an environment (its natStrategy). */
export const natGatewayCount = (env: Pick<AwsEnvironment, 'network' | 'aws'>) =>
  env.network.natStrategy === 'one-per-az' ? env.aws.availabilityZones.length : 1;

/** The release pipelines of every service of every environment, by first appearance. */
export const releasePipelines = (all: readonly AwsEnvironment[]) => [
  ...new Set(all.flatMap((e) => e.services.map((s) => pipelineName(s)))),
];

/**
 * `observability-<env>`: what the platform looks like from the outside. Reads the network, the
 * alerting topic, the ECS platform and the EKS cluster through their contracts, and builds:
 *
 * - a dashboard per ECS service, an environment overview and a DORA dashboard;
 * - a composite alarm per service, NAT port-allocation and WAF block-spike alarms, and (in the
 *   pipeline account) an alert on failed release pipelines, all to the alerting topic;
 * - X-Ray encryption, sampling rules and groups;
 * - the DORA event log, its metric filters and saved queries, and the cross-account path of the
 *   delivery family's commit events (pipeline account → each environment's default bus).
 */
export class ObservabilityStack extends PlatformStack {
  /** The DORA event log. */
  readonly dora: DoraEvents;
  /** Composite alarms by service name. */
  readonly compositeAlarms: Readonly<Record<string, ServiceCompositeAlarm>>;

  /**
   * @param environment the environment of this stack
   * @param all every environment, to find the pipeline environment and the release pipelines
   */
  constructor(scope: Construct, environment: AwsEnvironment, all: readonly AwsEnvironment[]) {
    super(scope, { family: 'observability', environment });
    const env = environment;
    const network = networkContract.read(this, env);
    const alerting = alertingContract.read(this, env);
    const ecs = ecsContract.read(this, env);
    // EKS widgets only where a cluster runs (the section present and switched on)
    const eks = env.eks?.enabled ? eksContract.read(this, env) : undefined;
    const topicArn = alerting.topicArn;
    const arn = (name: string) => alarmArn(env.aws, name);

    const services = env.services
      .filter((s) => s.runtime === 'ecs')
      .map((s) => serviceMetricsRef(ecs, s));
    const composites: Record<string, ServiceCompositeAlarm> = {};
    for (const service of services) {
      const name = service.config.name;
      composites[name] = new ServiceCompositeAlarm(this, `composite-${name}`, {
        name: resourceName(env, name, 'degraded'),
        serviceName: name,
        alarmNames: service.alarmNames,
        topicArn,
      });
    }
    this.compositeAlarms = composites;

    const natGatewayIds = Array.from({ length: natGatewayCount(env) }, (_, i) =>
      Fn.element(network.natGatewayIds, i),
    );
    const edge = new EdgeAlarms(this, 'edge-alarms', {
      environmentName: env.name,
      region: env.aws.region,
      natGatewayIds,
      webAclName: ecs.webAclName,
      natPortAllocationErrorsPer5Minutes:
        env.observability.alarms.natPortAllocationErrorsPer5Minutes,
      wafBlockedRequestsPer5Minutes: env.observability.alarms.wafBlockedRequestsPer5Minutes,
      topicArn,
    });

    const serviceAlarmArns = (name: string) => {
      const service = services.find((s) => s.config.name === name)!;
      return [
        arn(composites[name]!.alarm.alarmName),
        ...ECS_SERVICE_ALARM_KEYS.map((a) => arn(service.alarmNames[a])),
      ];
    };
    for (const service of services) {
      new ServiceDashboard(this, `dashboard-${service.config.name}`, {
        name: resourceName(env, service.config.name),
        region: env.aws.region,
        clusterName: ecs.clusterName,
        loadBalancerArnSuffix: ecs.albArnSuffix,
        service,
        alarmArns: serviceAlarmArns(service.config.name),
      });
    }
    new OverviewDashboard(this, 'dashboard-overview', {
      name: resourceName(env, 'overview'),
      environmentName: env.name,
      region: env.aws.region,
      eksClusterName: eks?.clusterName,
      natGatewayIds,
      webAclName: ecs.webAclName,
      loadBalancerArnSuffix: ecs.albArnSuffix,
      alarmArns: [
        ...services.flatMap((s) => serviceAlarmArns(s.config.name)),
        ...edge.natPortAllocation.map((a) => arn(a.alarmName)),
        arn(edge.wafBlockSpike.alarmName),
      ],
    });

    new Tracing(this, 'tracing', {
      environmentName: env.name,
      accountId: env.aws.accountId,
      region: env.aws.region,
      services: env.services,
      tracing: env.observability.tracing,
      protect: env.production,
    });

    const key = new EncryptionKey(this, 'key', {
      accountId: env.aws.accountId,
      region: env.aws.region,
      alias: `alias/${resourceName(env, 'observability')}`,
      description: `Encrypts the ${env.name} DORA event log`,
      statements: [logsKeyStatement(env.aws)],
      protect: env.production,
    });
    const everyEnv = all.length > 0 ? all : [env];
    const pipelineEnv = pipelineEnvironment(everyEnv);
    const runsPipelines = pipelineEnv.name === env.name;
    const pipelines = releasePipelines(everyEnv);
    this.dora = new DoraEvents(this, 'dora', {
      environmentName: env.name,
      accountId: env.aws.accountId,
      region: env.aws.region,
      retentionDays: env.observability.dora.retentionDays,
      kmsKeyArn: key.arn,
      incidentAlarmNames: services.map((s) => resourceName(env, s.config.name, 'degraded')),
      pipelineNames: runsPipelines ? pipelines : undefined,
    });
    new DoraDashboard(this, 'dashboard-dora', {
      name: resourceName(env, 'dora'),
      environmentName: env.name,
      region: env.aws.region,
      logGroupName: this.dora.logGroupName,
    });

    if (runsPipelines) {
      const others = all.filter((e) => e.name !== env.name);
      if (others.length > 0) {
        new DoraForwarder(this, 'dora-forwarder', {
          environmentName: env.name,
          accountId: env.aws.accountId,
          region: env.aws.region,
          targets: others.map((e) => ({
            name: e.name,
            accountId: e.aws.accountId,
            region: e.aws.region,
          })),
        });
      }
      if (pipelines.length > 0) {
        new PipelineFailureAlert(this, 'pipeline-failures', {
          environmentName: env.name,
          pipelineNames: pipelines,
          topicArn,
        });
      }
    } else {
      new DoraReceiver(this, 'dora-receiver', {
        accountId: env.aws.accountId,
        region: env.aws.region,
        pipelineAccountId: pipelineEnv.aws.accountId,
        pipelineEnvironmentName: pipelineEnv.name,
      });
    }
  }
}
