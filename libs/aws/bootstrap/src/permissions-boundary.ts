import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { policyDocument, type Statement } from '@platform/aws-common';
import { PERMISSIONS_BOUNDARY_NAME, permissionsBoundaryArn } from '@platform/config';
import { suppress } from '@platform/policy';
import { Construct } from 'constructs';
import { IAM_WRITE_ACTIONS, platformIamArns } from './deploy-permissions';

/**
 * What stops audit and detection: never taken by a platform role, whatever its own policy says
 * (turning them off is a break-glass change by the account's administrator).
 */
export const AUDIT_TAMPERING_ACTIONS = [
  'cloudtrail:DeleteTrail',
  'cloudtrail:StopLogging',
  'config:DeleteConfigurationRecorder',
  'config:DeleteDeliveryChannel',
  'config:StopConfigurationRecorder',
  'guardduty:DeleteDetector',
  'guardduty:DisassociateFromAdministratorAccount',
  'guardduty:DisassociateFromMasterAccount',
  'securityhub:DisableSecurityHub',
  'securityhub:DisassociateFromAdministratorAccount',
  'securityhub:DisassociateFromMasterAccount',
  's3:BypassGovernanceRetention',
] as const;

/** Props of {@link PermissionsBoundary}. */
export interface PermissionsBoundaryProps {
  /** The account. */
  readonly accountId: string;
  /** The environment's region (names the EKS OIDC providers the platform owns). */
  readonly region: string;
  /** The environment's name (the platform's IAM names start with it). */
  readonly environmentName: string;
  /** ARNs of the CI roles, which no platform role may change. */
  readonly ciRoleArns: readonly string[];
  /** ARN of GitHub's OIDC provider, owned by bootstrap. */
  readonly githubProviderArn: string;
  /** ARN of the state bucket: no platform role may reconfigure it or delete state versions. */
  readonly stateBucketArn: string;
  /** ARN of the audit bucket: no platform role may delete its log versions. */
  readonly auditBucketArn: string;
  /** ARN of the state key. */
  readonly stateKeyArn: string;
}

/**
 * The permissions boundary every platform role carries, the deploy role included: a ceiling
 * that allows everything except IAM changes outside the platform's names, removing or swapping
 * a boundary, creating or changing a role without it, touching the CI roles, the boundary, the
 * GitHub OIDC provider or the state bucket and key, and stopping or deleting audit and
 * detection (CloudTrail, GuardDuty, Config, Security Hub, locked audit logs).
 */
export class PermissionsBoundary extends Construct {
  /** The managed policy. */
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: PermissionsBoundaryProps) {
    super(scope, id);
    const arn = permissionsBoundaryArn(props);
    const platform = platformIamArns(props);
    const statements: Statement[] = [
      {
        sid: 'CeilingOfEveryPlatformRole',
        actions: ['*'],
        resources: ['*'],
      },
      {
        sid: 'NoIamChangesOutsideThePlatform',
        effect: 'Deny',
        actions: [...IAM_WRITE_ACTIONS],
        notResources: [
          ...platform.roles,
          ...platform.policies,
          ...platform.instanceProfiles,
          ...platform.oidcProviders,
          ...platform.serviceLinkedRoles,
        ],
      },
      {
        sid: 'NoRoleWithoutThisBoundary',
        effect: 'Deny',
        actions: [
          'iam:AttachRolePolicy',
          'iam:CreateRole',
          'iam:DeleteRolePolicy',
          'iam:DetachRolePolicy',
          'iam:PutRolePermissionsBoundary',
          'iam:PutRolePolicy',
        ],
        resources: ['*'],
        conditions: [
          { test: 'StringNotEquals', variable: 'iam:PermissionsBoundary', values: [arn] },
        ],
      },
      {
        sid: 'NoBoundaryRemoval',
        effect: 'Deny',
        actions: ['iam:DeleteRolePermissionsBoundary', 'iam:DeleteUserPermissionsBoundary'],
        resources: ['*'],
      },
      {
        sid: 'NoChangesToCiRolesBoundaryOrGithubTrust',
        effect: 'Deny',
        actions: [...IAM_WRITE_ACTIONS],
        resources: [...props.ciRoleArns, arn, props.githubProviderArn],
      },
      {
        sid: 'NoAuditOrDetectionTampering',
        effect: 'Deny',
        actions: [...AUDIT_TAMPERING_ACTIONS],
        resources: ['*'],
      },
      {
        sid: 'NoDeletionOfStateOrAuditVersions',
        effect: 'Deny',
        actions: ['s3:DeleteObjectVersion'],
        resources: [`${props.stateBucketArn}/*`, `${props.auditBucketArn}/*`],
      },
      {
        sid: 'NoStateBucketReconfiguration',
        effect: 'Deny',
        actions: [
          's3:DeleteBucket',
          's3:DeleteBucketPolicy',
          's3:PutBucket*',
          's3:PutLifecycleConfiguration',
          's3:PutEncryptionConfiguration',
        ],
        resources: [props.stateBucketArn],
      },
      {
        sid: 'NoStateKeyAdministration',
        effect: 'Deny',
        actions: ['kms:DisableKey', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion'],
        resources: [props.stateKeyArn],
      },
    ];
    this.policy = new IamPolicy(this, 'policy', {
      name: PERMISSIONS_BOUNDARY_NAME,
      description:
        'Ceiling of every platform role: no IAM outside the platform, no role without this boundary, no audit tampering',
      policy: policyDocument(this, 'document', statements),
    });
    suppress(
      this.policy,
      'PLT-IAM-NO-WILDCARD-ACTION',
      'a permissions boundary grants nothing: "*" is the ceiling the explicit denies cut down; the roles it bounds name their actions',
    );
    suppress(
      this.policy,
      'PLT-IAM-PRIVILEGE-ESCALATION',
      'a permissions boundary grants nothing; it denies creating or changing a role without itself and every IAM change outside the platform names',
    );
    suppress(
      this.policy,
      'PLT-IAM-RESOURCE-SCOPE',
      "a permissions boundary grants nothing: its Allow of every action on every resource is intersected with each role's own, resource-scoped policy; the explicit denies are the protection",
    );
    suppress(
      this.policy,
      'PLT-IAM-PASSROLE-SCOPED',
      'a permissions boundary grants nothing; PassRole is granted (scoped, with iam:PassedToService) by the roles own policies',
    );
  }
}
