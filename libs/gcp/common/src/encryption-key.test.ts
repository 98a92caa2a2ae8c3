import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, synthJson } from '@platform/testing';
import { TerraformStack, Testing } from 'cdktf';
import { GcpEncryptionKey } from './encryption-key';

const newStack = () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-dev' });
  return stack;
};

describe('GcpEncryptionKey', () => {
  it('keeps a destroyed version recoverable for 30 days', () => {
    const stack = newStack();
    new GcpEncryptionKey(stack, 'key', {
      keyRingName: 'r',
      keyName: 'k',
      location: 'europe-west1',
    });
    expect(
      resourcesOf(synthJson(stack), 'google_kms_crypto_key')[0]!['destroy_scheduled_duration'],
    ).toBe('2592000s');
  });

  it('refuses a key rotation slower than 90 days and bad key names', () => {
    expect(
      () =>
        new GcpEncryptionKey(newStack(), 'key', {
          keyRingName: 'ring with spaces',
          keyName: 'images',
          location: 'europe-west1',
          rotationDays: 91,
        }),
    ).toThrow(
      'test/key: keyRingName must be 1-63 letters, digits, _ or - (got "ring with spaces"); rotationDays must be a whole number from 1 to 90 (got 91)',
    );
  });
});
