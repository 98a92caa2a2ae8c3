import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { denyInsecureTransport, policyDocument } from '@platform/aws-common';
import { suppress } from '@platform/policy';
import { Construct } from 'constructs';

/**
 * The Elastic Load Balancing account of each region opened before August 2022: its log
 * delivery writes as this account. Later regions use the log-delivery service principal.
 */
export const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
  'us-east-1': '127311923021',
  'us-east-2': '033677994240',
  'us-west-1': '027434742980',
  'us-west-2': '797873946194',
  'af-south-1': '098369216593',
  'ap-east-1': '754344448648',
  'ap-southeast-3': '589379963580',
  'ap-south-1': '718504428378',
  'ap-northeast-3': '383597477331',
  'ap-northeast-2': '600734575887',
  'ap-southeast-1': '114774131450',
  'ap-southeast-2': '783225319266',
  'ap-northeast-1': '582318560864',
  'ca-central-1': '985666609251',
  'eu-central-1': '054676820928',
  'eu-west-1': '156460612806',
  'eu-west-2': '652711504416',
  'eu-south-1': '635631232127',
  'eu-west-3': '009996457667',
  'eu-north-1': '897822967062',
  'me-south-1': '076674570225',
  'sa-east-1': '507241528517',
};

/** Props of {@link AccessLogBucket}. */
export interface AccessLogBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** The account that owns the load balancer. */
  readonly accountId: string;
  /** The load balancer's region: decides who delivers the logs. */
  readonly region: string;
  /** Key prefix the load balancer writes under. */
  readonly prefix: string;
  /** Days objects are kept. */
  readonly retentionDays: number;
  /**
   * Add `prevent_destroy`.
   * @default false
   */
  readonly protect?: boolean;
}

/**
 * The bucket of a load balancer's access logs: SSE-S3 (ALB log delivery does not support
 * SSE-KMS — a reasoned suppression), versioned, private, TLS-only, owner-enforced, and
 * writable only by the region's log delivery under this account's prefix.
 */
export class AccessLogBucket extends Construct {
  /** The bucket. */
  readonly bucket: S3Bucket;
  /** The bucket policy; the load balancer must depend on it. */
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    if (!Number.isInteger(props.retentionDays) || props.retentionDays < 1) {
      throw new Error(
        `${this.node.path}: retentionDays must be a whole number of days >= 1 (got ${props.retentionDays})`,
      );
    }
    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      lifecycle: props.protect ? { preventDestroy: true } : undefined,
    });
    suppress(
      this.bucket,
      'PLT-S3-KMS',
      'ALB access log delivery supports only SSE-S3 (AES256) buckets, not SSE-KMS',
    );
    const bucket = this.bucket.id;
    new S3BucketVersioningA(this, 'versioning', {
      bucket,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
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
    const elbAccount = ELB_LOG_ACCOUNTS[props.region];
    const writer = elbAccount
      ? { type: 'AWS', identifiers: [`arn:aws:iam::${elbAccount}:root`] }
      : { type: 'Service', identifiers: ['logdelivery.elasticloadbalancing.amazonaws.com'] };
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: policyDocument(this, 'policy-document', [
        denyInsecureTransport(this.bucket.arn),
        {
          sid: 'LoadBalancerLogDelivery',
          actions: ['s3:PutObject'],
          resources: [`${this.bucket.arn}/${props.prefix}/AWSLogs/${props.accountId}/*`],
          principals: [writer],
        },
      ]),
      dependsOn: [publicAccess],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: [
        {
          id: 'expire-access-logs',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ days: props.retentionDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
  }
}
