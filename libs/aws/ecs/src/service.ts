import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import {
  LbListenerRule,
  type LbListenerRuleCondition,
} from '@cdktf/provider-aws/lib/lb-listener-rule';
import type { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
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
  ECS_ROLLBACK_ALARMS,
  type EcsServiceNames,
  servicePrincipal,
} from '@platform/config';
import type { EcsServiceRef, NetworkRef } from '@platform/core';
import { Construct } from 'constructs';
import { BlueGreenDeployment, blueGreenProblems, type TrafficShift } from './blue-green';
import type { FargateCluster } from './cluster';
import type { PublicLoadBalancer } from './load-balancer';
import { serviceRole } from './roles';
import { ServiceScaling, scalingProblems } from './scaling';
import { serviceAlarmProblems, ServiceAlarms } from './service-alarms';
import { ServiceTargetGroups, targetGroupProblems } from './target-groups';
import { ServiceTaskDefinition } from './task-definition';

/** The tag of the image a service starts with, before the pipeline deploys its first release. */
export const INITIAL_IMAGE_TAG = 'initial';

/** What a service does when a prop is not given. */
export const FARGATE_SERVICE_DEFAULTS = {
  healthCheckGracePeriodSeconds: 60,
} as const;

/** Props of {@link FargateService}. */
export interface FargateServiceProps {
  /** Names of the service and its resources, from the ECS naming module (`ecsServiceNames`). */
  readonly names: EcsServiceNames;
  /** The account the service runs in. */
  readonly accountId: string;
  /** The region. */
  readonly region: string;
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
  /** Priority of the service's listener rules (1 to 50,000, unique per listener). */
  readonly priority: number;
  /** Port the container listens on. */
  readonly port: number;
  /** Path the load balancer probes, e.g. /healthz. */
  readonly healthCheckPath: string;
  /**
   * Host header routed to the service, e.g. www.dev.example.com.
   * @default any host (then routePath is required)
   */
  readonly routeHost?: string;
  /**
   * Path pattern routed to the service, e.g. /api/*.
   * @default every path (then routeHost is required)
   */
  readonly routePath?: string;
  /** CPU units of a task (a size Fargate accepts, e.g. 512). */
  readonly cpu: number;
  /** Memory of a task in MiB (paired with cpu as Fargate allows). */
  readonly memoryMiB: number;
  /** Tasks started at first deployment; autoscaling owns the count afterwards. */
  readonly desiredCount: number;
  /** Fewest tasks autoscaling keeps. */
  readonly minCapacity: number;
  /** Most tasks autoscaling starts. */
  readonly maxCapacity: number;
  /** Average CPU utilisation autoscaling holds, in percent. */
  readonly cpuTargetPercent: number;
  /** Average memory utilisation autoscaling holds, in percent. */
  readonly memoryTargetPercent: number;
  /**
   * ALB requests per task autoscaling holds; rolling services only (blue/green swaps the groups).
   * @default no request-count scaling
   */
  readonly requestsPerTarget?: number;
  /**
   * Seconds after a scale-out before another.
   * @default 60
   */
  readonly scaleOutCooldownSeconds?: number;
  /**
   * Seconds after a scale-in before another.
   * @default 120
   */
  readonly scaleInCooldownSeconds?: number;
  /**
   * Environment variables read from secrets at task start: name → SSM parameter or Secrets
   * Manager ARN; the execution role may read exactly these.
   * @default none
   */
  readonly secrets?: Readonly<Record<string, string>>;
  /**
   * How a new version reaches traffic: rolling (the ECS controller with the circuit breaker and
   * alarm rollback) or blue-green (CodeDeploy shifts traffic between two target groups).
   * @default "rolling"
   */
  readonly deploymentStrategy?: 'rolling' | 'blue-green';
  /**
   * How blue/green moves traffic; blue-green only.
   * @default "canary": 10 % of traffic for 5 minutes, then the rest
   */
  readonly trafficShifting?: TrafficShift;
  /**
   * Minutes the blue tasks keep running after a blue/green shift; blue-green only.
   * @default 5
   */
  readonly terminateBlueAfterMinutes?: number;
  /**
   * Seconds between two health checks of a task.
   * @default 15
   */
  readonly healthCheckIntervalSeconds?: number;
  /**
   * Seconds a health check may take, less than the interval.
   * @default 5
   */
  readonly healthCheckTimeoutSeconds?: number;
  /**
   * Checks passed in a row before a task gets traffic.
   * @default 2
   */
  readonly healthyThresholdCount?: number;
  /**
   * Checks failed in a row before a task is taken out of service.
   * @default 3
   */
  readonly unhealthyThresholdCount?: number;
  /**
   * Seconds ECS ignores failed health checks of a starting task (0 to 3600).
   * @default 60
   */
  readonly healthCheckGracePeriodSeconds?: number;
  /**
   * Seconds a stopping task may finish its in-flight requests.
   * @default 30
   */
  readonly deregistrationDelaySeconds?: number;
  /**
   * Percent of requests answered 5xx that alarms and rolls a deployment back.
   * @default 5
   */
  readonly errorRateAlarmPercent?: number;
  /**
   * p99 response time, in seconds, that alarms and rolls a deployment back.
   * @default 2
   */
  readonly p99LatencyAlarmSeconds?: number;
  /**
   * Average CPU utilisation, in percent, that alarms.
   * @default 90
   */
  readonly cpuAlarmPercent?: number;
  /**
   * Average memory utilisation, in percent, that alarms.
   * @default 90
   */
  readonly memoryAlarmPercent?: number;
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

/** The props of the parts that are not checked (names, ARNs): placeholders for the checks. */
const UNCHECKED = { name: '-', arn: '-' } as const;

/** What the parts call a prop that the service names otherwise. */
const PART_PROP_NAMES: Readonly<Record<string, string>> = {
  errorRatePercent: 'errorRateAlarmPercent',
  p99LatencySeconds: 'p99LatencyAlarmSeconds',
  cpuPercent: 'cpuAlarmPercent',
  memoryPercent: 'memoryAlarmPercent',
  'requestsPerTarget.target': 'requestsPerTarget',
};

/** The target-group settings a service passes on as they are (checked and built from one list). */
function targetGroupSettings(props: FargateServiceProps) {
  return {
    port: props.port,
    healthCheckPath: props.healthCheckPath,
    healthCheckIntervalSeconds: props.healthCheckIntervalSeconds,
    healthCheckTimeoutSeconds: props.healthCheckTimeoutSeconds,
    healthyThresholdCount: props.healthyThresholdCount,
    unhealthyThresholdCount: props.unhealthyThresholdCount,
    deregistrationDelaySeconds: props.deregistrationDelaySeconds,
  };
}

/** The scaling settings a service passes through, listed once for its checks and its construct. */
function scalingSettings(props: FargateServiceProps) {
  return {
    minCapacity: props.minCapacity,
    maxCapacity: props.maxCapacity,
    cpuTargetPercent: props.cpuTargetPercent,
    memoryTargetPercent: props.memoryTargetPercent,
    scaleOutCooldownSeconds: props.scaleOutCooldownSeconds,
    scaleInCooldownSeconds: props.scaleInCooldownSeconds,
  };
}

/**
 * Every problem of the props, the service's own and those its parts (target groups, scaling,
 * alarms, blue/green) would find, each naming the prop, the value and what is allowed.
 */
export function fargateServiceProblems(props: FargateServiceProps): string[] {
  const blueGreen = props.deploymentStrategy === 'blue-green';
  const grace = props.healthCheckGracePeriodSeconds;
  const parts = [
    ...targetGroupProblems({
      groupNames: blueGreen ? [UNCHECKED.name, UNCHECKED.name] : [UNCHECKED.name],
      vpcId: UNCHECKED.name,
      ...targetGroupSettings(props),
    }),
    ...scalingProblems({
      clusterName: UNCHECKED.name,
      serviceName: UNCHECKED.name,
      policyNamePrefix: UNCHECKED.name,
      ...scalingSettings(props),
      requestsPerTarget:
        props.requestsPerTarget === undefined
          ? undefined
          : { target: props.requestsPerTarget, resourceLabel: UNCHECKED.name },
      dependsOn: [],
    }),
    ...serviceAlarmProblems({
      alarmNames: props.names.alarms,
      clusterName: UNCHECKED.name,
      serviceName: UNCHECKED.name,
      loadBalancerArnSuffix: UNCHECKED.arn,
      targetGroupArnSuffixes: [UNCHECKED.arn],
      topicArn: UNCHECKED.arn,
      errorRatePercent: props.errorRateAlarmPercent,
      p99LatencySeconds: props.p99LatencyAlarmSeconds,
      cpuPercent: props.cpuAlarmPercent,
      memoryPercent: props.memoryAlarmPercent,
    }),
    ...(blueGreen
      ? blueGreenProblems({
          applicationName: UNCHECKED.name,
          deploymentGroupName: UNCHECKED.name,
          roleName: UNCHECKED.name,
          accountId: props.accountId,
          region: props.region,
          clusterName: UNCHECKED.name,
          serviceName: UNCHECKED.name,
          productionListenerArn: UNCHECKED.arn,
          testListenerArn: UNCHECKED.arn,
          targetGroupNames: [UNCHECKED.name, UNCHECKED.name],
          rollbackAlarmNames: ECS_ROLLBACK_ALARMS.map((key) => props.names.alarms[key]),
          trafficShifting: props.trafficShifting,
          terminateBlueAfterMinutes: props.terminateBlueAfterMinutes,
        })
      : []),
  ].map((message) => {
    const prop = message.split(' ')[0] ?? '';
    const own = PART_PROP_NAMES[prop];
    return own ? own + message.slice(prop.length) : message;
  });
  return [
    ...(props.routeHost === undefined && props.routePath === undefined
      ? ['a service needs a route: set routeHost, routePath or both']
      : []),
    ...(!Number.isInteger(props.priority) || props.priority < 1 || props.priority > 50000
      ? [`priority must be a whole number from 1 to 50000 (got ${props.priority})`]
      : []),
    ...(props.desiredCount < props.minCapacity || props.desiredCount > props.maxCapacity
      ? [
          `desiredCount (${props.desiredCount}) must be from minCapacity (${props.minCapacity}) to maxCapacity (${props.maxCapacity})`,
        ]
      : []),
    ...(blueGreen && props.requestsPerTarget !== undefined
      ? [
          'requestsPerTarget needs a rolling service: blue/green swaps the target groups it scales on',
        ]
      : []),
    ...(!blueGreen && props.trafficShifting !== undefined
      ? ['trafficShifting applies to blue-green services only']
      : []),
    ...(!blueGreen && props.terminateBlueAfterMinutes !== undefined
      ? ['terminateBlueAfterMinutes applies to blue-green services only']
      : []),
    ...(grace !== undefined && (!Number.isInteger(grace) || grace < 0 || grace > 3600)
      ? [`healthCheckGracePeriodSeconds must be a whole number from 0 to 3600 (got ${grace})`]
      : []),
    ...parts,
  ];
}

/**
 * One service on Fargate behind the public ALB, composed of its parts: a task definition with
 * separate task and execution roles, a security group open only to the ALB, private subnets
 * without public IPs, {@link ServiceTargetGroups}, listener rules, {@link ServiceScaling},
 * {@link ServiceAlarms}, and the deployment strategy:
 *
 * - rolling: the ECS controller with the circuit breaker and alarm rollback;
 * - blue-green: the CODE_DEPLOY controller, blue and green target groups, production and test
 *   listener rules, and a {@link BlueGreenDeployment} that rolls back on failure and on alarm.
 *   Terraform ignores what CodeDeploy changes afterwards.
 *
 * Every problem of the props (the service's and its parts') is reported at once.
 */
export class FargateService extends Construct {
  /** The ECS service. */
  readonly ecsService: EcsService;
  /** The target groups: [main] for rolling, [blue, green] for blue-green. */
  readonly targetGroups: readonly LbTargetGroup[];
  /** The alarms. */
  readonly alarms: ServiceAlarms;
  /** The autoscaling. */
  readonly scaling: ServiceScaling;
  /** The CodeDeploy application and deployment group (blue-green only). */
  readonly blueGreen?: BlueGreenDeployment;
  /** What the ECS contract publishes of the service. */
  readonly ref: EcsServiceRef;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    const { names } = props;
    const name = names.prefix;
    const blueGreen = props.deploymentStrategy === 'blue-green';
    const problems = fargateServiceProblems(props);
    if (problems.length > 0) throw new Error(`${this.node.path}: ${problems.join('; ')}`);

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
        ...grantReadSecrets(Object.values(props.secrets ?? {})),
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
      serviceName: names.service,
      port: props.port,
      cpu: props.cpu,
      memoryMiB: props.memoryMiB,
      secrets: props.secrets,
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
      description: `Port ${props.port} from the public ALB only`,
      ipProtocol: 'tcp',
      fromPort: props.port,
      toPort: props.port,
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

