import { S3BucketNotification } from '@cdktf/provider-aws/lib/s3-bucket-notification';
import {
  EncryptionKey,
  grantDecrypt,
  grantReadObjects,
  logsKeyStatement,
  SecureBucket,
} from '@platform/aws-common';
import { accountRootArn, type AwsEnvironment, s3Arn } from '@platform/config';
import { Construct } from 'constructs';
import { ARTIFACT_KEY_ALIAS, artifactBucketName } from './naming';

type Env = Pick<AwsEnvironment, 'name' | 'aws'>;

/** A role in another account that reads the artifacts (a later environment's deploy role). */
export interface ArtifactReader {
  /** The reader's account. */
  readonly accountId: string;
  /** ARN of the role. */
  readonly roleArn: string;
}

/** Props of {@link ArtifactStore}. */
export interface ArtifactStoreProps {
  /** The pipeline environment: the bucket and key live in its account. */
  readonly environment: Env;
  /** Roles of other accounts that may read and decrypt artifacts: exactly these, matched by ARN. */
  readonly readers: readonly ArtifactReader[];
  /** Days an artifact is kept before it expires. */
  readonly retentionDays: number;
  /**
   * Add `prevent_destroy` to the key.
   * @default false
   */
  readonly protect?: boolean;
  /**
   * Send the bucket's object events to EventBridge (a production account's hand-offs start its
   * pipeline that way).
   * @default false
   */
  readonly eventBridgeNotifications?: boolean;
}

/**
 * The pipelines' artifact store: a customer-managed key (also used by the build logs and the
 * build projects) and a secure bucket (versioning, SSE-KMS, public access block, TLS-only,
 * expiry). The key and the bucket policy let the listed cross-account roles read and decrypt,
 * and nobody else outside the account.
 */
export class ArtifactStore extends Construct {
  /** The key. */
  readonly key: EncryptionKey;
  /** The bucket. */
  readonly bucket: SecureBucket;

  constructor(scope: Construct, id: string, props: ArtifactStoreProps) {
    super(scope, id);
    const env = props.environment;
    const accounts = [...new Set(props.readers.map((r) => r.accountId))];
    const readerCondition = {
      test: 'ArnEquals',
      variable: 'aws:PrincipalArn',
      values: props.readers.map((r) => r.roleArn),
    };
    const readerPrincipals = [
      { type: 'AWS', identifiers: accounts.map((a) => accountRootArn(env.aws, a)) },
    ];
    this.key = new EncryptionKey(this, 'key', {
      accountId: env.aws.accountId,
      region: env.aws.region,
      alias: ARTIFACT_KEY_ALIAS,
      description: 'Encrypts the release pipelines artifacts, build projects and build logs',
      statements: [
        logsKeyStatement(env.aws),
        ...(props.readers.length > 0
          ? [
              grantDecrypt(['*'], {
                sid: 'DeployRolesDecryptArtifacts',
                principals: readerPrincipals,
                conditions: [readerCondition],
              }),
            ]
          : []),
      ],
      protect: props.protect,
    });
    const bucketName = artifactBucketName(env);
    this.bucket = new SecureBucket(this, 'bucket', {
      bucketName,
      kmsKeyArn: this.key.arn,
      expirationDays: props.retentionDays,
      noncurrentVersionExpirationDays: 1,
      policyStatements:
        props.readers.length > 0
          ? [
              grantReadObjects([s3Arn(env.aws, `${bucketName}/*`)], {
                sid: 'DeployRolesReadArtifacts',
                principals: readerPrincipals,
                conditions: [readerCondition],
              }),
            ]
          : [],
    });
    if (props.eventBridgeNotifications) {
      new S3BucketNotification(this, 'notifications', {
        bucket: this.bucket.bucket.id,
        eventbridge: true,
      });
    }
  }
}
