import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, synthJson } from '@platform/testing';
import { TerraformStack, Testing } from 'cdktf';
import { ClusterEncryptionKey, type ClusterEncryptionKeyProps } from './encryption-key';
import { NodeServiceAccount } from './node-service-account';

const scope = () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-dev', region: 'europe-west1' });
  return stack;
};

const keyProps: ClusterEncryptionKeyProps = {
  projectId: 'acme-dev',
  projectNumber: '123456789012',
  location: 'europe-west1',
  keyRingName: 'dev-gke',
  keyName: 'secrets',
};

describe('cluster encryption key', () => {
  it('rotates as often as asked, never less often than every 90 days', () => {
    const stack = scope();
    new ClusterEncryptionKey(stack, 'key', { ...keyProps, rotationDays: 30 });
    expect(resourcesOf(synthJson(stack), 'google_kms_crypto_key')[0]!['rotation_period']).toBe(
      '2592000s',
    );
    expect(
      () => new ClusterEncryptionKey(scope(), 'key', { ...keyProps, rotationDays: 91 }),
    ).toThrow('test/key: rotationDays must be a whole number from 1 to 90 (got 91)');
  });

  it('names the GKE service agent from the project number, and refuses a project id in its place', () => {
    expect(
      () => new ClusterEncryptionKey(scope(), 'key', { ...keyProps, projectNumber: 'acme-dev' }),
    ).toThrow(/projectNumber must be the project's number, digits only \(got "acme-dev"\)/);
  });

  it('refuses key ring and key names KMS would refuse', () => {
    expect(
      () =>
        new ClusterEncryptionKey(scope(), 'key', {
          ...keyProps,
          keyRingName: 'dev gke',
          keyName: 'x'.repeat(64),
        }),
    ).toThrow(/keyRingName must be 1-63 .*; keyName must be 1-63/);
  });
});

describe('node service account', () => {
  const props = { projectId: 'acme-dev', accountId: 'dev-gke-nodes', description: 'nodes' };

  it('has no image pull grant unless repositories are named', () => {
    const stack = scope();
    new NodeServiceAccount(stack, 'nodes', props);
    const json = synthJson(stack);
    expect(resourcesOf(json, 'google_artifact_registry_repository_iam_member')).toHaveLength(0);
    expect(resourcesOf(json, 'google_project_iam_member').map((g) => g['role'])).not.toContain(
      'roles/artifactregistry.reader',
    );
  });

  it('refuses repository ids that are not full ids known at synth, and a bad account id', () => {
    expect(
      () =>
        new NodeServiceAccount(scope(), 'nodes', {
          ...props,
          accountId: 'gke',
          imageRepositoryIds: ['images'],
        }),
    ).toThrow(
      'test/nodes: accountId must be 6-30 lowercase letters, digits or hyphens, starting with a letter (got "gke"); ' +
        'imageRepositoryIds must be projects/<project>/locations/<location>/repositories/<name>, known at synth (got "images")',
    );
  });
});