    this.targetGroups = new ServiceTargetGroups(this, 'target-groups', {
      groupNames: blueGreen ? names.blueGreenTargetGroups : [names.targetGroup],
      vpcId: props.network.vpcId,
      ...targetGroupSettings(props),
    }).groups;
    const [primary] = this.targetGroups as [LbTargetGroup, ...LbTargetGroup[]];

    const condition: LbListenerRuleCondition[] = [
      ...(props.routeHost ? [{ hostHeader: { values: [props.routeHost] } }] : []),
      ...(props.routePath ? [{ pathPattern: { values: [props.routePath] } }] : []),
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
      errorRatePercent: props.errorRateAlarmPercent,
      p99LatencySeconds: props.p99LatencyAlarmSeconds,
      cpuPercent: props.cpuAlarmPercent,
      memoryPercent: props.memoryAlarmPercent,
    });
    const rollbackAlarmNames = ECS_ROLLBACK_ALARMS.map((key) => this.alarms.byKey[key].alarmName);

    this.ecsService = new EcsService(this, 'service', {
      name: names.service,
      cluster: props.cluster.cluster.arn,
      taskDefinition: task.taskDefinition.arn,
      desiredCount: props.desiredCount,
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
          containerPort: props.port,
        },
      ],
      healthCheckGracePeriodSeconds:
        props.healthCheckGracePeriodSeconds ??
        FARGATE_SERVICE_DEFAULTS.healthCheckGracePeriodSeconds,
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
            alarms: { alarmNames: rollbackAlarmNames, enable: true, rollback: true },
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

