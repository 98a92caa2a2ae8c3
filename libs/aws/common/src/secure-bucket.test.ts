import { resourcesOf, synthJson } from '@platform/testing';
import { Testing, TerraformStack } from 'cdktf';
import { SecureBucket, type SecureBucketProps } from './secure-bucket';

const bucketWith = (props: Partial<SecureBucketProps>) => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new SecureBucket(stack, 'logs', {
    bucketName: 'logs',
    kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/x',
    ...props,
  });
  return synthJson(stack);
};

describe('SecureBucket', () => {
  it('without transitions or expiry keeps only the noncurrent-version rule (existing behaviour)', () => {
    const [lifecycle] = resourcesOf(bucketWith({}), 'aws_s3_bucket_lifecycle_configuration');
    expect((lifecycle?.['rule'] as { id: string }[]).map((r) => r.id)).toEqual([
      'expire-noncurrent-versions',
    ]);
  });

  it('moves current objects to cheaper storage and expires them when asked', () => {
    const [lifecycle] = resourcesOf(
      bucketWith({ transitions: [{ days: 30, storageClass: 'STANDARD_IA' }], expirationDays: 365 }),
      'aws_s3_bucket_lifecycle_configuration',
    );
    expect(lifecycle?.['rule']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'age-out-current-objects',
          transition: [{ days: 30, storage_class: 'STANDARD_IA' }],
          expiration: [{ days: 365 }],
        }),
      ]),
    );
  });

  it('rejects an expiry that comes before a transition, naming both', () => {
    expect(() =>
      bucketWith({ transitions: [{ days: 90, storageClass: 'GLACIER' }], expirationDays: 60 }),
    ).toThrow('test/logs: expirationDays (60) must be later than every transition (90)');
  });

  describe('as the access-log bucket of a load balancer', () => {
    const accessLogs = {
      accountId: '111111111111',
      region: 'eu-west-1',
      prefix: 'alb',
      retentionDays: 90,
    };
    const logBucket = (props: Partial<SecureBucketProps> = {}) => {
      const stack = new TerraformStack(Testing.app(), 'test');
      new SecureBucket(stack, 'logs', {
        bucketName: 'logs',
        loadBalancerAccessLogs: accessLogs,
        ...props,
      });
      return synthJson(stack);
    };
    const statements = (json: ReturnType<typeof synthJson>) =>
      Object.values(json.data?.['aws_iam_policy_document'] ?? {}).flatMap(
        (d) => d['statement'] as Record<string, unknown>[],
      );

    it("is SSE-S3, writable by the region's log delivery under its prefix, and expires logs", () => {
      const json = logBucket();
      expect(resourcesOf(json, 'aws_s3_bucket_server_side_encryption_configuration')[0]).toEqual(
        expect.objectContaining({
          rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
        }),
      );
      expect(statements(json).map((s) => s['sid'])).toEqual([
        'DenyInsecureTransport',
        'LoadBalancerLogDelivery',
      ]);
      expect(statements(json)[1]).toEqual(
        expect.objectContaining({
          actions: ['s3:PutObject'],
          resources: [expect.stringMatching(/\.arn}\/alb\/AWSLogs\/111111111111\/\*$/)],
        }),
      );
      expect(resourcesOf(json, 'aws_s3_bucket_lifecycle_configuration')[0]?.['rule']).toEqual([
        expect.objectContaining({
          id: 'expire-access-logs',
          expiration: [{ days: 90 }],
          noncurrent_version_expiration: [{ noncurrent_days: 1 }],
        }),
      ]);
    });

    it('reports every prop that does not fit, at once', () => {
      expect(() =>
        logBucket({
          kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/x',
          expirationDays: 30,
          loadBalancerAccessLogs: { ...accessLogs, retentionDays: 0 },
        }),
      ).toThrow(
        'test/logs: kmsKeyArn does not apply to loadBalancerAccessLogs: ELB log delivery writes SSE-S3 only; transitions, expirationDays and noncurrentVersionExpirationDays do not apply to loadBalancerAccessLogs (retentionDays decides); loadBalancerAccessLogs.retentionDays must be a whole number of days >= 1 (got 0)',
      );
      expect(() => bucketWith({ kmsKeyArn: undefined })).toThrow(
        'test/logs: kmsKeyArn is required unless loadBalancerAccessLogs is set',
      );
    });
  });
});
