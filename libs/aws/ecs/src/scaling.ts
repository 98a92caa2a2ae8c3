import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { keepAddresses } from '@platform/core';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

/** What the scaling does when a prop is not given. */
export const SCALING_DEFAULTS = {
  scaleOutCooldownSeconds: 60,
  scaleInCooldownSeconds: 120,
} as const;

/** Props of {@link ServiceScaling}. */
export interface ServiceScalingProps {
  /** The cluster of the service. */
  readonly clusterName: string;
  /** The ECS service. */
  readonly serviceName: string;
  /** Prefix of the policy names: `<prefix>-cpu`, `-memory`, `-requests`. */
  readonly policyNamePrefix: string;
  /** Fewest tasks. */
  readonly minCapacity: number;
  /** Most tasks. */
  readonly maxCapacity: number;
  /** Average CPU utilisation to hold, in percent (10 to 90). */
  readonly cpuTargetPercent: number;
  /** Average memory utilisation to hold, in percent (10 to 90). */
  readonly memoryTargetPercent: number;
  /**
   * ALB requests per task to hold, with the `<alb arn suffix>/<target group arn suffix>` label of
   * the group that receives them. Only for a service whose target group never changes (rolling).
   * @default no request-count scaling
   */
  readonly requestsPerTarget?: { readonly target: number; readonly resourceLabel: string };
  /**
   * Seconds after a scale-out before another (0 to 3600).
   * @default 60: quick to add tasks under load
   */
  readonly scaleOutCooldownSeconds?: number;
  /**
   * Seconds after a scale-in before another (0 to 3600).
   * @default 120: slower to remove tasks than to add them
   */
  readonly scaleInCooldownSeconds?: number;
  /** What must exist first (the ECS service). */
  readonly dependsOn: readonly ITerraformDependable[];
}

/** Every problem of the props, each naming the prop, the value and what is allowed. */
export function scalingProblems(props: ServiceScalingProps): string[] {
  const whole = (name: string, value: number | undefined, min: number, max: number) =>
    value !== undefined && (!Number.isInteger(value) || value < min || value > max)
      ? [`${name} must be a whole number from ${min} to ${max} (got ${value})`]
      : [];
  return [
    ...whole('minCapacity', props.minCapacity, 0, 5000),
    ...whole('maxCapacity', props.maxCapacity, 1, 5000),
    ...(props.minCapacity > props.maxCapacity
      ? [`minCapacity (${props.minCapacity}) must not exceed maxCapacity (${props.maxCapacity})`]
      : []),
    ...whole('cpuTargetPercent', props.cpuTargetPercent, 10, 90),
    ...whole('memoryTargetPercent', props.memoryTargetPercent, 10, 90),
    ...whole('requestsPerTarget.target', props.requestsPerTarget?.target, 1, 1_000_000),
    ...whole('scaleOutCooldownSeconds', props.scaleOutCooldownSeconds, 0, 3600),
    ...whole('scaleInCooldownSeconds', props.scaleInCooldownSeconds, 0, 3600),
  ];
}

/**
 * Target-tracking autoscaling of one ECS service: on CPU, on memory, and on requests per task
 * when asked. Terraform addresses are those of the enclosing service (`scaling-target`,
 * `scale-on-cpu`, `scale-on-memory`, `scale-on-requests`).
 */
export class ServiceScaling extends Construct {
  /** The scalable target. */
  readonly target: AppautoscalingTarget;
  /** The tracking policies by metric: cpu, memory, requests. */
  readonly policies: Readonly<Record<string, AppautoscalingPolicy>>;

  constructor(scope: Construct, id: string, props: ServiceScalingProps) {
    super(scope, id);
    keepAddresses(this);
    const problems = scalingProblems(props);
    if (problems.length > 0) throw new Error(`${this.node.path}: ${problems.join('; ')}`);
    this.target = new AppautoscalingTarget(this, 'scaling-target', {
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${props.clusterName}/${props.serviceName}`,
      minCapacity: props.minCapacity,
      maxCapacity: props.maxCapacity,
      dependsOn: [...props.dependsOn],
    });
    const tracking = (
      key: string,
      target: number,
      spec: { predefinedMetricType: string; resourceLabel?: string },
    ) =>
      new AppautoscalingPolicy(this, `scale-on-${key}`, {
        name: `${props.policyNamePrefix}-${key}`,
        policyType: 'TargetTrackingScaling',
        serviceNamespace: this.target.serviceNamespace,
        scalableDimension: this.target.scalableDimension,
        resourceId: this.target.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue: target,
          scaleInCooldown: props.scaleInCooldownSeconds ?? SCALING_DEFAULTS.scaleInCooldownSeconds,
          scaleOutCooldown:
            props.scaleOutCooldownSeconds ?? SCALING_DEFAULTS.scaleOutCooldownSeconds,
          predefinedMetricSpecification: spec,
        },
      });
    const policies: Record<string, AppautoscalingPolicy> = {
      cpu: tracking('cpu', props.cpuTargetPercent, {
        predefinedMetricType: 'ECSServiceAverageCPUUtilization',
      }),
      memory: tracking('memory', props.memoryTargetPercent, {
        predefinedMetricType: 'ECSServiceAverageMemoryUtilization',
      }),
    };
    if (props.requestsPerTarget) {
      policies['requests'] = tracking('requests', props.requestsPerTarget.target, {
        predefinedMetricType: 'ALBRequestCountPerTarget',
        resourceLabel: props.requestsPerTarget.resourceLabel,
      });
    }
    this.policies = policies;
  }
}
