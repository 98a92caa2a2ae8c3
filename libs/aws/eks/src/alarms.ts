import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';

/** Props of {@link ClusterAlarms}. */
export interface ClusterAlarmsProps {
  /** The cluster's name (a literal: it is also the metrics' dimension). */
  readonly clusterName: string;
  /** ARN of the environment's alarm topic. */
  readonly topicArn: string;
  /**
   * Average node CPU, in percent, above which the cluster needs more nodes.
   * @default 80
   */
  readonly nodeCpuPercent?: number;
  /**
   * Average node memory, in percent, above which the cluster needs more nodes.
   * @default 85
   */
  readonly nodeMemoryPercent?: number;
}

interface AlarmSpec {
  readonly id: string;
  readonly description: string;
  readonly namespace: 'ContainerInsights' | 'AWS/EKS';
  readonly metric: string;
  readonly statistic: 'Average' | 'Maximum' | 'Sum';
  readonly threshold: number;
  readonly periods: number;
  readonly treatMissingData: 'missing' | 'notBreaching' | 'breaching';
}

/**
 * The cluster's alarms, sent to the environment's alerting topic (alarm and recovery): failed
 * nodes, node CPU and memory pressure (Container Insights, from the CloudWatch observability
 * add-on), API server 5xx errors and pods stuck pending (EKS control-plane metrics).
 */
export class ClusterAlarms extends Construct {
  /** The alarms by id. */
  readonly alarms: Readonly<Record<string, CloudwatchMetricAlarm>>;

  constructor(scope: Construct, id: string, props: ClusterAlarmsProps) {
    super(scope, id);
    const cpu = props.nodeCpuPercent ?? 80;
    const memory = props.nodeMemoryPercent ?? 85;
    for (const [name, value] of [
      ['nodeCpuPercent', cpu],
      ['nodeMemoryPercent', memory],
    ] as const) {
      if (!(value > 0 && value <= 100))
        throw new Error(
          `${this.node.path}: ${name} must be a percentage above 0 and at most 100 (got ${value})`,
        );
    }
    const specs: AlarmSpec[] = [
      {
        id: 'failed-nodes',
        description: 'Nodes are failing (not Ready)',
        namespace: 'ContainerInsights',
        metric: 'cluster_failed_node_count',
        statistic: 'Maximum',
        threshold: 0,
        periods: 3,
        treatMissingData: 'notBreaching',
      },
      {
        id: 'node-cpu',
        description: `Average node CPU above ${cpu}%: the node groups need more capacity`,
        namespace: 'ContainerInsights',
        metric: 'node_cpu_utilization',
        statistic: 'Average',
        threshold: cpu,
        periods: 3,
        treatMissingData: 'missing',
      },
      {
        id: 'node-memory',
        description: `Average node memory above ${memory}%: pods risk eviction`,
        namespace: 'ContainerInsights',
        metric: 'node_memory_utilization',
        statistic: 'Average',
        threshold: memory,
        periods: 3,
        treatMissingData: 'missing',
      },
      {
        id: 'api-server-errors',
        description: 'The Kubernetes API server answers with 5xx errors',
        namespace: 'AWS/EKS',
        metric: 'apiserver_request_total_5XX',
        statistic: 'Sum',
        threshold: 10,
        periods: 3,
        treatMissingData: 'notBreaching',
      },
      {
        id: 'pending-pods',
        description: 'Pods wait for a node: capacity or scheduling constraints block them',
        namespace: 'AWS/EKS',
        metric: 'scheduler_pending_pods',
        statistic: 'Maximum',
        threshold: 0,
        periods: 3,
        treatMissingData: 'notBreaching',
      },
    ];
    this.alarms = Object.fromEntries(
      specs.map((spec) => [
        spec.id,
        new CloudwatchMetricAlarm(this, spec.id, {
          alarmName: `${props.clusterName}-${spec.id}`,
          alarmDescription: `${props.clusterName}: ${spec.description}`,
          namespace: spec.namespace,
          metricName: spec.metric,
          dimensions: { ClusterName: props.clusterName },
          statistic: spec.statistic,
          period: 300,
          evaluationPeriods: spec.periods,
          comparisonOperator: 'GreaterThanThreshold',
          threshold: spec.threshold,
          treatMissingData: spec.treatMissingData,
          alarmActions: [props.topicArn],
          okActions: [props.topicArn],
        }),
      ]),
    );
  }
}
