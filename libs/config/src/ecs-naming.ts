import { arn, type ArnScope, iamRoleArn } from './arn';
import { resourceName } from './naming';

/**
 * The public names of the ECS family: what `libs/aws/ecs` creates and what the delivery and
 * observability families address (delivery across account boundaries, where no remote state
 * reaches). The one place they are built: the producer and every consumer call these.
 */

type Env = { readonly name: string };
type Service = { readonly name: string };

/**
 * The rules every ECS name is built from. A rule changed here changes the ECS resources and every
 * consumer's reference to them together (tools/workspace-tests/src/unit/names.test.ts).
 */
export const ECS_NAMING_RULES = {
  /** The environment's cluster: named after the environment, e.g. dev. */
  cluster: (env: Env): string => env.name,
  /** Prefix of every per-service name: `<env>-<service>`, e.g. dev-web. */
  servicePrefix: (env: Env, service: Service): string => resourceName(env, service.name),
  /** Log group of a service's tasks: `/platform/<env>/ecs/<service>`. */
  logGroup: (env: Env, service: Service): string => `/platform/${env.name}/ecs/${service.name}`,
};

/** The alarms every ECS service has: the key other families use → the suffix of the alarm's name. */
export const ECS_SERVICE_ALARMS = {
  errorRate: '5xx-rate',
  latency: 'p99-latency',
  unhealthyHosts: 'unhealthy-hosts',
  cpu: 'cpu',
  memory: 'memory',
} as const;

/** One of the per-service alarms of the ECS family. */
export type EcsServiceAlarm = keyof typeof ECS_SERVICE_ALARMS;

/** The keys of {@link ECS_SERVICE_ALARMS}, in their order. */
export const ECS_SERVICE_ALARM_KEYS = Object.keys(ECS_SERVICE_ALARMS) as EcsServiceAlarm[];

/** The alarms a deployment rolls back on (ECS alarm rollback, CodeDeploy stop-on-alarm). */
export const ECS_ROLLBACK_ALARMS: readonly EcsServiceAlarm[] = ['errorRate', 'latency'];

/** Listener-rule priorities below this stay free for rules made by hand. */
export const DERIVED_RULE_PRIORITY_MIN = 1000;
/** The highest listener-rule priority an ALB accepts. */
export const RULE_PRIORITY_MAX = 50000;

/**
 * The listener-rule priority derived from a service's name alone (1,000 to 49,999, FNV-1a):
 * adding, removing or reordering services never renumbers another service's rule (an ALB
 * rejects a priority in use mid-apply).
 */
export function derivedRulePriority(serviceName: string): number {
  let hash = 0x811c9dc5;
  for (const char of serviceName) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return DERIVED_RULE_PRIORITY_MIN + (hash % (RULE_PRIORITY_MAX - DERIVED_RULE_PRIORITY_MIN));
}

/** The listener-rule priority of a service: `route.priority` when set, else derived from the name. */
export function listenerRulePriority(service: {
  readonly name: string;
  readonly route?: { readonly priority?: number };
}): number {
  return service.route?.priority ?? derivedRulePriority(service.name);
}

