import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { DataAwsElbServiceAccount } from '@cdktf/provider-aws/lib/data-aws-elb-service-account';
import { denyInsecureTransport, grant, policyDocument } from '@platform/aws-common';
import { AWS_REGION_OPENED, servicePrincipal } from '@platform/config';
import { suppress } from '@platform/policy';
import { Construct } from 'constructs';

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
    const writer = elbLogDeliveryPrincipal(this, 'log-delivery-account', props.region);
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: policyDocument(this, 'policy-document', [
        denyInsecureTransport(this.bucket.arn),
        grant('putObject', [`${this.bucket.arn}/${props.prefix}/AWSLogs/${props.accountId}/*`], {
          sid: 'LoadBalancerLogDelivery',
          principals: [writer],
        }),
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
