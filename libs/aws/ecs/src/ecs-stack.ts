import { EncryptionKey, logsKeyStatement } from '@platform/aws-common';
import { appConfigNames, ecrRepositoryUrl, type Environment, resourceName } from '@platform/config';
import { alertingContract, ecsContract, networkContract, PlatformStack } from '@platform/core';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import { AppRunnerService } from './app-runner';
import { FargateCluster } from './cluster';
import { PublicLoadBalancer } from './load-balancer';
import { FargateService } from './service';

/** Listener-rule priority of the n-th service (0-based): gaps leave room for manual rules. */
export const rulePriority = (index: number) => (index + 1) * 10;

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

  constructor(scope: Construct, environment: Environment) {
    super(scope, { family: 'ecs', environment });
    const env = environment;
    const network = networkContract.read(this, env);
    const alerting = alertingContract.read(this, env);

    const key = new EncryptionKey(this, 'key', {
      accountId: env.accountId,
      alias: `alias/${resourceName(env, 'ecs')}`,
      description: `Encrypts the ${env.name} ECS logs, ECS Exec sessions and App Runner services`,
      statements: [logsKeyStatement(env.accountId, env.region)],
      protect: env.production,
    });

    this.cluster = new FargateCluster(this, 'cluster', {
      name: env.name,
      kmsKeyArn: key.arn,
      execLogRetentionDays: env.ecs.logRetentionDays,
      fargate: env.ecs.capacityProviders.fargate,
      fargateSpot: env.ecs.capacityProviders.fargateSpot,
    });

    const ecsServices = env.services.filter((s) => s.runtime === 'ecs');
    this.loadBalancer = new PublicLoadBalancer(this, 'public', {
      name: env.name,
      accountId: env.accountId,
      region: env.region,
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
    env.services.forEach((service, index) => {
      const repositoryUrl = ecrRepositoryUrl(env, service.repository);
      if (service.runtime === 'app-runner') {
        appRunner[service.name] = new AppRunnerService(this, `app-runner-${service.name}`, {
          environmentName: env.name,
          accountId: env.accountId,
          region: env.region,
          service,
          repositoryUrl,
          network,
          kmsKeyArn: key.arn,
        });
        return;
      }
      services[service.name] = new FargateService(this, `service-${service.name}`, {
        environmentName: env.name,
        accountId: env.accountId,
        region: env.region,
        service,
        repositoryUrl,
        cluster: this.cluster,
        loadBalancer: this.loadBalancer,
        network,
        kmsKeyArn: key.arn,
        logRetentionDays: env.ecs.logRetentionDays,
        enableExecuteCommand: env.ecs.enableExecuteCommand,
        alarmTopicArn: alerting.topicArn,
        priority: rulePriority(index),
        appConfig: appConfigNames(env, service),
      });
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
