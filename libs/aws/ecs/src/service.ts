import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { CodedeployApp } from '@cdktf/provider-aws/lib/codedeploy-app';
import { CodedeployDeploymentGroup } from '@cdktf/provider-aws/lib/codedeploy-deployment-group';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import {
  LbListenerRule,
  type LbListenerRuleCondition,
} from '@cdktf/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import {
  EncryptedLogGroup,
  grant,
  grantPull,
  grantReadSecrets,
  grantTraces,
  grantWriteLogs,
} from '@platform/aws-common';
import {
  type AppConfigNames,
  arn,
  awsManagedPolicyArn,
  CODEDEPLOY_CONFIGS,
  ecsServiceNames,
  type ServiceConfig,
  servicePrincipal,
} from '@platform/config';
import type { EcsServiceRef, NetworkRef } from '@platform/core';
import { Construct } from 'constructs';
import type { FargateCluster } from './cluster';
import type { PublicLoadBalancer } from './load-balancer';
import { serviceRole } from './roles';
import { ServiceAlarms } from './service-alarms';
import { ServiceTaskDefinition } from './task-definition';

/** The tag of the image a service starts with, before the pipeline deploys its first release. */
export const INITIAL_IMAGE_TAG = 'initial';

/** Props of {@link FargateService}. */
export interface FargateServiceProps {
  /** Environment name, e.g. dev: prefixes every resource name. */
  readonly environmentName: string;
  /** The account the service runs in. */
  readonly accountId: string;
  /** The region. */
  readonly region: string;
  /** The service, as configured. */
  readonly service: ServiceConfig;
  /** Repository URL in this account's registry (`<account>.dkr.ecr.<region>.<dnsSuffix>/<repo>`). */
  readonly repositoryUrl: string;
  /** The cluster. */
  readonly cluster: FargateCluster;
  /** The public load balancer. */
  readonly loadBalancer: PublicLoadBalancer;
  /** The network: tasks go to its private subnets. */
  readonly network: NetworkRef;
  /** Customer-managed key for logs and ECS Exec. */
  readonly kmsKeyArn: string;
  /** Days the service's logs are kept. */
  readonly logRetentionDays: number;
  /** The environment's alarm topic. */
  readonly alarmTopicArn: string;
  /** Priority of the service's listener rules (unique per listener). */
  readonly priority: number;
  /**
   * AppConfig names for the agent sidecar.
   * @default no AppConfig agent
   */
  readonly appConfig?: AppConfigNames;
  /**
   * Allow ECS Exec (a shell in running tasks, logged to the cluster's ECS Exec log group).
   * @default false: no shell into production tasks unless the environment asks for it
   */
  readonly enableExecuteCommand?: boolean;
}

/**
 * One service on Fargate behind the public ALB: task definition with separate task and
 * execution roles, a security group open only to the ALB, private subnets without public
 * IPs, autoscaling on CPU and memory (and requests, for rolling services), alarms, and the
 * deployment strategy from config:
 *
 * - rolling: the ECS controller with the circuit breaker and alarm rollback;
 * - blue-green: the CODE_DEPLOY controller, blue and green target groups, production and test
 *   listener rules, a CodeDeploy application and deployment group that roll back on failure and
 *   on alarm. Terraform ignores what CodeDeploy changes afterwards.
 */
export class FargateService extends Construct {
  /** The ECS service. */
  readonly ecsService: EcsService;
  /** The target groups: [main] for rolling, [blue, green] for blue-green. */
  readonly targetGroups: readonly LbTargetGroup[];
  /** The alarms. */
  readonly alarms: ServiceAlarms;
  /** The CodeDeploy deployment group (blue-green only). */
  readonly deploymentGroup?: CodedeployDeploymentGroup;
  /** What the ECS contract publishes of the service. */
  readonly ref: EcsServiceRef;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    const { service } = props;
    if (service.runtime !== 'ecs')
      throw new Error(
        `${this.node.path}: service "${service.name}" has runtime "${service.runtime}"; FargateService runs only "ecs" services`,
      );
    if (!service.route || (service.route.host === undefined && service.route.path === undefined)) {
      throw new Error(
        `${this.node.path}: service "${service.name}" needs a route (host, path or both)`,
      );
    }
    if (!Number.isInteger(props.priority) || props.priority < 1 || props.priority > 50000) {
      throw new Error(`${this.node.path}: priority must be 1 to 50000 (got ${props.priority})`);
    }
    const names = ecsServiceNames({ name: props.environmentName }, service);
    const name = names.prefix;
    const blueGreen = service.deployment.strategy === 'blue-green';

