import { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget';
import { EbsDefaultKmsKey } from '@cdktf/provider-aws/lib/ebs-default-kms-key';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { IamAccountPasswordPolicy } from '@cdktf/provider-aws/lib/iam-account-password-policy';
import { S3AccountPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-account-public-access-block';
import { autoScalingKeyStatements, EncryptionKey } from '@platform/aws-common';
import { type AwsEnvironmentWith, resourceName } from '@platform/config';
import type { AlertingRef } from '@platform/core';
import { dependable } from 'cdktf';
import { Construct } from 'constructs';
import type { ServiceLinkedRoles } from './service-linked-roles';

/** Budget alerts: percentages of the monthly limit, on actual spend. */
export const BUDGET_ALERT_THRESHOLDS_PERCENT = [80, 100] as const;

/** Props of {@link AccountGuardrails}. */
export interface AccountGuardrailsProps {
  /** The environment: account, password policy, budgets. */
  readonly environment: AwsEnvironmentWith<'baseline'>;
  /** The topic budget alerts go to (its policy must let budgets.amazonaws.com publish). */
  readonly alerting: AlertingRef;
  /** The service-linked roles: the EBS key's policy names Auto Scaling's. */
  readonly serviceLinkedRoles: ServiceLinkedRoles;
}

/**
 * Account-wide guardrails: S3 public access blocked for the whole account, EBS volumes
 * encrypted by default with our key, a CIS-strength IAM password policy, and monthly cost
 * budgets that alert the topic at 80 % and 100 % of their limit.
 */
export class AccountGuardrails extends Construct {
  /** The key new EBS volumes are encrypted with by default. */
  readonly ebsKey: EncryptionKey;

  constructor(scope: Construct, id: string, props: AccountGuardrailsProps) {
    super(scope, id);
    const env = props.environment;
    const { passwordPolicy, budgets } = env.baseline;

    new S3AccountPublicAccessBlock(this, 's3-public-access', {
      accountId: env.aws.accountId,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });

    this.ebsKey = new EncryptionKey(this, 'ebs-key', {
      accountId: env.aws.accountId,
      region: env.aws.region,
      alias: `alias/${env.name}-ebs-default`,
      description: `Encrypts new EBS volumes and snapshots of ${env.name} by default`,
      protect: env.production,
      statements: autoScalingKeyStatements(props.serviceLinkedRoles.autoScalingRoleArn),
    });
    // KMS refuses a key policy naming a principal that does not exist yet.
    const autoScalingRole = props.serviceLinkedRoles.autoScalingRole;
    if (autoScalingRole) this.ebsKey.key.dependsOn = [dependable(autoScalingRole)];
    new EbsDefaultKmsKey(this, 'ebs-default-key', { keyArn: this.ebsKey.arn });
    new EbsEncryptionByDefault(this, 'ebs-encryption', { enabled: true });

    new IamAccountPasswordPolicy(this, 'password-policy', {
      minimumPasswordLength: passwordPolicy.minimumLength,
      requireLowercaseCharacters: true,
      requireUppercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
      allowUsersToChangePassword: true,
      maxPasswordAge: passwordPolicy.maxAgeDays,
      passwordReusePrevention: passwordPolicy.reusePrevention,
      hardExpiry: false,
    });

    for (const budget of budgets) {
      new BudgetsBudget(this, `budget-${budget.name}`, {
        name: resourceName(env, budget.name),
        accountId: env.aws.accountId,
        budgetType: 'COST',
        limitAmount: budget.monthlyLimitUsd.toFixed(2),
        limitUnit: 'USD',
        timeUnit: 'MONTHLY',
        costFilter: budget.services
          ? [{ name: 'Service', values: [...budget.services] }]
          : undefined,
        notification: BUDGET_ALERT_THRESHOLDS_PERCENT.map((threshold) => ({
          comparisonOperator: 'GREATER_THAN',
          threshold,
          thresholdType: 'PERCENTAGE',
          notificationType: 'ACTUAL',
          subscriberSnsTopicArns: [props.alerting.topicArn],
        })),
      });
    }
  }
}
