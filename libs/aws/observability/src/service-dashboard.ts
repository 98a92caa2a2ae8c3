import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';
import type { ServiceMetricsRef } from './service-refs';
import {
  alarmStatusWidget,
  dashboardBody,
  metricWidget,
  type MetricSeries,
  textWidget,
  type Widget,
} from './widgets';

/** Props of {@link ServiceDashboard}. */
export interface ServiceDashboardProps {
  /** Dashboard name, e.g. dev-web. */
  readonly name: string;
  /** Region of the metrics. */
  readonly region: string;
  /** The ECS cluster name (ClusterName dimension). */
  readonly clusterName: string;
  /** ARN suffix of the public ALB (LoadBalancer dimension). */
  readonly loadBalancerArnSuffix: string;
  /** The service, read from the ECS contract. */
  readonly service: ServiceMetricsRef;
  /** ARNs of the alarms whose state the dashboard shows (the service's and its composite alarm). */
  readonly alarmArns: readonly string[];
}

/** Percentiles of the target response time graph. */
export const LATENCY_PERCENTILES = ['p50', 'p90', 'p99'] as const;

/**
 * The widgets of one service's dashboard, in order: what it is, requests, 5xx, response time
 * percentiles (per target group: both blue and green of a blue-green service), ECS CPU and
 * memory, running vs desired tasks, alarm states.
 */
export function serviceWidgets(props: ServiceDashboardProps): Widget[] {
  const { service, region } = props;
  const perGroup = (metricName: string, stat: MetricSeries['stat'], what: string) =>
    service.targetGroupArnSuffixes.map((tg, i): MetricSeries => ({
      namespace: 'AWS/ApplicationELB',
      metricName,
      dimensions: { LoadBalancer: props.loadBalancerArnSuffix, TargetGroup: tg },
      stat,
      label: `${what} (${service.targetGroupLabels[i]})`,
    }));
  const ecs = (namespace: string, metricName: string, label: string): MetricSeries => ({
    namespace,
    metricName,
    dimensions: { ClusterName: props.clusterName, ServiceName: service.serviceName },
    label,
  });
  const strategy = service.config.deployment.strategy;
  return [
    textWidget(
      `# ${service.config.name}\n${strategy} deployments${strategy === 'blue-green' ? ': request, 5xx and latency graphs show the blue and the green target group' : ''}. Alarms go to the environment's alerting topic; the composite alarm pages when several symptoms agree.`,
    ),
    metricWidget({
      title: 'ALB requests',
      region,
      stat: 'Sum',
      series: perGroup('RequestCount', 'Sum', 'requests'),
      yAxisLabel: 'requests / minute',
    }),
    metricWidget({
      title: '5xx responses from the tasks',
      region,
      stat: 'Sum',
      series: perGroup('HTTPCode_Target_5XX_Count', 'Sum', '5xx'),
      yAxisLabel: 'responses / minute',
    }),
    metricWidget({
      title: 'Target response time p50 / p90 / p99',
      region,
      stat: 'p99',
      series: LATENCY_PERCENTILES.flatMap((p) => perGroup('TargetResponseTime', p, p)),
      yAxisLabel: 'seconds',
    }),
    metricWidget({
      title: 'ECS CPU and memory',
      region,
      stat: 'Average',
      series: [
        ecs('AWS/ECS', 'CPUUtilization', 'CPU %'),
        ecs('AWS/ECS', 'MemoryUtilization', 'memory %'),
      ],
      yAxisLabel: 'percent',
    }),
    metricWidget({
      title: 'Running vs desired tasks',
      region,
      stat: 'Average',
      series: [
        ecs('ECS/ContainerInsights', 'RunningTaskCount', 'running'),
        ecs('ECS/ContainerInsights', 'DesiredTaskCount', 'desired'),
      ],
      yAxisLabel: 'tasks',
    }),
    alarmStatusWidget({ title: 'Alarms', alarmArns: props.alarmArns }),
  ];
}

/** One service's CloudWatch dashboard (see {@link serviceWidgets}). */
export class ServiceDashboard extends Construct {
  /** The dashboard. */
  readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: ServiceDashboardProps) {
    super(scope, id);
    this.dashboard = new CloudwatchDashboard(this, 'dashboard', {
      dashboardName: props.name,
      dashboardBody: dashboardBody(serviceWidgets(props)),
    });
  }
}
