import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { accountRootArn, arn, type ArnScope, iamRoleArn, servicePrincipal } from '@platform/config';
import { Construct } from 'constructs';
import { policyDocument, type Statement } from './policy-document';

/** Props of {@link EncryptionKey}. */
export interface EncryptionKeyProps {
  /** The account that owns the key; its administrators manage it through IAM. */
  readonly accountId: string;
  /** The key's region (its partition names the account in the key policy). */
  readonly region: string;
  /** Alias, e.g. alias/dev-network. */
  readonly alias: string;
  /** What the key protects. */
  readonly description: string;
  /**
   * Extra key-policy statements, e.g. letting a service principal use the key.
   * @default none: only IAM principals of the account that IAM allows
   */
  readonly statements?: readonly Statement[];
  /**
   * Days a deleted key waits before it is gone (7 to 30).
   * @default 30: the longest window to notice and cancel a deletion
   */
  readonly deletionWindowDays?: number;
  /**
   * Add `prevent_destroy`: terraform refuses any plan that destroys the key.
   * @default false
   */
  readonly protect?: boolean;
  /**
   * ARN of the only role that may administer the key (change its policy, disable, delete). The
   * account's IAM principals may then only use and read it, and every other principal is
   * denied the administrative actions. The key policy must be applied by this role: KMS refuses
   * a policy that would lock out its caller.
   * @default none: the account administers the key through IAM
   */
  readonly administratorArn?: string;
}

/** Key actions only the administrator may take once `administratorArn` is set. */
export const KEY_ADMINISTRATION_ACTIONS = [
  'kms:CancelKeyDeletion',
  'kms:DisableKey',
  'kms:DisableKeyRotation',
  'kms:EnableKey',
  'kms:PutKeyPolicy',
  'kms:ScheduleKeyDeletion',
  'kms:UpdateKeyDescription',
] as const;

/** Key actions the account's IAM principals keep: use the key and read its settings. */
const KEY_USE_ACTIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey*',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListResourceTags',
  'kms:ReEncrypt*',
] as const;

/** The key-policy statements that separate one administrator from the key's users. */
function separatedAdministration(scope: ArnScope, administrator: string): Statement[] {
  return [
    {
      sid: 'KeyAdministrator',
      actions: ['kms:*'],
      resources: ['*'],
      principals: [{ type: 'AWS', identifiers: [administrator] }],
    },
    {
      sid: 'AccountUsesTheKeyThroughIam',
      actions: [...KEY_USE_ACTIONS],
      resources: ['*'],
      principals: [{ type: 'AWS', identifiers: [accountRootArn(scope)] }],
    },
    {
      sid: 'OnlyTheAdministratorChangesTheKey',
      effect: 'Deny',
      actions: [...KEY_ADMINISTRATION_ACTIONS],
      resources: ['*'],
      principals: [{ type: 'AWS', identifiers: ['*'] }],
      conditions: [{ test: 'ArnNotEquals', variable: 'aws:PrincipalArn', values: [administrator] }],
    },
  ];
}

/**
 * A customer-managed KMS key with yearly rotation, an explicit key policy (the account
 * delegates to IAM; services get only what `statements` grants) and an alias.
 */
export class EncryptionKey extends Construct {
  /** The key. */
  readonly key: KmsKey;
  /** ARN of the key. */
  readonly arn: string;
  /** The alias name. */
  readonly aliasName: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const window = props.deletionWindowDays ?? 30;
    if (window < 7 || window > 30) {
      throw new Error(`${this.node.path}: deletionWindowDays must be 7 to 30 (got ${window})`);
    }
    if (!props.alias.startsWith('alias/') || props.alias.startsWith('alias/aws/')) {
      throw new Error(
        `${this.node.path}: alias must start with "alias/" and not "alias/aws/" (got "${props.alias}")`,
      );
    }
    const policy = policyDocument(this, 'policy', [
      ...(props.administratorArn
        ? separatedAdministration(props, props.administratorArn)
        : [
            {
              sid: 'AccountAdministration',
              actions: ['kms:*'],
              resources: ['*'],
              principals: [{ type: 'AWS', identifiers: [accountRootArn(props)] }],
            },
          ]),
      ...(props.statements ?? []),
    ]);
    this.key = new KmsKey(this, 'key', {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: window,
      policy,
      lifecycle: props.protect ? { preventDestroy: true } : undefined,
    });
    new KmsAlias(this, 'alias', { name: props.alias, targetKeyId: this.key.keyId });
    this.arn = this.key.arn;
    this.aliasName = props.alias;
  }
}

/** Key-policy statement letting CloudWatch Logs of a region encrypt the account's log groups. */
export function logsKeyStatement(scope: ArnScope): Statement {
  return {
    sid: 'CloudWatchLogs',
    actions: [
      'kms:Encrypt*',
      'kms:Decrypt*',
      'kms:ReEncrypt*',
      'kms:GenerateDataKey*',
      'kms:Describe*',
    ],
    resources: ['*'],
    principals: [{ type: 'Service', identifiers: [servicePrincipal(scope.region, 'logs')] }],
    conditions: [
      {
        test: 'ArnLike',
        variable: 'kms:EncryptionContext:aws:logs:arn',
        values: [arn(scope, { service: 'logs', resource: 'log-group:*' })],
      },
    ],
  };
}

/**
 * Key-policy statements that let EC2 Auto Scaling launch instances with volumes encrypted by
 * the key (the statements AWS documents for "Required AWS KMS key policy for use with
 * encrypted volumes"): without them, an Auto Scaling group (ECS and EKS capacity) fails to
 * launch once EBS encryption by default uses this key.
 */
export function autoScalingKeyStatements(role: string): Statement[] {
  return [
    {
      sid: 'AutoScalingUseOfTheKey',
      actions: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:DescribeKey',
      ],
      resources: ['*'],
      principals: [{ type: 'AWS', identifiers: [role] }],
    },
    {
      sid: 'AutoScalingAttachPersistentResources',
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      principals: [{ type: 'AWS', identifiers: [role] }],
      conditions: [{ test: 'Bool', variable: 'kms:GrantIsForAWSResource', values: ['true'] }],
    },
  ];
}

/** ARN of EC2 Auto Scaling's service-linked role in an account. */
export function autoScalingServiceRoleArn(scope: ArnScope): string {
  return iamRoleArn(
    scope,
    `aws-service-role/${servicePrincipal(scope.region, 'autoscaling')}/AWSServiceRoleForAutoScaling`,
  );
}