/** The names of one ECS or App Runner service and its resources. */
export interface EcsServiceNames {
  /** The cluster, e.g. dev. */
  readonly cluster: string;
  /** The ECS service, e.g. web. */
  readonly service: string;
  /** Prefix of the service's resource names, e.g. dev-web. */
  readonly prefix: string;
  /** Task-definition family, e.g. dev-web. */
  readonly taskFamily: string;
  /** The application container, e.g. web. */
  readonly containerName: string;
  /** Log group of the tasks, e.g. /platform/dev/ecs/web. */
  readonly logGroup: string;
  /** Role of the ECS agent, e.g. dev-web-execution. */
  readonly executionRole: string;
  /** Role of the application, e.g. dev-web-task. */
  readonly taskRole: string;
  /** Security group of the tasks, e.g. dev-web-tasks. */
  readonly securityGroup: string;
  /** Target group of a rolling service, e.g. dev-web. */
  readonly targetGroup: string;
  /** Target groups of a blue/green service, e.g. dev-web-blue, dev-web-green. */
  readonly blueGreenTargetGroups: readonly [string, string];
  /** CodeDeploy application (blue/green), e.g. dev-web. */
  readonly codeDeployApplication: string;
  /** CodeDeploy deployment group (blue/green), e.g. dev-web. */
  readonly deploymentGroup: string;
  /** Role CodeDeploy uses, e.g. dev-web-codedeploy. */
  readonly codeDeployRole: string;
  /** App Runner service (and its connector, scaling and observability configurations), e.g. dev-web. */
  readonly appRunnerService: string;
  /** Role App Runner pulls the image with, e.g. dev-web-apprunner-access. */
  readonly appRunnerAccessRole: string;
  /** Role of the application on App Runner, e.g. dev-web-apprunner-instance. */
  readonly appRunnerInstanceRole: string;
  /** Security group of the App Runner VPC connector, e.g. dev-web-apprunner. */
  readonly appRunnerSecurityGroup: string;
  /** The service's alarms by key, e.g. errorRate → dev-web-5xx-rate. */
  readonly alarms: Readonly<Record<EcsServiceAlarm, string>>;
}

/** Every name the ECS family gives one service. */
export function ecsServiceNames(env: Env, service: Service): EcsServiceNames {
  const prefix = ECS_NAMING_RULES.servicePrefix(env, service);
  return {
    cluster: ECS_NAMING_RULES.cluster(env),
    service: service.name,
    prefix,
    taskFamily: prefix,
    containerName: service.name,
    logGroup: ECS_NAMING_RULES.logGroup(env, service),
    executionRole: `${prefix}-execution`,
    taskRole: `${prefix}-task`,
    securityGroup: `${prefix}-tasks`,
    targetGroup: prefix,
    blueGreenTargetGroups: [`${prefix}-blue`, `${prefix}-green`],
    codeDeployApplication: prefix,
    deploymentGroup: prefix,
    codeDeployRole: `${prefix}-codedeploy`,
    appRunnerService: prefix,
    appRunnerAccessRole: `${prefix}-apprunner-access`,
    appRunnerInstanceRole: `${prefix}-apprunner-instance`,
    appRunnerSecurityGroup: `${prefix}-apprunner`,
    alarms: Object.fromEntries(
      ECS_SERVICE_ALARM_KEYS.map((key) => [key, `${prefix}-${ECS_SERVICE_ALARMS[key]}`]),
    ) as Record<EcsServiceAlarm, string>,
  };
}

/** ARNs of one service's resources, built from {@link ecsServiceNames} (no lookup, any account). */
export function ecsServiceArns(env: Env & { readonly aws: ArnScope }, service: Service) {
  const names = ecsServiceNames(env, service);
  const regional = (kind: string, resource: string) => arn(env.aws, { service: kind, resource });
  return {
    serviceArn: regional('ecs', `service/${names.cluster}/${names.service}`),
    taskDefinitionArns: regional('ecs', `task-definition/${names.taskFamily}:*`),
    /** Tasks of the environment's cluster (DescribeTasks takes task ARNs). */
    taskArns: regional('ecs', `task/${names.cluster}/*`),
    /** Container instances of the cluster (ListTasks is scoped by them). */
    containerInstanceArns: regional('ecs', `container-instance/${names.cluster}/*`),
    codeDeployApplicationArn: regional('codedeploy', `application:${names.codeDeployApplication}`),
    deploymentGroupArn: regional(
      'codedeploy',
      `deploymentgroup:${names.codeDeployApplication}/${names.deploymentGroup}`,
    ),
    executionRoleArn: iamRoleArn(env.aws, names.executionRole),
    taskRoleArn: iamRoleArn(env.aws, names.taskRole),
    appRunnerServiceArns: regional('apprunner', `service/${names.appRunnerService}/*`),
    appRunnerAccessRoleArn: iamRoleArn(env.aws, names.appRunnerAccessRole),
    /** Every alarm of the service (`<prefix>-*`). */
    alarmArns: regional('cloudwatch', `alarm:${names.prefix}-*`),
  };
}
