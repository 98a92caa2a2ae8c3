import { EncryptionKey, logsKeyStatement } from '@platform/aws-common';
import {
  appConfigNames,
  type AwsEnvironment,
  ECS_NAMING_RULES,
  ecrRepositoryUrl,
  ecsServiceNames,
  listenerRulePriority,
  resourceName,
  type ServiceConfig,
} from '@platform/config';
import { alertingContract, ecsContract, networkContract, PlatformStack } from '@platform/core';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import { AppRunnerService } from './app-runner';
import { FargateCluster } from './cluster';
import { PublicLoadBalancer } from './load-balancer';
import { FargateService, type FargateServiceProps } from './service';

/** What {@link fargateServiceProps} takes from the stack rather than from config. */
type StackParts = Pick<
  FargateServiceProps,
  'repositoryUrl' | 'cluster' | 'loadBalancer' | 'network' | 'kmsKeyArn' | 'alarmTopicArn'
>;

/** Maps one ecs-runtime service of an environment file to the props of its FargateService. */
export function fargateServiceProps(
  env: AwsEnvironment,
  service: ServiceConfig,
  parts: StackParts,
): FargateServiceProps {
  const deployment = service.deployment;
  return {
    ...parts,
    names: ecsServiceNames(env, service),
    accountId: env.aws.accountId,
    region: env.aws.region,
    logRetentionDays: env.ecs.logRetentionDays,
    enableExecuteCommand: env.ecs.enableExecuteCommand,
    priority: listenerRulePriority(service),
    appConfig: appConfigNames(env, service),
    port: service.port,
    healthCheckPath: service.healthCheckPath,
    routeHost: service.route?.host,
    routePath: service.route?.path,
    cpu: service.cpu,
    memoryMiB: service.memoryMiB,
    desiredCount: service.tasks.desired,
    minCapacity: service.tasks.min,
    maxCapacity: service.tasks.max,
    cpuTargetPercent: service.autoscaling.cpuPercent,
    memoryTargetPercent: service.autoscaling.memoryPercent,
    requestsPerTarget:
      deployment.strategy === 'rolling' ? service.autoscaling.requestsPerTarget : undefined,
    scaleOutCooldownSeconds: service.autoscaling.scaleOutCooldownSeconds,
    scaleInCooldownSeconds: service.autoscaling.scaleInCooldownSeconds,
    secrets: service.secrets,
    deploymentStrategy: deployment.strategy,
    ...(deployment.strategy === 'blue-green'
      ? {
          trafficShifting: deployment.trafficShifting,
          terminateBlueAfterMinutes: deployment.terminateBlueAfterMinutes,
        }
      : {}),
    healthCheckIntervalSeconds: service.healthCheck?.intervalSeconds,
    healthCheckTimeoutSeconds: service.healthCheck?.timeoutSeconds,
    healthyThresholdCount: service.healthCheck?.healthyThreshold,
    unhealthyThresholdCount: service.healthCheck?.unhealthyThreshold,
    healthCheckGracePeriodSeconds: service.healthCheck?.gracePeriodSeconds,
    deregistrationDelaySeconds: service.deregistrationDelaySeconds,
    errorRateAlarmPercent: service.alarms?.errorRatePercent,
    p99LatencyAlarmSeconds: service.alarms?.p99LatencySeconds,
    cpuAlarmPercent: service.alarms?.cpuPercent,
    memoryAlarmPercent: service.alarms?.memoryPercent,
  };
}

/**
 * `ecs-<env>`: the environment's container platform. Reads the network and the alarm topic
 * through their contracts, derives image URLs from config (each environment pulls from its own
 * registry), and publishes the ECS contract for delivery and observability.
 */
export class EcsStack extends PlatformStack {
  /** The cluster. */
  readonly cluster: FargateCluster;
  /** The public entry. */
  readonly loadBalancer: PublicLoadBalancer;
  /** ECS services by name. */
  readonly services: Readonly<Record<string, FargateService>>;
  /** App Runner services by name. */
  readonly appRunnerServices: Readonly<Record<string, AppRunnerService>>;

  constructor(scope: Construct, environment: AwsEnvironment) {
    super(scope, { family: 'ecs', environment });
    const env = environment;
    const network = networkContract.read(this, env);
    const alerting = alertingContract.read(this, env);

    const key = new EncryptionKey(this, 'key', {
      accountId: env.aws.accountId,
      region: env.aws.region,
      alias: `alias/${resourceName(env, 'ecs')}`,
      description: `Encrypts the ${env.name} ECS logs, ECS Exec sessions and App Runner services`,
      statements: [logsKeyStatement(env.aws)],
      protect: env.production,
    });

    this.cluster = new FargateCluster(this, 'cluster', {
      name: ECS_NAMING_RULES.cluster(env),
      kmsKeyArn: key.arn,
      execLogRetentionDays: env.ecs.logRetentionDays,
      fargate: env.ecs.capacityProviders.fargate,
      fargateSpot: env.ecs.capacityProviders.fargateSpot,
    });

    const ecsServices = env.services.filter((s) => s.runtime === 'ecs');
    this.loadBalancer = new PublicLoadBalancer(this, 'public', {
      name: env.name,
      accountId: env.aws.accountId,
      region: env.aws.region,
      network,
      hostedZone: env.ecs.hostedZone,
      hosts: [...new Set(ecsServices.flatMap((s) => (s.route?.host ? [s.route.host] : [])))],
      rateLimitPer5Minutes: env.ecs.waf.rateLimitPer5Minutes,
      accessLogRetentionDays: env.ecs.accessLogRetentionDays,
      kmsKeyArn: key.arn,
      logRetentionDays: env.ecs.logRetentionDays,
      testListenerPort: env.ecs.testListenerPort,
      protect: env.production,
    });

    const services: Record<string, FargateService> = {};
    const appRunner: Record<string, AppRunnerService> = {};
    env.services.forEach((service) => {
      const repositoryUrl = ecrRepositoryUrl(env, service.repository);
      if (service.runtime === 'app-runner') {
        appRunner[service.name] = new AppRunnerService(this, `app-runner-${service.name}`, {
          environmentName: env.name,
          accountId: env.aws.accountId,
          region: env.aws.region,
          service,
          repositoryUrl,
          network,
          kmsKeyArn: key.arn,
        });
        return;
      }
      services[service.name] = new FargateService(
        this,
        `service-${service.name}`,
        fargateServiceProps(env, service, {
          repositoryUrl,
          cluster: this.cluster,
          loadBalancer: this.loadBalancer,
          network,
          kmsKeyArn: key.arn,
          alarmTopicArn: alerting.topicArn,
        }),
      );
    });
    this.services = services;
    this.appRunnerServices = appRunner;

    ecsContract.publish(this, {
      clusterName: this.cluster.cluster.name,
      clusterArn: this.cluster.cluster.arn,
      albArn: this.loadBalancer.alb.arn,
      albArnSuffix: this.loadBalancer.alb.arnSuffix,
      albDnsName: this.loadBalancer.alb.dnsName,
      httpsListenerArn: this.loadBalancer.httpsListener.arn,
      testListenerArn: this.loadBalancer.testListener.arn,
      webAclName: this.loadBalancer.webAcl.name,
      serviceNames: Object.keys(services),
      services: Fn.jsonencode(
        Object.fromEntries(Object.entries(services).map(([name, s]) => [name, s.ref])),
      ),
    });
  }
}
