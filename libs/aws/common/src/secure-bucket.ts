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
}

/**
 * An S3 bucket with every guard on: versioning, SSE-KMS with our key, all public access
 * blocked, ACLs disabled (bucket owner enforced), a policy that refuses non-TLS requests, and
 * expiry of old versions and stale multipart uploads.
 */
export class SecureBucket extends Construct {
  /** The bucket. */
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const expiry = props.noncurrentVersionExpirationDays ?? 90;
    if (!Number.isInteger(expiry) || expiry < 1) {
      throw new Error(
        `${this.node.path}: noncurrentVersionExpirationDays must be a whole number of days >= 1 (got ${expiry})`,
      );
    }
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
    new S3BucketPolicy(this, 'policy', {
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
      ],
    });
  }
}
