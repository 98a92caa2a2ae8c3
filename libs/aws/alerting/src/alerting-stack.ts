import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { denyInsecurePublish, EncryptionKey, grant, policyDocument } from '@platform/aws-common';
import {
  accountRootArn,
  type AwsEnvironment,
  resourceName,
  servicePrincipal,
} from '@platform/config';
import { alertingContract, PlatformStack } from '@platform/core';
import type { Construct } from 'constructs';

/** The services allowed to publish alarms, events and budget alerts to the topic (principals by {@link servicePrincipal}). */
export const ALARM_PUBLISHERS = [
  'cloudwatch',
  'events',
  'codestar-notifications',
  'budgets',
] as const;

/**
 * `alerting-<env>`: the environment's alarm topic. Encrypted with its own key (which the
 * publishing services may use), subscribed from config, and publishable only by CloudWatch, Budgets,
 * EventBridge and CodeStar Notifications of this account.
 */
export class AlertingStack extends PlatformStack {
  /** The alarm topic. */
  readonly topic: SnsTopic;

  constructor(scope: Construct, environment: AwsEnvironment) {
    super(scope, { family: 'alerting', environment });
    const env = environment;
    const key = new EncryptionKey(this, 'key', {
      accountId: env.aws.accountId,
      region: env.aws.region,
      alias: `alias/${resourceName(env, 'alerts')}`,
      description: `Encrypts the ${env.name} alarm topic`,
      statements: [
        grant('publishEncrypted', ['*'], {
          sid: 'AlarmPublishers',
          principals: [
            {
              type: 'Service',
              identifiers: ALARM_PUBLISHERS.map((s) => servicePrincipal(env.aws.region, s)),
            },
          ],
          conditions: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [env.aws.accountId] },
          ],
        }),
      ],
    });
    this.topic = new SnsTopic(this, 'topic', {
      name: resourceName(env, 'alerts'),
      displayName: `${env.name} platform alerts`,
      kmsMasterKeyId: key.arn,
    });
    new SnsTopicPolicy(this, 'topic-policy', {
      arn: this.topic.arn,
      policy: policyDocument(this, 'topic-policy-document', [
        {
          sid: 'AccountManagesTopic',
          actions: [
            'sns:GetTopicAttributes',
            'sns:SetTopicAttributes',
            'sns:Subscribe',
            'sns:ListSubscriptionsByTopic',
            'sns:AddPermission',
            'sns:RemovePermission',
            'sns:DeleteTopic',
          ],
          resources: [this.topic.arn],
          principals: [{ type: 'AWS', identifiers: [accountRootArn(env.aws)] }],
        },
        grant('publish', [this.topic.arn], {
          sid: 'AlarmPublishers',
          principals: [
            {
              type: 'Service',
              identifiers: ALARM_PUBLISHERS.map((s) => servicePrincipal(env.aws.region, s)),
            },
          ],
          conditions: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [env.aws.accountId] },
          ],
        }),
        denyInsecurePublish(this.topic.arn),
      ]),
    });
    env.alerting.subscriptions.forEach((subscription, index) => {
      new SnsTopicSubscription(this, `subscription-${index}`, {
        topicArn: this.topic.arn,
        protocol: subscription.protocol,
        endpoint: subscription.endpoint,
        endpointAutoConfirms: false,
      });
    });
    alertingContract.publish(this, { topicArn: this.topic.arn, kmsKeyArn: key.arn });
  }
}
