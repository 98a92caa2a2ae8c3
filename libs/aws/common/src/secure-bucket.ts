import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { DataAwsElbServiceAccount } from '@cdktf/provider-aws/lib/data-aws-elb-service-account';
import { AWS_REGION_OPENED, servicePrincipal } from '@platform/config';
import { suppress } from '@platform/policy';
import { Construct } from 'constructs';
import { grant } from './grants';
import { denyInsecureTransport, policyDocument, type Statement } from './policy-document';

/** The month from which AWS opens regions whose ELB log delivery is the service principal. */
export const ELB_LOG_DELIVERY_PRINCIPAL_SINCE = '2022-08';

/**
 * Who writes a load balancer's access logs in a region, by AWS's documented rule: regions opened
 * in August 2022 or later deliver as the service principal `logdelivery.elasticloadbalancing`;
 * older regions (GovCloud and China included) as the region's Elastic Load Balancing account,
 * which `data.aws_elb_service_account` looks up from the provider's own table (computed locally,
 * no AWS call; it fails for the newer regions, hence the rule).
 */
export function elbLogDeliveryPrincipal(
  scope: Construct,
  id: string,
  region: string,
): { type: string; identifiers: string[] } {
  const opened = (AWS_REGION_OPENED as Readonly<Record<string, string>>)[region];
  if (opened === undefined || opened >= ELB_LOG_DELIVERY_PRINCIPAL_SINCE) {
    return {
      type: 'Service',
      identifiers: [servicePrincipal(region, 'logdelivery.elasticloadbalancing')],
    };
  }
  return { type: 'AWS', identifiers: [new DataAwsElbServiceAccount(scope, id, {}).arn] };
}

/** Where a load balancer writes its access logs into a {@link SecureBucket}. */
export interface LoadBalancerAccessLogs {
  /** The account that owns the load balancer (logs land under `AWSLogs/<account>/`). */
  readonly accountId: string;
  /** The load balancer's region: decides who delivers the logs. */
  readonly region: string;
  /** Key prefix the load balancer writes under, e.g. alb. */
  readonly prefix: string;
  /** Days log objects are kept (old versions expire after a day). */
  readonly retentionDays: number;
}

/** Props of {@link SecureBucket}. */
export interface SecureBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /**
   * ARN of the customer-managed key that encrypts every object (SSE-KMS with a bucket key).
   * Required unless `loadBalancerAccessLogs` is set.
   * @default none: only with loadBalancerAccessLogs, whose bucket is SSE-S3
   */
  readonly kmsKeyArn?: string;
  /**
   * Make this the bucket of a load balancer's access logs: SSE-S3 instead of SSE-KMS (ELB log
   * delivery supports only SSE-S3; a reasoned PLT-S3-KMS suppression), writable only by the
   * region's log delivery under `<prefix>/AWSLogs/<account>/`, objects kept `retentionDays` and
   * old versions a day. `transitions`, `expirationDays` and `noncurrentVersionExpirationDays`
   * do not apply.
   * @default none: a bucket for the platform's own data, SSE-KMS with kmsKeyArn
   */
  readonly loadBalancerAccessLogs?: LoadBalancerAccessLogs;
  /**
   * Days a replaced or deleted object version is kept before it expires.
   * @default 90
   */
  readonly noncurrentVersionExpirationDays?: number;
  /**
   * Add `prevent_destroy`: terraform refuses any plan that destroys the bucket.
   * @default false
   */
  readonly protect?: boolean;
  /**
   * Extra bucket-policy statements (the TLS-only deny is always present).
   * @default none
   */
  readonly policyStatements?: readonly Statement[];
  /**
   * Moves current objects to cheaper storage classes after the given days since creation
   * (e.g. log archives: Standard-IA after 30 days, Glacier after 90).
   * @default none: objects stay in S3 Standard
   */
  readonly transitions?: readonly BucketTransition[];
  /**
   * Days after creation when current objects expire (become noncurrent, then expire with
   * `noncurrentVersionExpirationDays`). Must be later than every transition.
   * @default never: current objects are kept until deleted
   */
  readonly expirationDays?: number;
}

/** A lifecycle move of current objects to a cheaper storage class. */
export interface BucketTransition {
  /** Days after the object's creation. */
  readonly days: number;
  /** The storage class objects move to. */
  readonly storageClass:
    | 'STANDARD_IA'
    | 'ONEZONE_IA'
    | 'INTELLIGENT_TIERING'
    | 'GLACIER_IR'
    | 'GLACIER'
    | 'DEEP_ARCHIVE';
}

/**
 * An S3 bucket with every guard on: versioning, SSE-KMS with our key, all public access
 * blocked, ACLs disabled (bucket owner enforced), a policy that refuses non-TLS requests, and
 * expiry of old versions and stale multipart uploads.
 */
