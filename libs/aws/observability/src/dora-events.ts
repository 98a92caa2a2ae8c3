import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy';
import { CloudwatchQueryDefinition } from '@cdktf/provider-aws/lib/cloudwatch-query-definition';
import { EncryptedLogGroup, grantWriteLogs, policyDocument } from '@platform/aws-common';
import { arn, DORA_DETAIL_TYPES, DORA_EVENT_SOURCE, servicePrincipal } from '@platform/config';
import { Construct } from 'constructs';
import {
  DORA_METRIC_FILTERS,
  DORA_NAMESPACE,
  DORA_QUERIES,
  type DoraQueryName,
  doraQuery,
} from './dora-queries';

/** Props of {@link DoraEvents}. */
export interface DoraEventsProps {
  /** Environment name: the `environment` of the `Commit Deployed` events kept, and name prefix. */
  readonly environmentName: string;
  /** The account. */
  readonly accountId: string;
  /** The region. */
  readonly region: string;
  /** Days the events are kept (a value CloudWatch Logs accepts). */
  readonly retentionDays: number;
  /** Customer-managed key of the log group (its policy lets CloudWatch Logs use it). */
  readonly kmsKeyArn: string;
  /** Names of the composite alarms whose state changes measure time to restore (none: no rule). */
  readonly incidentAlarmNames: readonly string[];
  /**
   * Pipelines whose executions are kept: set in the pipeline environment only, where they run.
   * @default none: this account runs no pipelines
   */
  readonly pipelineNames?: readonly string[];
}

/** The EventBridge rules of the DORA log, by short name. */
export type DoraRuleName =
  | 'commit-events'
  | 'codedeploy-deployments'
  | 'ecs-deployments'
  | 'incident-alarms'
  | 'pipeline-executions';

/**
 * The DORA event log of one environment: EventBridge rules on the default bus copy deployment
 * events (CodeDeploy, ECS, the delivery family's `Commit Built` / `Commit Deployed` for this
 * environment, CodePipeline executions where pipelines run) and the state changes of the
 * services' composite alarms into one encrypted log group with bounded retention. Metric filters
 * and saved Logs Insights queries compute the four DORA numbers from it.
 */
export class DoraEvents extends Construct {
  /** The log group. */
  readonly logGroup: EncryptedLogGroup;
  /** Name of the log group (a literal, for queries and dashboards). */
  readonly logGroupName: string;
  /** The rules, by short name. */
  readonly rules: Readonly<Partial<Record<DoraRuleName, CloudwatchEventRule>>>;
  /** Saved queries, by short name. */
  readonly queries: Readonly<Partial<Record<DoraQueryName, CloudwatchQueryDefinition>>>;

  constructor(scope: Construct, id: string, props: DoraEventsProps) {
    super(scope, id);
    const env = props.environmentName;
    this.logGroupName = `/platform/${env}/dora/events`;
    this.logGroup = new EncryptedLogGroup(this, 'logs', {
      name: this.logGroupName,
      retentionDays: props.retentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    const group = this.logGroup.group;

    const patterns: Partial<Record<DoraRuleName, [string, Record<string, unknown>]>> = {
      'commit-events': [
        `Commit events of the delivery pipelines for ${env} (lead time, deployment frequency)`,
        {
          source: [DORA_EVENT_SOURCE],
          'detail-type': [DORA_DETAIL_TYPES.commitDeployed],
          detail: { environment: [env] },
        },
      ],
      'codedeploy-deployments': [
        'CodeDeploy deployment state changes (blue/green services: change failure rate)',
        {
          source: ['aws.codedeploy'],
          'detail-type': ['CodeDeploy Deployment State-change Notification'],
        },
      ],
      'ecs-deployments': [
        'ECS deployment state changes (rolling services: change failure rate)',
        { source: ['aws.ecs'], 'detail-type': ['ECS Deployment State Change'] },
      ],
    };
    if (props.incidentAlarmNames.length > 0) {
      patterns['incident-alarms'] = [
        'State changes of the services\u2019 composite alarms (time to restore)',
        {
          source: ['aws.cloudwatch'],
          'detail-type': ['CloudWatch Alarm State Change'],
          detail: { alarmName: [...props.incidentAlarmNames] },
        },
      ];
    }
    if (props.pipelineNames && props.pipelineNames.length > 0) {
      patterns['pipeline-executions'] = [
        'Release pipeline executions (runs in the pipeline account only)',
        {
          source: ['aws.codepipeline'],
          'detail-type': ['CodePipeline Pipeline Execution State Change'],
          detail: { pipeline: [...props.pipelineNames] },
        },
      ];
      // The pipeline account also keeps the build events (no environment: one per build).
      patterns['commit-events'] = [
        `Commit events of the delivery pipelines: every build, and the deploys to ${env}`,
        {
          source: [DORA_EVENT_SOURCE],
          $or: [
            { 'detail-type': [DORA_DETAIL_TYPES.commitBuilt] },
            { 'detail-type': [DORA_DETAIL_TYPES.commitDeployed], detail: { environment: [env] } },
          ],
        },
      ];
    }

    const rules: Partial<Record<DoraRuleName, CloudwatchEventRule>> = {};
    for (const [name, [description, pattern]] of Object.entries(patterns) as [
      DoraRuleName,
      [string, Record<string, unknown>],
    ][]) {
      const rule = new CloudwatchEventRule(this, `rule-${name}`, {
        name: `${env}-dora-${name}`,
        description,
        eventPattern: JSON.stringify(pattern),
      });
      new CloudwatchEventTarget(this, `rule-${name}-target`, {
        rule: rule.name,
        targetId: 'dora-log',
        arn: group.arn,
      });
      rules[name] = rule;
    }
    this.rules = rules;
    const ruleArns = Object.keys(rules)
      .sort()
      .map((name) => arn(props, { service: 'events', resource: `rule/${env}-dora-${name}` }));

    // EventBridge writes to a log group only when its resource policy allows it; only these rules may.
    new CloudwatchLogResourcePolicy(this, 'delivery-policy', {
      policyName: `${env}-dora-events`,
      policyDocument: policyDocument(this, 'delivery-policy-document', [
        grantWriteLogs([`${group.arn}:*`], {
          sid: 'EventBridgeWritesDoraEvents',
          principals: [
            {
              type: 'Service',
              identifiers: [
                servicePrincipal(props.region, 'events'),
                servicePrincipal(props.region, 'delivery.logs'),
              ],
            },
          ],
          conditions: [
            { test: 'ArnEquals', variable: 'aws:SourceArn', values: ruleArns },
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] },
          ],
        }),
      ]),
    });

    for (const [name, filter] of Object.entries(DORA_METRIC_FILTERS)) {
      new CloudwatchLogMetricFilter(this, `metric-${name}`, {
        name: `${env}-dora-${name}`,
        logGroupName: group.name,
        pattern: filter.pattern,
        metricTransformation: {
          name: filter.metricName,
          namespace: DORA_NAMESPACE,
          value: filter.value,
          unit: filter.unit,
        },
      });
    }

    const queries: Partial<Record<DoraQueryName, CloudwatchQueryDefinition>> = {};
    for (const name of Object.keys(DORA_QUERIES) as DoraQueryName[]) {
      if (name === 'pipeline-failures' && !rules['pipeline-executions']) continue;
      queries[name] = new CloudwatchQueryDefinition(this, `query-${name}`, {
        name: `DORA/${env}/${name}`,
        logGroupNames: [group.name],
        queryString: doraQuery(name),
      });
    }
    this.queries = queries;
  }
}
