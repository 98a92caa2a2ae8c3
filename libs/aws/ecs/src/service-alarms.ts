import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { ECS_ROLLBACK_ALARMS, type EcsServiceAlarm } from '@platform/config';
import { Construct } from 'constructs';

/** Thresholds of the service alarms when a prop does not set one. */
export const ALARM_THRESHOLDS = {
  /** Percent of requests answered 5xx by the tasks. */
  errorRatePercent: 5,
  /** p99 target response time, in seconds. */
  p99LatencySeconds: 2,
  /** Average CPU / memory utilisation, in percent. */
  cpuPercent: 90,
  memoryPercent: 90,
} as const;

/** Props of {@link ServiceAlarms}. */
export interface ServiceAlarmsProps {
  /** The alarms' names by key, from the ECS naming module (ecsServiceNames(…).alarms). */
  readonly alarmNames: Readonly<Record<EcsServiceAlarm, string>>;
  /** The ECS cluster name. */
  readonly clusterName: string;
  /** The ECS service name. */
  readonly serviceName: string;
  /** ARN suffix of the load balancer (app/<name>/<id>). */
  readonly loadBalancerArnSuffix: string;
  /** ARN suffixes of the service's target groups: one (rolling) or blue and green. */
  readonly targetGroupArnSuffixes: readonly string[];
  /** The environment's alarm topic. */
  readonly topicArn: string;
  /**
   * Percent of requests answered 5xx by the tasks that alarms (and rolls a deployment back).
   * @default 5
   */
  readonly errorRatePercent?: number;
  /**
   * p99 target response time, in seconds, that alarms (and rolls a deployment back).
   * @default 2
   */
  readonly p99LatencySeconds?: number;
  /**
   * Average CPU utilisation, in percent, that alarms.
   * @default 90
   */
  readonly cpuPercent?: number;
  /**
   * Average memory utilisation, in percent, that alarms.
   * @default 90
   */
  readonly memoryPercent?: number;
}

/** Every problem of the props, each naming the prop, the value and what is allowed. */
export function serviceAlarmProblems(props: ServiceAlarmsProps): string[] {
  const percent = (name: string, value: number | undefined) =>
    value !== undefined && !(value > 0 && value <= 100)
      ? [`${name} must be more than 0 and at most 100 (got ${value})`]
      : [];
  return [
    ...(props.targetGroupArnSuffixes.length === 0
      ? ['targetGroupArnSuffixes must name at least one target group']
      : []),
    ...percent('errorRatePercent', props.errorRatePercent),
    ...(props.p99LatencySeconds !== undefined && !(props.p99LatencySeconds > 0)
      ? [`p99LatencySeconds must be more than 0 (got ${props.p99LatencySeconds})`]
      : []),
    ...percent('cpuPercent', props.cpuPercent),
    ...percent('memoryPercent', props.memoryPercent),
  ];
}

/**
 * The alarms of one service, sent to the alarm topic: 5xx rate and p99 latency summed over all
 * its target groups (so they hold during a blue/green shift), unhealthy hosts, CPU, memory.
 * The error-rate and latency alarms are the ones deployments roll back on.
 */
