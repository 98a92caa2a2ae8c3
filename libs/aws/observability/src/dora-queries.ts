import { DORA_DETAIL_TYPES, DORA_EVENT_SOURCE } from '@platform/config';

/**
 * The Logs Insights queries and metric filters behind the DORA numbers, over the events the
 * DORA log group receives (EventBridge writes each event as JSON: source, detail-type, detail).
 * Kept as data so the README, the saved queries and the dashboard say the same thing.
 */

/** Namespace of the metrics the DORA metric filters publish. */
export const DORA_NAMESPACE = 'Platform/DORA';

const commitDeployed = `source = "${DORA_EVENT_SOURCE}" and \`detail-type\` = "${DORA_DETAIL_TYPES.commitDeployed}"`;
const deploymentOutcome = `(source = "aws.codedeploy" and detail.state in ["SUCCESS", "FAILURE"]) or (source = "aws.ecs" and detail.eventName in ["SERVICE_DEPLOYMENT_COMPLETED", "SERVICE_DEPLOYMENT_FAILED"])`;

/** The saved Logs Insights queries, by short name. */
export const DORA_QUERIES = {
  /** Deployments per day and service: one `Commit Deployed` event per deploy of this environment. */
  'deployment-frequency': [
    `filter ${commitDeployed}`,
    'fields datefloor(@timestamp, 1d) as day, detail.service as service',
    'stats count(*) as deployments by day, service',
    'sort day desc',
  ],
  /** Lead time per commit SHA: its first deploy to this environment (a redeploy does not count twice). */
  'lead-time-per-commit': [
    `filter ${commitDeployed}`,
    'fields detail.service as service, detail.commitSha as commitSha',
    'stats min(detail.leadTimeSeconds) / 3600 as leadTimeHours, earliest(detail.commitTime) as committedAt, earliest(detail.deployedTime) as deployedAt by service, commitSha',
    'sort deployedAt desc',
  ],
  /** Median and 90th percentile lead time per service and week. */
  'lead-time-summary': [
    `filter ${commitDeployed}`,
    'fields datefloor(@timestamp, 7d) as week, detail.service as service',
    'stats pct(detail.leadTimeSeconds, 50) / 3600 as p50Hours, pct(detail.leadTimeSeconds, 90) / 3600 as p90Hours, count(*) as deployments by week, service',
    'sort week desc',
  ],
  /** Failed (rolled back) deployments over all finished deployments, per week. */
  'change-failure-rate': [
    `filter ${deploymentOutcome}`,
    'fields strcontains(coalesce(detail.state, detail.eventName), "FAIL") as failed, datefloor(@timestamp, 7d) as week',
    'stats sum(failed) * 100 / count(*) as changeFailureRatePercent, sum(failed) as failures, count(*) as deployments by week',
    'sort week desc',
  ],
  /**
   * Time to restore per incident: a service's composite alarm entering ALARM until it returns to
   * OK. Both events carry the moment the alarm entered ALARM (the ALARM event as its state
   * timestamp, the OK event as its previous state's): that pairs them.
   */
  'time-to-restore': [
    'filter source = "aws.cloudwatch" and (detail.state.value = "ALARM" or detail.previousState.value = "ALARM")',
    'parse @message /"value":\\s*"ALARM".*?"timestamp":\\s*"(?<openedAt>[^"]+)"/',
    'fields detail.alarmName as alarm',
    'stats count(*) as transitions, (max(@timestamp) - min(@timestamp)) / 60000 as minutesToRestore by alarm, openedAt',
    'filter transitions >= 2',
    'sort openedAt desc',
  ],
  /** Pipeline executions that failed (pipeline environment only). */
  'pipeline-failures': [
    'filter source = "aws.codepipeline" and detail.state = "FAILED"',
    'fields @timestamp, detail.pipeline as pipeline, `detail.execution-id` as execution',
    'sort @timestamp desc',
  ],
} as const satisfies Record<string, readonly string[]>;

/** Name of a saved query. */
export type DoraQueryName = keyof typeof DORA_QUERIES;

/** A query as one Logs Insights string. */
export const doraQuery = (name: DoraQueryName) => DORA_QUERIES[name].join('\n| ');

/** A metric filter: its pattern and the metric it publishes. */
export interface DoraMetricFilter {
  /** Filter pattern (JSON). */
  readonly pattern: string;
  /** Metric name in {@link DORA_NAMESPACE}. */
  readonly metricName: string;
  /** Value published per matching event: 1, or a JSON selector. */
  readonly value: string;
  /** CloudWatch unit. */
  readonly unit: 'Count' | 'Seconds';
}

const deployed = `($.source = "${DORA_EVENT_SOURCE}") && ($.detail.leadTimeSeconds >= 0)`;

/** The metric filters, by short name. */
export const DORA_METRIC_FILTERS = {
  /** Deployment frequency: one per `Commit Deployed`. */
  deployments: { pattern: `{ ${deployed} }`, metricName: 'Deployments', value: '1', unit: 'Count' },
  /** Lead time of each deployed commit. */
  'lead-time': {
    pattern: `{ ${deployed} }`,
    metricName: 'LeadTimeSeconds',
    value: '$.detail.leadTimeSeconds',
    unit: 'Seconds',
  },
  /** Deployments that finished well (CodeDeploy SUCCESS, ECS SERVICE_DEPLOYMENT_COMPLETED). */
  'deployments-succeeded': {
    pattern:
      '{ (($.source = "aws.codedeploy") && ($.detail.state = "SUCCESS")) || (($.source = "aws.ecs") && ($.detail.eventName = "SERVICE_DEPLOYMENT_COMPLETED")) }',
    metricName: 'DeploymentsSucceeded',
    value: '1',
    unit: 'Count',
  },
  /** Deployments that failed or rolled back (CodeDeploy FAILURE, ECS SERVICE_DEPLOYMENT_FAILED). */
  'deployments-failed': {
    pattern:
      '{ (($.source = "aws.codedeploy") && ($.detail.state = "FAILURE")) || (($.source = "aws.ecs") && ($.detail.eventName = "SERVICE_DEPLOYMENT_FAILED")) }',
    metricName: 'DeploymentsFailed',
    value: '1',
    unit: 'Count',
  },
  /** A service's composite alarm returned to OK: one restore. */
  restores: {
    pattern:
      '{ ($.source = "aws.cloudwatch") && ($.detail.previousState.value = "ALARM") && ($.detail.state.value = "OK") }',
    metricName: 'ServiceRestores',
    value: '1',
    unit: 'Count',
  },
} as const satisfies Record<string, DoraMetricFilter>;
