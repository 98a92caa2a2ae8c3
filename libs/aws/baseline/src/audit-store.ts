import {
  EncryptionKey,
  grant,
  logsKeyStatement,
  SecureBucket,
  type Statement,
} from '@platform/aws-common';
import { S3BucketObjectLockConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration';
import type { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { arn, type AwsEnvironmentWith, servicePrincipal } from '@platform/config';
import { Construct } from 'constructs';
import { baselineNames } from './names';

/** Props of {@link AuditStore}. */
export interface AuditStoreProps {
  /** The environment: account, region, audit retention and storage transitions. */
  readonly environment: AwsEnvironmentWith<'baseline'>;
}

/**
 * Where the account's audit records live: a customer-managed key that CloudTrail, CloudWatch
 * Logs and AWS Config may use (CloudTrail only for this account's trail), and a bucket that
 * CloudTrail and Config may write to (only under AWSLogs/<account>/, only from this account's
 * trail and recorder), moving logs to Standard-IA, then Glacier, then expiring them. Every new
 * log version is locked (S3 Object Lock, governance mode) for `objectLockRetentionDays`.
 * Production keeps both with `prevent_destroy`.
 */
export class AuditStore extends Construct {
  /** The key that encrypts the trail, its log group, the bucket and Config deliveries. */
  readonly key: EncryptionKey;
  /** The audit bucket. */
  readonly bucket: SecureBucket;

  constructor(scope: Construct, id: string, props: AuditStoreProps) {
    super(scope, id);
    const env = props.environment;
    const names = baselineNames(env);
    const audit = env.baseline.audit;
    const account = env.aws.accountId;
    const sourceAccount = {
      test: 'StringEquals',
      variable: 'aws:SourceAccount',
      values: [account],
    };
    const fromTrail = { test: 'StringEquals', variable: 'aws:SourceArn', values: [names.trailArn] };

    this.key = new EncryptionKey(this, 'key', {
      accountId: account,
      region: env.aws.region,
      alias: `alias/${env.name}-audit`,
      description: `Encrypts the ${env.name} audit trail, its log group and AWS Config deliveries`,
      protect: env.production,
      statements: [
        {
          sid: 'CloudTrailEncryptLogs',
          actions: ['kms:GenerateDataKey*'],
          resources: ['*'],
          principals: [
            { type: 'Service', identifiers: [servicePrincipal(env.aws.region, 'cloudtrail')] },
          ],
          conditions: [
            fromTrail,
            {
              test: 'StringLike',
              variable: 'kms:EncryptionContext:aws:cloudtrail:arn',
              values: [arn(env.aws, { service: 'cloudtrail', region: '*', resource: 'trail/*' })],
            },
          ],
        },
        {
          sid: 'CloudTrailDescribeKey',
          actions: ['kms:DescribeKey'],
          resources: ['*'],
          principals: [
            { type: 'Service', identifiers: [servicePrincipal(env.aws.region, 'cloudtrail')] },
          ],
          conditions: [fromTrail],
        },
        logsKeyStatement(env.aws),
        grant('dataKeys', ['*'], {
          sid: 'ConfigDeliveries',
          principals: [
            { type: 'Service', identifiers: [servicePrincipal(env.aws.region, 'config')] },
          ],
          conditions: [sourceAccount],
        }),
      ],
    });

    const bucketStatements: Statement[] = [
      {
        sid: 'CloudTrailAclCheck',
        actions: ['s3:GetBucketAcl'],
        resources: [names.auditBucketArn],
        principals: [
          { type: 'Service', identifiers: [servicePrincipal(env.aws.region, 'cloudtrail')] },
        ],
        conditions: [fromTrail],
      },
      grant('putObject', [`${names.auditBucketArn}/AWSLogs/${account}/*`], {
        sid: 'CloudTrailWrite',
        principals: [
          { type: 'Service', identifiers: [servicePrincipal(env.aws.region, 'cloudtrail')] },
        ],
        conditions: [
          fromTrail,
          { test: 'StringEquals', variable: 's3:x-amz-acl', values: ['bucket-owner-full-control'] },
        ],
      }),
      {
        sid: 'ConfigAclCheck',
        actions: ['s3:GetBucketAcl', 's3:ListBucket'],
        resources: [names.auditBucketArn],
        principals: [
          { type: 'Service', identifiers: [servicePrincipal(env.aws.region, 'config')] },
        ],
        conditions: [sourceAccount],
      },
      grant('putObject', [`${names.auditBucketArn}/AWSLogs/${account}/Config/*`], {
        sid: 'ConfigWrite',
        principals: [
          { type: 'Service', identifiers: [servicePrincipal(env.aws.region, 'config')] },
        ],
        conditions: [
          sourceAccount,
          { test: 'StringEquals', variable: 's3:x-amz-acl', values: ['bucket-owner-full-control'] },
        ],
      }),
    ];

    this.bucket = new SecureBucket(this, 'bucket', {
      bucketName: names.auditBucketName,
      kmsKeyArn: this.key.arn,
      protect: env.production,
      policyStatements: bucketStatements,
      transitions: [
        { days: audit.infrequentAccessAfterDays, storageClass: 'STANDARD_IA' },
        { days: audit.glacierAfterDays, storageClass: 'GLACIER' },
      ],
      expirationDays: audit.retentionDays,
      noncurrentVersionExpirationDays: 30,
    });
    // Object Lock through its own resource: object_lock_enabled on the bucket is ForceNew and
    // would replace the bucket and its logs. Governance mode: only a principal allowed
    // s3:BypassGovernanceRetention (denied by the platform boundary) can shorten or delete.
    new S3BucketObjectLockConfigurationA(this, 'object-lock', {
      bucket: this.bucket.bucket.id,
      objectLockEnabled: 'Enabled',
      rule: { defaultRetention: { mode: 'GOVERNANCE', days: audit.objectLockRetentionDays } },
      // S3 accepts Object Lock only on a versioned bucket.
      dependsOn: [this.bucket.node.findChild('versioning') as S3BucketVersioningA],
    });
  }
}