    const logs = new EncryptedLogGroup(this, 'logs', {
      name: names.logGroup,
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    const repositoryName = props.repositoryUrl.split('/').slice(1).join('/');
    const repositoryArn = arn(props, { service: 'ecr', resource: `repository/${repositoryName}` });
    const executionRole = serviceRole(this, 'execution-role', {
      name: names.executionRole,
      description: `ECS agent of ${name}: pulls the image, writes logs, reads the service secrets`,
      servicePrincipal: servicePrincipal(props.region, 'ecs-tasks'),
      accountId: props.accountId,
      statements: [
        ...grantPull([repositoryArn]),
        grantWriteLogs([`${logs.group.arn}:*`]),
        ...grantReadSecrets(Object.values(service.secrets)),
      ],
    });
    const execLogGroupArn = props.cluster.execLogGroup.group.arn;
    const taskRole = serviceRole(this, 'task-role', {
      name: names.taskRole,
      description: `Application of ${name}: ECS Exec, traces to X-Ray${props.appConfig ? ', feature flags from AppConfig' : ''}`,
      servicePrincipal: servicePrincipal(props.region, 'ecs-tasks'),
      accountId: props.accountId,
      statements: [
        grant('execChannel', ['*'], { sid: 'ExecChannel' }),
        grantWriteLogs([`${execLogGroupArn}:*`], { sid: 'ExecSessionLogs', describeStreams: true }),
        grant('describeLogGroups', ['*'], { sid: 'ExecFindLogGroup' }),
        grant('dataKeys', [props.kmsKeyArn], { sid: 'ExecSessionKey' }),
        grantTraces(),
        ...(props.appConfig
          ? [
              grant(
                'featureFlags',
                [arn(props, { service: 'appconfig', resource: 'application/*' })],
                { sid: 'FeatureFlags' },
              ),
            ]
          : []),
      ],
    });

    const task = new ServiceTaskDefinition(this, 'task', {
      family: names.taskFamily,
      containerName: names.containerName,
      service,
      image: `${props.repositoryUrl}:${INITIAL_IMAGE_TAG}`,
      region: props.region,
      logGroupName: logs.group.name,
      executionRole,
      taskRole,
      appConfig: props.appConfig,
    });

    const securityGroup = new SecurityGroup(this, 'security-group', {
      name: names.securityGroup,
      description: `Tasks of ${name}: traffic from the public ALB only`,
      vpcId: props.network.vpcId,
      tags: { Name: names.securityGroup },
    });
    new VpcSecurityGroupIngressRule(this, 'ingress-from-alb', {
      securityGroupId: securityGroup.id,
      description: `Port ${service.port} from the public ALB only`,
      ipProtocol: 'tcp',
      fromPort: service.port,
      toPort: service.port,
      referencedSecurityGroupId: props.loadBalancer.securityGroup.id,
    });
    new VpcSecurityGroupEgressRule(this, 'egress-https', {
      securityGroupId: securityGroup.id,
      description:
        'HTTPS to AWS APIs (ECR, logs, secrets, X-Ray, AppConfig) through endpoints or NAT',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
    });

    const targetGroup = (suffix: string, groupName: string) =>
      new LbTargetGroup(this, suffix ? `target-group-${suffix}` : 'target-group', {
        name: groupName,
        port: service.port,
        protocol: 'HTTP',
        targetType: 'ip',
        vpcId: props.network.vpcId,
        deregistrationDelay: '30',
        healthCheck: {
          path: service.healthCheckPath,
          matcher: '200-399',
          interval: 15,
          healthyThreshold: 2,
          unhealthyThreshold: 3,
          timeout: 5,
        },
      });
    const [blueName, greenName] = names.blueGreenTargetGroups;
    this.targetGroups = blueGreen
      ? [targetGroup('blue', blueName), targetGroup('green', greenName)]
      : [targetGroup('', names.targetGroup)];
    const [primary] = this.targetGroups as [LbTargetGroup, ...LbTargetGroup[]];

    const condition: LbListenerRuleCondition[] = [
      ...(service.route.host ? [{ hostHeader: { values: [service.route.host] } }] : []),
      ...(service.route.path ? [{ pathPattern: { values: [service.route.path] } }] : []),
    ];
    // CodeDeploy swaps the forward target of both rules during a deployment: terraform leaves it alone.
    const shifted = blueGreen ? { ignoreChanges: ['action'] } : undefined;
    const productionRule = new LbListenerRule(this, 'production-rule', {
      listenerArn: props.loadBalancer.httpsListener.arn,
      priority: props.priority,
      condition,
      action: [{ type: 'forward', targetGroupArn: primary.arn }],
      lifecycle: shifted,
    });
    const rules = [productionRule];
    if (blueGreen) {
      rules.push(
        // The test route starts on green, so both target groups are attached to the ALB as
        // CodeDeploy requires; each deployment then tests the replacement set through it.
        new LbListenerRule(this, 'test-rule', {
          listenerArn: props.loadBalancer.testListener.arn,
          priority: props.priority,
          condition,
          action: [
            { type: 'forward', targetGroupArn: (this.targetGroups[1] as LbTargetGroup).arn },
          ],
          lifecycle: shifted,
        }),
      );
    }

    const clusterName = props.cluster.cluster.name;
    this.alarms = new ServiceAlarms(this, 'alarms', {
      alarmNames: names.alarms,
      clusterName,
      serviceName: names.service,
      loadBalancerArnSuffix: props.loadBalancer.alb.arnSuffix,
      targetGroupArnSuffixes: this.targetGroups.map((tg) => tg.arnSuffix),
      topicArn: props.alarmTopicArn,
    });

    this.ecsService = new EcsService(this, 'service', {
      name: names.service,
      cluster: props.cluster.cluster.arn,
      taskDefinition: task.taskDefinition.arn,
      desiredCount: service.tasks.desired,
      capacityProviderStrategy: props.cluster.strategy.map((s) => ({ ...s })),
      platformVersion: 'LATEST',
      networkConfiguration: {
        subnets: props.network.privateSubnetIds,
        securityGroups: [securityGroup.id],
        assignPublicIp: false,
      },
      loadBalancer: [
        {
          targetGroupArn: primary.arn,
          containerName: task.containerName,
          containerPort: service.port,
        },
      ],
      healthCheckGracePeriodSeconds: 60,
      enableExecuteCommand: props.enableExecuteCommand ?? false,
      enableEcsManagedTags: true,
      propagateTags: 'SERVICE',
      deploymentController: { type: blueGreen ? 'CODE_DEPLOY' : 'ECS' },
      deploymentMinimumHealthyPercent: 100,
      deploymentMaximumPercent: 200,
      ...(blueGreen
        ? {}
        : {
            deploymentCircuitBreaker: { enable: true, rollback: true },
            alarms: {
              alarmNames: this.alarms.rollback.map((a) => a.alarmName),
              enable: true,
              rollback: true,
            },
          }),
      dependsOn: [...rules, props.cluster.capacityProviders],
      lifecycle: {
        // Autoscaling owns the task count; the pipeline owns the task definition (image);
        // under blue/green CodeDeploy also owns the load balancer wiring and rewrites the
        // capacity-provider strategy from the AppSpec (the contract publishes it for the AppSpec).
        ignoreChanges: [
          'desired_count',
          'task_definition',
          ...(blueGreen ? ['load_balancer', 'capacity_provider_strategy'] : []),
        ],
      },
    });

    const resourceId = `service/${clusterName}/${names.service}`;
    const scaling = new AppautoscalingTarget(this, 'scaling-target', {
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId,
      minCapacity: service.tasks.min,
      maxCapacity: service.tasks.max,
      dependsOn: [this.ecsService],
    });
    const tracking = (
      key: string,
      target: number,
      spec: { predefinedMetricType: string; resourceLabel?: string },
    ) =>
      new AppautoscalingPolicy(this, `scale-on-${key}`, {
        name: `${name}-${key}`,
        policyType: 'TargetTrackingScaling',
        serviceNamespace: scaling.serviceNamespace,
        scalableDimension: scaling.scalableDimension,
        resourceId: scaling.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue: target,
          scaleInCooldown: 120,
          scaleOutCooldown: 60,
          predefinedMetricSpecification: spec,
        },
      });
    tracking('cpu', service.autoscaling.cpuPercent, {
      predefinedMetricType: 'ECSServiceAverageCPUUtilization',
    });
    tracking('memory', service.autoscaling.memoryPercent, {
      predefinedMetricType: 'ECSServiceAverageMemoryUtilization',
    });
    if (!blueGreen && service.autoscaling.requestsPerTarget !== undefined) {
      tracking('requests', service.autoscaling.requestsPerTarget, {
        predefinedMetricType: 'ALBRequestCountPerTarget',
        resourceLabel: `${props.loadBalancer.alb.arnSuffix}/${primary.arnSuffix}`,
      });
    }

    let codeDeploy: { application: string; group: string } | undefined;
    if (service.deployment.strategy === 'blue-green') {
      const deployment = service.deployment;
      const app = new CodedeployApp(this, 'codedeploy-app', {
        name: names.codeDeployApplication,
        computePlatform: 'ECS',
      });
      const role = serviceRole(this, 'codedeploy-role', {
        name: names.codeDeployRole,
        description: `CodeDeploy blue/green of ${name}`,
        servicePrincipal: servicePrincipal(props.region, 'codedeploy'),
        accountId: props.accountId,
        statements: [],
        managedPolicyArns: [awsManagedPolicyArn(props, 'AWSCodeDeployRoleForECS')],
      });
      const [blue, green] = this.targetGroups as [LbTargetGroup, LbTargetGroup];
      this.deploymentGroup = new CodedeployDeploymentGroup(this, 'deployment-group', {
        appName: app.name,
        deploymentGroupName: names.deploymentGroup,
        serviceRoleArn: role.arn,
        deploymentConfigName: CODEDEPLOY_CONFIGS[deployment.trafficShifting],
        deploymentStyle: { deploymentOption: 'WITH_TRAFFIC_CONTROL', deploymentType: 'BLUE_GREEN' },
        blueGreenDeploymentConfig: {
          deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
          terminateBlueInstancesOnDeploymentSuccess: {
            action: 'TERMINATE',
            terminationWaitTimeInMinutes: deployment.terminateBlueAfterMinutes,
          },
        },
        autoRollbackConfiguration: {
          enabled: true,
          events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'],
        },
        alarmConfiguration: { enabled: true, alarms: this.alarms.rollback.map((a) => a.alarmName) },
        ecsService: { clusterName, serviceName: this.ecsService.name },
        loadBalancerInfo: {
          targetGroupPairInfo: {
            prodTrafficRoute: { listenerArns: [props.loadBalancer.httpsListener.arn] },
            testTrafficRoute: { listenerArns: [props.loadBalancer.testListener.arn] },
            targetGroup: [{ name: blue.name }, { name: green.name }],
          },
        },
      });
      codeDeploy = { application: names.codeDeployApplication, group: names.deploymentGroup };
    }

    this.ref = {
      strategy: service.deployment.strategy,
      serviceName: names.service,
      taskFamily: names.taskFamily,
      targetGroupNames: blueGreen ? [...names.blueGreenTargetGroups] : [names.targetGroup],
      targetGroupArnSuffixes: this.targetGroups.map((tg) => tg.arnSuffix),
      alarms: names.alarms,
      codeDeployApplication: codeDeploy?.application,
      codeDeployDeploymentGroup: codeDeploy?.group,
      containerName: task.containerName,
      containerPort: service.port,
      capacityProviderStrategy: props.cluster.strategy,
    };
  }
}
