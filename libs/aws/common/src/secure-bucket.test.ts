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
});
