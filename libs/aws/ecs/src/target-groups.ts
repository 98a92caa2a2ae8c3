import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { keepAddresses } from '@platform/core';
import { Construct } from 'constructs';

/** What a target group does when a prop is not given. */
export const TARGET_GROUP_DEFAULTS = {
  healthCheckIntervalSeconds: 15,
  healthCheckTimeoutSeconds: 5,
  healthyThresholdCount: 2,
  unhealthyThresholdCount: 3,
  healthCheckMatcher: '200-399',
  deregistrationDelaySeconds: 30,
} as const;

/** Props of {@link ServiceTargetGroups}. */
export interface ServiceTargetGroupsProps {
  /**
   * Names of the groups: one for a rolling service, two (blue, then green) for a blue/green one.
   */
  readonly groupNames: readonly [string] | readonly [string, string];
  /** The VPC of the tasks. */
  readonly vpcId: string;
  /** Port the container listens on. */
  readonly port: number;
  /** Path the load balancer probes, e.g. /healthz. */
  readonly healthCheckPath: string;
  /**
   * HTTP codes that count as healthy.
   * @default "200-399": redirects count as healthy
   */
  readonly healthCheckMatcher?: string;
  /**
   * Seconds between two health checks of a task (5 to 300).
   * @default 15
   */
  readonly healthCheckIntervalSeconds?: number;
  /**
   * Seconds a health check may take (2 to 120), less than the interval.
   * @default 5
   */
  readonly healthCheckTimeoutSeconds?: number;
  /**
   * Checks passed in a row before a task gets traffic (2 to 10).
   * @default 2: a new task takes traffic after about 30 s
   */
  readonly healthyThresholdCount?: number;
  /**
   * Checks failed in a row before a task is taken out of service (2 to 10).
   * @default 3: a broken task is out after about 45 s
   */
  readonly unhealthyThresholdCount?: number;
  /**
   * Seconds a stopping task may finish its in-flight requests (0 to 3600).
   * @default 30
   */
  readonly deregistrationDelaySeconds?: number;
}

/** Every problem of the props, each naming the prop, the value and what is allowed. */
export function targetGroupProblems(props: ServiceTargetGroupsProps): string[] {
  const d = TARGET_GROUP_DEFAULTS;
  const interval = props.healthCheckIntervalSeconds ?? d.healthCheckIntervalSeconds;
  const timeout = props.healthCheckTimeoutSeconds ?? d.healthCheckTimeoutSeconds;
  const groups: number = props.groupNames.length;
  const range = (name: string, value: number | undefined, min: number, max: number) =>
    value !== undefined && (!Number.isInteger(value) || value < min || value > max)
      ? [`${name} must be a whole number from ${min} to ${max} (got ${value})`]
      : [];
  return [
    ...([1, 2].includes(groups)
      ? []
      : [`groupNames must name one group (rolling) or two (blue, green) (got ${groups})`]),
    ...range('healthCheckIntervalSeconds', props.healthCheckIntervalSeconds, 5, 300),
    ...range('healthCheckTimeoutSeconds', props.healthCheckTimeoutSeconds, 2, 120),
    ...range('healthyThresholdCount', props.healthyThresholdCount, 2, 10),
    ...range('unhealthyThresholdCount', props.unhealthyThresholdCount, 2, 10),
    ...range('deregistrationDelaySeconds', props.deregistrationDelaySeconds, 0, 3600),
    ...(timeout >= interval
      ? [
          `healthCheckTimeoutSeconds (${timeout}) must be less than healthCheckIntervalSeconds (${interval})`,
        ]
      : []),
  ];
}

/**
 * The target groups of one service behind the ALB (IP targets, HTTP): one for a rolling
 * service, blue and green for a blue/green one. Their terraform addresses are those of the
 * enclosing service (`target-group`, `target-group-blue`, `target-group-green`).
 */
export class ServiceTargetGroups extends Construct {
  /** The groups, in the order of `groupNames`. */
  readonly groups: readonly LbTargetGroup[];

  constructor(scope: Construct, id: string, props: ServiceTargetGroupsProps) {
    super(scope, id);
    keepAddresses(this);
    const problems = targetGroupProblems(props);
    if (problems.length > 0) throw new Error(`${this.node.path}: ${problems.join('; ')}`);
    const d = TARGET_GROUP_DEFAULTS;
    const blueGreen = props.groupNames.length === 2;
    const ids = blueGreen ? ['target-group-blue', 'target-group-green'] : ['target-group'];
    this.groups = props.groupNames.map(
      (name, i) =>
        new LbTargetGroup(this, ids[i]!, {
          name,
          port: props.port,
          protocol: 'HTTP',
          targetType: 'ip',
          vpcId: props.vpcId,
          deregistrationDelay: String(
            props.deregistrationDelaySeconds ?? d.deregistrationDelaySeconds,
          ),
          healthCheck: {
            path: props.healthCheckPath,
            matcher: props.healthCheckMatcher ?? d.healthCheckMatcher,
            interval: props.healthCheckIntervalSeconds ?? d.healthCheckIntervalSeconds,
            healthyThreshold: props.healthyThresholdCount ?? d.healthyThresholdCount,
            unhealthyThreshold: props.unhealthyThresholdCount ?? d.unhealthyThresholdCount,
            timeout: props.healthCheckTimeoutSeconds ?? d.healthCheckTimeoutSeconds,
          },
        }),
    );
  }
}