    this.scaling = new ServiceScaling(this, 'scaling', {
      clusterName,
      serviceName: names.service,
      policyNamePrefix: name,
      ...scalingSettings(props),
      requestsPerTarget:
        props.requestsPerTarget === undefined
          ? undefined
          : {
              target: props.requestsPerTarget,
              resourceLabel: `${props.loadBalancer.alb.arnSuffix}/${primary.arnSuffix}`,
            },
      dependsOn: [this.ecsService],
    });

    if (blueGreen) {
      const [blue, green] = this.targetGroups as [LbTargetGroup, LbTargetGroup];
      this.blueGreen = new BlueGreenDeployment(this, 'blue-green', {
        applicationName: names.codeDeployApplication,
        deploymentGroupName: names.deploymentGroup,
        roleName: names.codeDeployRole,
        accountId: props.accountId,
        region: props.region,
        clusterName,
        serviceName: this.ecsService.name,
        productionListenerArn: props.loadBalancer.httpsListener.arn,
        testListenerArn: props.loadBalancer.testListener.arn,
        targetGroupNames: [blue.name, green.name],
        rollbackAlarmNames,
        trafficShifting: props.trafficShifting,
        terminateBlueAfterMinutes: props.terminateBlueAfterMinutes,
      });
    }

    this.ref = {
      strategy: blueGreen ? 'blue-green' : 'rolling',
      serviceName: names.service,
      taskFamily: names.taskFamily,
      targetGroupNames: blueGreen ? [...names.blueGreenTargetGroups] : [names.targetGroup],
      targetGroupArnSuffixes: this.targetGroups.map((tg) => tg.arnSuffix),
      alarms: names.alarms,
      codeDeployApplication: blueGreen ? names.codeDeployApplication : undefined,
      codeDeployDeploymentGroup: blueGreen ? names.deploymentGroup : undefined,
      containerName: task.containerName,
      containerPort: props.port,
      capacityProviderStrategy: props.cluster.strategy,
    };
  }
}
