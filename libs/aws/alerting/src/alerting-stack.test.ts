import { environment, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { AlertingStack } from './alerting-stack';

describe('alerting stack', () => {
  const prod = synthJson(new AlertingStack(new App(), environment('prod')));
  const statement = (sid: string) =>
    Object.values(prod.data?.['aws_iam_policy_document'] ?? {})
      .flatMap((d) => d['statement'] as { sid?: string; principals?: { identifiers: string[] }[] }[])
      .filter((s) => s.sid === sid);

  it('AWS Budgets may publish budget alerts to the topic and use its key, like CloudWatch and EventBridge', () => {
    const publishers = statement('AlarmPublishers');
    expect(publishers).toHaveLength(2); // the key policy and the topic policy
    for (const s of publishers) {
      expect(s.principals?.[0]?.identifiers).toEqual(expect.arrayContaining(['cloudwatch.amazonaws.com', 'events.amazonaws.com', 'budgets.amazonaws.com']));
    }
  });
});