export class ServiceAlarms extends Construct {
  /** Every alarm, by key. */
  readonly byKey: Readonly<Record<EcsServiceAlarm, CloudwatchMetricAlarm>>;
  /** Every alarm. */
  readonly all: readonly CloudwatchMetricAlarm[];
  /** The alarms a deployment rolls back on (ECS_ROLLBACK_ALARMS). */
  readonly rollback: readonly CloudwatchMetricAlarm[];

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    const problems = serviceAlarmProblems(props);
    if (problems.length > 0) throw new Error(`${this.node.path}: ${problems.join('; ')}`);
    const errorRatePercent = props.errorRatePercent ?? ALARM_THRESHOLDS.errorRatePercent;
    const p99LatencySeconds = props.p99LatencySeconds ?? ALARM_THRESHOLDS.p99LatencySeconds;
    const actions = { alarmActions: [props.topicArn], okActions: [props.topicArn] };
    const groups = props.targetGroupArnSuffixes.map((tg, i) => ({ tg, i }));
    const albMetric = (idPrefix: string, metric: string, stat: string) =>
      groups.map(({ tg, i }) => ({
        id: `${idPrefix}${i}`,
        returnData: false,
        metric: {
          namespace: 'AWS/ApplicationELB',
          metricName: metric,
          period: 60,
          stat,
          dimensions: { LoadBalancer: props.loadBalancerArnSuffix, TargetGroup: tg },
        },
      }));
    const sum = (prefix: string) => groups.map(({ i }) => `FILL(${prefix}${i}, 0)`).join(' + ');
    const max = (prefix: string) =>
      groups.length === 1
        ? `${prefix}0`
        : `MAX([${groups.map(({ i }) => `${prefix}${i}`).join(', ')}])`;

    const errorRate = new CloudwatchMetricAlarm(this, 'error-rate', {
      alarmName: props.alarmNames.errorRate,
      alarmDescription: `${props.serviceName}: more than ${errorRatePercent}% of requests answered 5xx by the tasks`,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: errorRatePercent,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: 'notBreaching',
      metricQuery: [
        ...albMetric('e', 'HTTPCode_Target_5XX_Count', 'Sum'),
        ...albMetric('r', 'RequestCount', 'Sum'),
        {
          id: 'rate',
          expression: `100 * (${sum('e')}) / (${sum('r')})`,
          label: '5xx rate (%)',
          returnData: true,
        },
      ],
      ...actions,
    });
    const latency = new CloudwatchMetricAlarm(this, 'p99-latency', {
      alarmName: props.alarmNames.latency,
      alarmDescription: `${props.serviceName}: p99 response time above ${p99LatencySeconds} s`,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: p99LatencySeconds,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: 'notBreaching',
      metricQuery: [
        ...albMetric('l', 'TargetResponseTime', 'p99'),
        { id: 'p99', expression: max('l'), label: 'p99 latency (s)', returnData: true },
      ],
      ...actions,
    });
    const unhealthy = new CloudwatchMetricAlarm(this, 'unhealthy-hosts', {
      alarmName: props.alarmNames.unhealthyHosts,
      alarmDescription: `${props.serviceName}: at least one task fails its load balancer health check`,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      threshold: 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: 'notBreaching',
      metricQuery: [
        ...albMetric('u', 'UnHealthyHostCount', 'Maximum'),
        { id: 'unhealthy', expression: max('u'), label: 'unhealthy tasks', returnData: true },
      ],
      ...actions,
    });
    const ecsAlarm = (key: 'cpu' | 'memory', metric: string, threshold: number) =>
      new CloudwatchMetricAlarm(this, key, {
        alarmName: props.alarmNames[key],
        alarmDescription: `${props.serviceName}: average ${key} above ${threshold}%`,
        namespace: 'AWS/ECS',
        metricName: metric,
        dimensions: { ClusterName: props.clusterName, ServiceName: props.serviceName },
        statistic: 'Average',
        period: 60,
        comparisonOperator: 'GreaterThanThreshold',
        threshold,
        evaluationPeriods: 5,
        datapointsToAlarm: 4,
        treatMissingData: 'missing',
        ...actions,
      });
    const cpu = ecsAlarm('cpu', 'CPUUtilization', props.cpuPercent ?? ALARM_THRESHOLDS.cpuPercent);
    const memory = ecsAlarm(
      'memory',
      'MemoryUtilization',
      props.memoryPercent ?? ALARM_THRESHOLDS.memoryPercent,
    );
    this.byKey = { errorRate, latency, unhealthyHosts: unhealthy, cpu, memory };
    this.all = [errorRate, latency, unhealthy, cpu, memory];
    this.rollback = ECS_ROLLBACK_ALARMS.map((key) => this.byKey[key]);
  }
}
