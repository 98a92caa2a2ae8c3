import { environment, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { AlertingStack } from './alerting-stack';

const prod = synthJson(new AlertingStack(new App(), environment('prod')));
const resource = (type: string) =>
  Object.values(prod.resource?.[type] ?? {}) as Record<string, any>[];
const documents = prod.data?.['aws_iam_policy_document'] ?? {};
const documentOf = (reference: unknown) =>
  documents[
    String(reference).replace(/^\$\{data\.aws_iam_policy_document\.(.*)\.json\}$/, '$1')
  ] as { statement: Record<string, any>[] };

describe('alerting stack', () => {
  it('the topic is encrypted with its own customer-managed key', () => {
    const keys = Object.keys(prod.resource?.['aws_kms_key'] ?? {});
    expect(keys).toHaveLength(1);
    expect(resource('aws_kms_key')[0]).toEqual(
      expect.objectContaining({ enable_key_rotation: true }),
    );
    expect(resource('aws_sns_topic')).toEqual([
      expect.objectContaining({
        name: 'prod-alerts',
        kms_master_key_id: `\${aws_kms_key.${keys[0]}.arn}`,
      }),
    ]);
  });

  it('only CloudWatch, EventBridge, CodeStar Notifications and Budgets of this account may publish', () => {
    const statements = documentOf(resource('aws_sns_topic_policy')[0]!['policy']).statement;
    const publishers = statements.filter(
      (s) => s['effect'] !== 'Deny' && s['actions'].includes('sns:Publish'),
    );
    expect(publishers).toEqual([
      expect.objectContaining({
        principals: [
          {
            type: 'Service',
            identifiers: [
              'cloudwatch.amazonaws.com',
              'events.amazonaws.com',
              'codestar-notifications.amazonaws.com',
              'budgets.amazonaws.com',
            ],
          },
        ],
        condition: [
          { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['333333333333'] },
        ],
      }),
    ]);
  });

  it('subscribes every endpoint of the environment file', () => {
    expect(
      resource('aws_sns_topic_subscription').map((s) => `${s['protocol']} ${s['endpoint']}`),
    ).toEqual([
      'email platform-oncall@example.com',
      'https https://events.pagerduty.com/integration/REPLACE_ME/enqueue',
    ]);
  });

  it('publishes the topic for the other families', () => {
    expect(Object.keys(prod.output ?? {}).sort()).toEqual(['kms_key_arn', 'topic_arn']);
  });
});
