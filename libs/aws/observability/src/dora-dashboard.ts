import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';
import {
  DORA_METRIC_FILTERS,
  DORA_NAMESPACE,
  DORA_QUERIES,
  type DoraQueryName,
} from './dora-queries';
import { dashboardBody, logWidget, metricWidget, textWidget, type Widget } from './widgets';

/** Props of {@link DoraDashboard}. */
export interface DoraDashboardProps {
  /** Dashboard name, e.g. prod-dora. */
  readonly name: string;
  /** Environment name, for the heading. */
  readonly environmentName: string;
  /** Region of the metrics and the log group. */
  readonly region: string;
  /** Name of the DORA log group (literal: the queries name it). */
  readonly logGroupName: string;
}

const DAY = 86400;

/**
 * The widgets of the DORA dashboard, in order: heading, deployment frequency (per day), lead
 * time (p50 / p90 per day), change failure rate (percent per week), restores per day, then the
 * saved queries' results: time to restore per incident, lead time per commit SHA, deployments
 * per service.
 */
export function doraWidgets(props: DoraDashboardProps): Widget[] {
  const { region } = props;
  const metric = (filter: keyof typeof DORA_METRIC_FILTERS) => ({
    namespace: DORA_NAMESPACE,
    metricName: DORA_METRIC_FILTERS[filter].metricName,
    dimensions: {},
  });
  const query = (title: string, name: DoraQueryName) =>
    logWidget({
      title,
      region,
      logGroupNames: [props.logGroupName],
      query: DORA_QUERIES[name].join(' | '),
    });
  return [
    textWidget(
      `# DORA metrics of ${props.environmentName}\nFrom the events in \`${props.logGroupName}\` (see apps/observability/README.md for how each number is computed and what it cannot see). Saved queries: DORA/${props.environmentName}/*.`,
    ),
    metricWidget({
      title: 'Deployment frequency (deployments per day)',
      region,
      stat: 'Sum',
      periodSeconds: DAY,
      series: [{ ...metric('deployments'), label: 'deployments' }],
      yAxisLabel: 'deployments / day',
      view: 'bar',
    }),
    metricWidget({
      title: 'Lead time for changes (commit to deploy)',
      region,
      stat: 'p50',
      periodSeconds: DAY,
      series: [
        { ...metric('lead-time'), stat: 'p50', label: 'p50', id: 'p50s', visible: false },
        { ...metric('lead-time'), stat: 'p90', label: 'p90', id: 'p90s', visible: false },
        { expression: 'p50s / 3600', label: 'p50 (hours)', id: 'p50h' },
        { expression: 'p90s / 3600', label: 'p90 (hours)', id: 'p90h' },
      ],
      yAxisLabel: 'hours',
    }),
    metricWidget({
      title: 'Change failure rate (failed deployments, % per week)',
      region,
      stat: 'Sum',
      periodSeconds: 7 * DAY,
      series: [
        { ...metric('deployments-failed'), id: 'failed', visible: false },
        { ...metric('deployments-succeeded'), id: 'succeeded', visible: false },
        {
          expression: '100 * FILL(failed, 0) / (FILL(failed, 0) + FILL(succeeded, 0))',
          label: 'change failure rate (%)',
          id: 'cfr',
        },
      ],
      yAxisLabel: 'percent',
    }),
    metricWidget({
      title: 'Restores of a degraded service (per day)',
      region,
      stat: 'Sum',
      periodSeconds: DAY,
      series: [{ ...metric('restores'), label: 'restores' }],
      yAxisLabel: 'restores / day',
      view: 'bar',
    }),
    query('Time to restore per incident (minutes)', 'time-to-restore'),
    query('Lead time per commit SHA', 'lead-time-per-commit'),
    query('Deployments per day and service', 'deployment-frequency'),
  ];
}

/** The environment's DORA dashboard (see {@link doraWidgets}). */
export class DoraDashboard extends Construct {
  /** The dashboard. */
  readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: DoraDashboardProps) {
    super(scope, id);
    this.dashboard = new CloudwatchDashboard(this, 'dashboard', {
      dashboardName: props.name,
      dashboardBody: dashboardBody(doraWidgets(props)),
    });
  }
}
