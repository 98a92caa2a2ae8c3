import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';
import {
  alarmStatusWidget,
  dashboardBody,
  metricWidget,
  type MetricSeries,
  textWidget,
  type Widget,
} from './widgets';

/** Props of {@link OverviewDashboard}. */
export interface OverviewDashboardProps {
  /** Dashboard name, e.g. dev-overview. */
  readonly name: string;
  /** Environment name, for the heading. */
  readonly environmentName: string;
  /** Region of the metrics. */
  readonly region: string;
  /**
   * EKS cluster name (ClusterName dimension of Container Insights).
   * @default no EKS widgets: the environment runs no cluster
   */
  readonly eksClusterName?: string;
  /** NAT gateway ids (NatGatewayId dimension). */
  readonly natGatewayIds: readonly string[];
  /** Name of the public ALB's web ACL (WebACL dimension). */
  readonly webAclName: string;
  /** ARN suffix of the public ALB (LoadBalancer dimension). */
  readonly loadBalancerArnSuffix: string;
  /** ARNs of the alarms whose state the dashboard shows. */
  readonly alarmArns: readonly string[];
}

/**
 * The widgets of the environment overview, in order: heading, alarm states, EKS nodes, EKS
 * pods, EKS node CPU and memory (Container Insights), NAT gateway errors, WAF blocked vs
 * allowed requests, ALB 5xx of its own and of the targets.
 */
export function overviewWidgets(props: OverviewDashboardProps): Widget[] {
  const { region } = props;
  const eks = (metricName: string, label: string, stat: MetricSeries['stat']): MetricSeries => ({
    namespace: 'ContainerInsights',
    metricName,
    dimensions: { ClusterName: props.eksClusterName ?? '' },
    stat,
    label,
  });
  const nat = (metricName: string, what: string) =>
    props.natGatewayIds.map((id, i): MetricSeries => ({
      namespace: 'AWS/NATGateway',
      metricName,
      dimensions: { NatGatewayId: id },
      label: `${what} (NAT ${i + 1})`,
    }));
  const waf = (metricName: string, label: string): MetricSeries => ({
    namespace: 'AWS/WAFV2',
    metricName,
    dimensions: { WebACL: props.webAclName, Region: region, Rule: 'ALL' },
    label,
  });
  const alb = (metricName: string, label: string): MetricSeries => ({
    namespace: 'AWS/ApplicationELB',
    metricName,
    dimensions: { LoadBalancer: props.loadBalancerArnSuffix },
    label,
  });
  return [
    textWidget(
      `# ${props.environmentName} overview\n${props.eksClusterName === undefined ? '' : 'EKS through Container Insights, '}NAT gateways, the public ALB's WAF, and the state of every alarm the platform raises. One dashboard per service: ${props.environmentName}-<service>; DORA metrics: ${props.environmentName}-dora.`,
    ),
    ...alarmStatusWidgets(props.alarmArns),
    ...(props.eksClusterName === undefined
      ? []
      : [
          metricWidget({
            title: 'EKS nodes',
            region,
            stat: 'Maximum',
            periodSeconds: 300,
            series: [
              eks('cluster_node_count', 'nodes', 'Maximum'),
              eks('cluster_failed_node_count', 'failed nodes', 'Maximum'),
            ],
            yAxisLabel: 'nodes',
          }),
          metricWidget({
            title: 'EKS pods',
            region,
            stat: 'Maximum',
            periodSeconds: 300,
            series: [
              eks('cluster_number_of_running_pods', 'running pods', 'Maximum'),
              eks('node_number_of_running_pods', 'pods per node (average)', 'Average'),
            ],
            yAxisLabel: 'pods',
          }),
          metricWidget({
            title: 'EKS node CPU and memory',
            region,
            stat: 'Average',
            periodSeconds: 300,
            series: [
              eks('node_cpu_utilization', 'CPU %', 'Average'),
              eks('node_memory_utilization', 'memory %', 'Average'),
            ],
            yAxisLabel: 'percent',
          }),
        ]),
    metricWidget({
      title: 'NAT gateway errors',
      region,
      stat: 'Sum',
      periodSeconds: 300,
      series: [
        ...nat('ErrorPortAllocation', 'port allocation errors'),
        ...nat('PacketsDropCount', 'packets dropped'),
      ],
      yAxisLabel: 'count / 5 minutes',
    }),
    metricWidget({
      title: 'WAF blocked requests',
      region,
      stat: 'Sum',
      periodSeconds: 300,
      series: [waf('BlockedRequests', 'blocked'), waf('AllowedRequests', 'allowed')],
      yAxisLabel: 'requests / 5 minutes',
    }),
    metricWidget({
      title: 'Public ALB 5xx',
      region,
      stat: 'Sum',
      periodSeconds: 300,
      series: [
        alb('HTTPCode_ELB_5XX_Count', 'from the ALB'),
        alb('HTTPCode_Target_5XX_Count', 'from the targets'),
      ],
      yAxisLabel: 'responses / 5 minutes',
    }),
  ];
}

/** The environment's overview dashboard (see {@link overviewWidgets}). */
export class OverviewDashboard extends Construct {
  /** The dashboard. */
  readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: OverviewDashboardProps) {
    super(scope, id);
    this.dashboard = new CloudwatchDashboard(this, 'dashboard', {
      dashboardName: props.name,
      dashboardBody: dashboardBody(overviewWidgets(props)),
    });
  }
}

/** An alarm-status widget lists at most 100 alarms (CloudWatch's limit): one widget per hundred. */
const ALARMS_PER_WIDGET = 100;

function alarmStatusWidgets(alarmArns: readonly string[]) {
  const chunks: string[][] = [];
  for (let i = 0; i < alarmArns.length; i += ALARMS_PER_WIDGET)
    chunks.push(alarmArns.slice(i, i + ALARMS_PER_WIDGET));
  return chunks.map((chunk, index) =>
    alarmStatusWidget({
      title: chunks.length === 1 ? 'Alarm states' : `Alarm states (${index + 1}/${chunks.length})`,
      alarmArns: chunk,
      height: 6,
    }),
  );
}
