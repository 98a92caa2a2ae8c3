import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, synthJson } from '@platform/testing';
import { TerraformStack, Testing } from 'cdktf';
import { GcpStateBucket, type GcpStateBucketProps } from './state-bucket';

const newStack = () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-dev' });
  return stack;
};
const stateWith = (props: Partial<GcpStateBucketProps> = {}) => {
  const stack = newStack();
  new GcpStateBucket(stack, 'state', {
    bucketName: 'acme-dev-tfstate',
    location: 'europe-west1',
    projectNumber: '123456789012',
    keyRingName: 'platform-state',
    ...props,
  });
  return synthJson(stack);
};

describe('GcpStateBucket', () => {
  const json = stateWith({ keyAdministrators: ['group:platform-admins@example.com'] });
  const [bucket] = resourcesOf(json, 'google_storage_bucket');

  it('is versioned, uniform-access only, never public, and encrypted with our key', () => {
    expect(bucket).toEqual(
      expect.objectContaining({
        name: 'acme-dev-tfstate',
        location: 'EUROPE-WEST1',
        versioning: { enabled: true },
        uniform_bucket_level_access: true,
        public_access_prevention: 'enforced',
        encryption: {
          default_kms_key_name: expect.stringMatching(/^\$\{google_kms_crypto_key\.[\w-]+\.id\}$/),
        },
        force_destroy: false,
      }),
    );
  });

  it('keeps deleted state restorable (soft delete) and expires old versions after 90 days', () => {
    expect(bucket!['soft_delete_policy']).toEqual({ retention_duration_seconds: 30 * 86400 });
    expect(bucket!['lifecycle_rule']).toEqual([
      {
        action: { type: 'Delete' },
        condition: { days_since_noncurrent_time: 90, with_state: 'ARCHIVED' },
      },
    ]);
  });

  it('cannot be destroyed by terraform, nor can its key or key ring', () => {
    for (const type of ['google_storage_bucket', 'google_kms_crypto_key', 'google_kms_key_ring']) {
      expect(resourcesOf(json, type)[0]!['lifecycle']).toEqual({ prevent_destroy: true });
    }
  });

  it("lets the project's Cloud Storage service agent (named by project number) use the key, before the bucket exists", () => {
    const [grant] = resourcesOf(json, 'google_kms_crypto_key_iam_member');
    expect(grant).toEqual(
      expect.objectContaining({
        role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
        member: 'serviceAccount:service-123456789012@gs-project-accounts.iam.gserviceaccount.com',
      }),
    );
    expect(bucket!['depends_on']).toEqual([
      expect.stringMatching(/^google_kms_crypto_key_iam_member\./),
    ]);
    expect(json.data).toBeUndefined();
  });

  it('rotates the key every 90 days at most, in the bucket region', () => {
    expect(resourcesOf(json, 'google_kms_crypto_key')[0]!['rotation_period']).toBe('7776000s');
    expect(resourcesOf(json, 'google_kms_key_ring')[0]!['location']).toBe('europe-west1');
  });

  it('makes the administrators, and only them, administrators of the key ring', () => {
    expect(resourcesOf(json, 'google_kms_key_ring_iam_member')).toEqual([
      expect.objectContaining({
        role: 'roles/cloudkms.admin',
        member: 'group:platform-admins@example.com',
      }),
    ]);
    expect(resourcesOf(stateWith(), 'google_kms_key_ring_iam_member')).toHaveLength(0);
  });

  it('reports every bad prop at once', () => {
    expect(() =>
      stateWith({
        bucketName: 'google-state',
        projectNumber: 'acme-dev',
        softDeleteRetentionDays: 120,
        noncurrentVersionRetentionDays: 0,
        keyAdministrators: ['platform-admins@example.com'],
      }),
    ).toThrow(
      'test/state: bucketName must be 3-63 lowercase letters, digits, _ or -, not starting with "goog" nor containing "google" (got "google-state"); ' +
        'projectNumber must be the project\'s number, digits only (got "acme-dev"); ' +
        'noncurrentVersionRetentionDays must be a whole number >= 1 (got 0); ' +
        'softDeleteRetentionDays must be a whole number from 7 to 90 (got 120); ' +
        'keyAdministrators must be IAM members such as "group:platform-admins@example.com" (got platform-admins@example.com)',
    );
  });

  it('refuses a key rotation slower than 90 days', () => {
    expect(() => stateWith({ keyRotationDays: 365 })).toThrow(
      'test/state/key: rotationDays must be a whole number from 1 to 90 (got 365)',
    );
  });
});