export class SecureBucket extends Construct {
  /** The bucket. */
  readonly bucket: S3Bucket;
  /** The bucket policy: resources that need it in force first (e.g. a CloudTrail trail) depend on it. */
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const expiry = props.noncurrentVersionExpirationDays ?? 90;
    if (!Number.isInteger(expiry) || expiry < 1) {
      throw new Error(
        `${this.node.path}: noncurrentVersionExpirationDays must be a whole number of days >= 1 (got ${expiry})`,
      );
    }
    const transitions = props.transitions ?? [];
    const expiration = props.expirationDays;
    const problems = [
      ...transitions
        .filter((t) => !Number.isInteger(t.days) || t.days < 0)
        .map(
          (t) =>
            `transitions: days must be a whole number >= 0 (got ${t.days} for ${t.storageClass})`,
        ),
      ...(expiration !== undefined && (!Number.isInteger(expiration) || expiration < 1)
        ? [`expirationDays must be a whole number of days >= 1 (got ${expiration})`]
        : []),
      ...(expiration !== undefined && transitions.some((t) => t.days >= expiration)
        ? [
            `expirationDays (${expiration}) must be later than every transition (${transitions.map((t) => t.days).join(', ')})`,
          ]
        : []),
    ];
    const logs = props.loadBalancerAccessLogs;
    problems.push(
      ...(logs === undefined && props.kmsKeyArn === undefined
        ? ['kmsKeyArn is required unless loadBalancerAccessLogs is set']
        : []),
      ...(logs !== undefined && props.kmsKeyArn !== undefined
        ? [
            'kmsKeyArn does not apply to loadBalancerAccessLogs: ELB log delivery writes SSE-S3 only',
          ]
        : []),
      ...(logs !== undefined &&
      (transitions.length > 0 ||
        expiration !== undefined ||
        props.noncurrentVersionExpirationDays !== undefined)
        ? [
            'transitions, expirationDays and noncurrentVersionExpirationDays do not apply to loadBalancerAccessLogs (retentionDays decides)',
          ]
        : []),
      ...(logs !== undefined && (!Number.isInteger(logs.retentionDays) || logs.retentionDays < 1)
        ? [
            `loadBalancerAccessLogs.retentionDays must be a whole number of days >= 1 (got ${logs.retentionDays})`,
          ]
        : []),
    );
    if (problems.length > 0) throw new Error(`${this.node.path}: ${problems.join('; ')}`);
    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      lifecycle: props.protect ? { preventDestroy: true } : undefined,
    });
    if (logs) {
      suppress(
        this.bucket,
        'PLT-S3-KMS',
        'ALB access log delivery supports only SSE-S3 (AES256) buckets, not SSE-KMS',
      );
    }
    const bucket = this.bucket.id;
    new S3BucketVersioningA(this, 'versioning', {
      bucket,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: logs
        ? [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }]
        : [
            {
              applyServerSideEncryptionByDefault: {
                sseAlgorithm: 'aws:kms',
                kmsMasterKeyId: props.kmsKeyArn,
              },
              bucketKeyEnabled: true,
            },
          ],
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, 'public-access', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', {
      bucket,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: policyDocument(this, 'policy-document', [
        denyInsecureTransport(this.bucket.arn),
        ...(logs
          ? [
              grant(
                'putObject',
                [`${this.bucket.arn}/${logs.prefix}/AWSLogs/${logs.accountId}/*`],
                {
                  sid: 'LoadBalancerLogDelivery',
                  principals: [elbLogDeliveryPrincipal(this, 'log-delivery-account', logs.region)],
                },
              ),
            ]
          : []),
        ...(props.policyStatements ?? []),
      ]),
      dependsOn: [publicAccess],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: logs
        ? [
            {
              id: 'expire-access-logs',
              status: 'Enabled',
              filter: [{ prefix: '' }],
              expiration: [{ days: logs.retentionDays }],
              noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
              abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
            },
          ]
        : [
            {
              id: 'expire-noncurrent-versions',
              status: 'Enabled',
              filter: [{ prefix: '' }],
              noncurrentVersionExpiration: [{ noncurrentDays: expiry }],
              abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
            },
            ...(transitions.length > 0 || expiration !== undefined
              ? [
                  {
                    id: 'age-out-current-objects',
                    status: 'Enabled',
                    filter: [{ prefix: '' }],
                    transition:
                      transitions.length > 0
                        ? transitions.map((t) => ({ days: t.days, storageClass: t.storageClass }))
                        : undefined,
                    expiration: expiration !== undefined ? [{ days: expiration }] : undefined,
                  },
                ]
              : []),
          ],
    });
  }
}
