import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { denyInsecurePublish, policyDocument } from '@platform/aws-common';
import { Construct } from 'constructs';
import { accountRootArn } from '@platform/config';

/** Props of {@link ApprovalTopic}. */
export interface ApprovalTopicProps {
  /** Topic name. */
  readonly name: string;
  /** The account: only its principals may publish. */
  readonly accountId: string;
  /** The region (its partition names the account). */
  readonly region: string;
  /** Customer-managed key that encrypts the topic (the pipeline roles may use it). */
  readonly kmsKeyArn: string;
  /** Email addresses asked to approve. */
  readonly approvers: readonly string[];
}

/**
 * The topic manual approvals notify: CodePipeline publishes the approval request (with the
 * link that opens the approval) and the approvers receive it by email. Encrypted, TLS only,
 * publishable only by this account's principals that IAM allows (the pipeline roles).
 */
export class ApprovalTopic extends Construct {
  /** The topic. */
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: ApprovalTopicProps) {
    super(scope, id);
    this.topic = new SnsTopic(this, 'topic', {
      name: props.name,
      displayName: 'Release approvals',
      kmsMasterKeyId: props.kmsKeyArn,
    });
    new SnsTopicPolicy(this, 'policy', {
      arn: this.topic.arn,
      policy: policyDocument(this, 'policy-document', [
        {
          sid: 'AccountPublishesAndManages',
          actions: [
            'sns:GetTopicAttributes',
            'sns:SetTopicAttributes',
            'sns:Subscribe',
            'sns:ListSubscriptionsByTopic',
            'sns:Publish',
          ],
          resources: [this.topic.arn],
          principals: [{ type: 'AWS', identifiers: [accountRootArn(props)] }],
        },
        denyInsecurePublish(this.topic.arn),
      ]),
    });
    [...props.approvers].sort().forEach((endpoint, index) => {
      new SnsTopicSubscription(this, `approver-${index}`, {
        topicArn: this.topic.arn,
        protocol: 'email',
        endpoint,
      });
    });
  }
}
