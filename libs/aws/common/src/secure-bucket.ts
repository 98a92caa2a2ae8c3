import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { denyInsecureTransport, policyDocument, type Statement } from './policy-document';

/** Props of {@link SecureBucket}. */
export interface SecureBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** ARN of the customer-managed key that encrypts every object (SSE-KMS with a bucket key). */
  readonly kmsKeyArn: string;
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
    if (problems.length > 0) throw new Error(`${this.node.path}: ${problems.join('; ')}`);
    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      lifecycle: props.protect ? { preventDestroy: true } : undefined,
    });
    const bucket = this.bucket.id;
    new S3BucketVersioningA(this, 'versioning', {
      bucket,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [
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
        ...(props.policyStatements ?? []),
      ]),
      dependsOn: [publicAccess],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: [
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
