import { type FixtureResource, violations } from './harness';
import { cloudwatchAlarmActions } from './cloudwatch/alarm-actions';
import { cloudwatchAlarmDescription } from './cloudwatch/alarm-description';
import { eventsBusPolicyPrincipals } from './events/bus-policy';
import { eventsBusTargetRole } from './events/bus-target-role';
import { logsResourcePolicyScoped } from './logs/resource-policy';

const topic = '${aws_sns_topic.alerts.arn}';
const description = 'web: 5xx above 5 %. Check first: the service dashboard';
const doc = (name: string, statement: Record<string, unknown>[]): FixtureResource => [
  `data.aws_iam_policy_document.${name}`,
  { statement },
];
const docRef = (name: string) => `\${data.aws_iam_policy_document.${name}.json}`;

describe('observability rules', () => {
  describe('PLT-CW-ALARM-ACTIONS', () => {
    it('passes metric and composite alarms that notify a topic', () => {
      expect(
        violations(
          cloudwatchAlarmActions,
          ['aws_cloudwatch_metric_alarm.a', { alarm_actions: [topic] }],
          ['aws_cloudwatch_composite_alarm.c', { alarm_actions: [topic], actions_enabled: true }],
        ),
      ).toEqual([]);
    });

    it('reports an alarm without actions and one whose actions are disabled', () => {
      expect(
        violations(
          cloudwatchAlarmActions,
          ['aws_cloudwatch_metric_alarm.a', { alarm_name: 'x' }],
          ['aws_cloudwatch_composite_alarm.c', { alarm_actions: [topic], actions_enabled: false }],
        ),
      ).toEqual([
        'aws_cloudwatch_composite_alarm.c: actions_enabled is false',
        'aws_cloudwatch_metric_alarm.a: alarm_actions is empty',
      ]);
    });
  });

  describe('PLT-CW-ALARM-DESCRIPTION', () => {
    it('passes an alarm that says what to check first', () => {
      expect(
        violations(cloudwatchAlarmDescription, [
          'aws_cloudwatch_composite_alarm.c',
          { alarm_description: description },
        ]),
      ).toEqual([]);
    });

    it('reports a missing or token description', () => {
      expect(
        violations(
          cloudwatchAlarmDescription,
          ['aws_cloudwatch_metric_alarm.a', {}],
          ['aws_cloudwatch_metric_alarm.b', { alarm_description: 'cpu' }],
        ),
      ).toEqual([
        'aws_cloudwatch_metric_alarm.a: alarm_description is missing or shorter than 20 characters',
        'aws_cloudwatch_metric_alarm.b: alarm_description is missing or shorter than 20 characters',
      ]);
    });
  });

  describe('PLT-EVENTS-BUS-TARGET-ROLE', () => {
    const bus = 'arn:aws:events:eu-west-1:222222222222:event-bus/default';
    it('passes a bus target with a role, and ignores targets that are not buses', () => {
      expect(
        violations(
          eventsBusTargetRole,
          ['aws_cloudwatch_event_target.t', { arn: bus, role_arn: '${aws_iam_role.r.arn}' }],
          ['aws_cloudwatch_event_target.sns', { arn: topic }],
        ),
      ).toEqual([]);
    });

    it('reports a cross-account bus target and a bus reference without a role', () => {
      expect(
        violations(
          eventsBusTargetRole,
          ['aws_cloudwatch_event_target.t', { arn: bus }],
          ['aws_cloudwatch_event_target.u', { arn: '${aws_cloudwatch_event_bus.b.arn}' }],
        ),
      ).toEqual([
        'aws_cloudwatch_event_target.t: role_arn is not set',
        'aws_cloudwatch_event_target.u: role_arn is not set',
      ]);
    });
  });

  describe('PLT-EVENTS-BUS-POLICY', () => {
    const statement = (identifiers: string[]) => ({
      sid: 'Pipeline',
      actions: ['events:PutEvents'],
      resources: ['arn:aws:events:eu-west-1:222222222222:event-bus/default'],
      principals: [{ type: 'AWS', identifiers }],
    });
    it('passes a policy that names the sender account', () => {
      expect(
        violations(
          eventsBusPolicyPrincipals,
          doc('p', [statement(['arn:aws:iam::111111111111:root'])]),
          ['aws_cloudwatch_event_bus_policy.b', { policy: docRef('p') }],
        ),
      ).toEqual([]);
    });

    it('reports an open policy and, failing closed, one it cannot read', () => {
      expect(
        violations(
          eventsBusPolicyPrincipals,
          doc('p', [statement(['*'])]),
          ['aws_cloudwatch_event_bus_policy.b', { policy: docRef('p') }],
          ['aws_cloudwatch_event_bus_policy.c', { policy: '${jsonencode(local.p)}' }],
        ),
      ).toEqual([
        'aws_cloudwatch_event_bus_policy.b: statement Pipeline allows principal "*"',
        'aws_cloudwatch_event_bus_policy.c: the bus has a policy this rule cannot read',
      ]);
    });
  });

  describe('PLT-LOGS-RESOURCE-POLICY-SCOPED', () => {
    const statement = (condition: Record<string, unknown>[]) => ({
      sid: 'EventBridge',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: ['${aws_cloudwatch_log_group.g.arn}:*'],
      principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
      condition,
    });
    it('passes a service statement scoped by aws:SourceArn', () => {
      expect(
        violations(
          logsResourcePolicyScoped,
          doc('p', [
            statement([
              {
                test: 'ArnEquals',
                variable: 'aws:SourceArn',
                values: ['arn:aws:events:eu-west-1:111111111111:rule/dev-dora-ecs-deployments'],
              },
            ]),
          ]),
          ['aws_cloudwatch_log_resource_policy.r', { policy_document: docRef('p') }],
        ),
      ).toEqual([]);
    });

    it('reports a service statement without a source condition', () => {
      expect(
        violations(logsResourcePolicyScoped, doc('p', [statement([])]), [
          'aws_cloudwatch_log_resource_policy.r',
          { policy_document: docRef('p') },
        ]),
      ).toEqual([
        'aws_cloudwatch_log_resource_policy.r: statement EventBridge allows a service principal without aws:SourceArn or aws:SourceAccount',
      ]);
    });
  });
});
