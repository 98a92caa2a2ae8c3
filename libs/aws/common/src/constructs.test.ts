import { environment, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { PlatformStack } from '@platform/core';
import { EncryptedLogGroup } from './log-group';
import { EncryptionKey } from './encryption-key';
import { SecureBucket } from './secure-bucket';

const stack = () =>
  new PlatformStack(new App(), { family: 'network', environment: environment('dev') });

describe('base constructs', () => {
  it('a secure bucket expires old versions and stale uploads and can be protected from destroy', () => {
    const s = stack();
    const key = new EncryptionKey(s, 'key', {
      accountId: '111111111111',
      region: 'eu-west-1',
      alias: 'alias/demo',
      description: 'demo',
    });
    new SecureBucket(s, 'bucket', {
      bucketName: 'demo-bucket',
      kmsKeyArn: key.arn,
      noncurrentVersionExpirationDays: 30,
      protect: true,
    });
    const json = synthJson(s);
    expect(Object.values(json.resource!['aws_s3_bucket']!)[0]).toEqual(
      expect.objectContaining({ lifecycle: { prevent_destroy: true } }),
    );
    expect(
      Object.values(json.resource!['aws_s3_bucket_lifecycle_configuration']!)[0]!['rule'],
    ).toEqual([
      expect.objectContaining({
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      }),
    ]);
  });

  it('a deleted key waits 30 days, the longest window to notice and cancel, unless told otherwise', () => {
    const s = stack();
    const props = { accountId: '111111111111', region: 'eu-west-1', description: 'demo' };
    new EncryptionKey(s, 'default', { ...props, alias: 'alias/default' });
    new EncryptionKey(s, 'short', { ...props, alias: 'alias/short', deletionWindowDays: 7 });
    const windows = Object.values(synthJson(s).resource!['aws_kms_key']!).map((k) => [
      k['description'],
      k['deletion_window_in_days'],
      k['enable_key_rotation'],
    ]);
    expect(windows).toEqual([
      ['demo', 30, true],
      ['demo', 7, true],
    ]);
  });

  it('rejects bad props naming the construct, the prop and the allowed values', () => {
    expect(
      () =>
        new EncryptionKey(stack(), 'key', {
          accountId: '1',
          region: 'eu-west-1',
          alias: 'alias/aws/s3',
          description: 'x',
        }),
    ).toThrow(
      'network-dev/key: alias must start with "alias/" and not "alias/aws/" (got "alias/aws/s3")',
    );
    expect(
      () =>
        new EncryptionKey(stack(), 'key', {
          accountId: '1',
          region: 'eu-west-1',
          alias: 'alias/x',
          description: 'x',
          deletionWindowDays: 3,
        }),
    ).toThrow('network-dev/key: deletionWindowDays must be 7 to 30 (got 3)');
    expect(
      () =>
        new EncryptedLogGroup(stack(), 'logs', { name: 'x', retentionDays: 10, kmsKeyArn: 'arn' }),
    ).toThrow(
      /network-dev\/logs: retentionDays 10 is not accepted by CloudWatch Logs; use one of 1, 3, 5, 7, 14, 30/,
    );
    expect(
      () =>
        new SecureBucket(stack(), 'bucket', {
          bucketName: 'b',
          kmsKeyArn: 'arn',
          noncurrentVersionExpirationDays: 0,
        }),
    ).toThrow(
      'network-dev/bucket: noncurrentVersionExpirationDays must be a whole number of days >= 1 (got 0)',
    );
  });
});
