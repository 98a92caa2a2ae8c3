import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, synthJson } from '@platform/testing';
import { TerraformStack, Testing } from 'cdktf';
import { GcpRegistry, type GcpRegistryProps } from './registry';

const NODES = 'serviceAccount:gke-nodes@acme-prod.iam.gserviceaccount.com';
const BUILD = 'serviceAccount:build@acme-dev.iam.gserviceaccount.com';

const newStack = () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-dev' });
  return stack;
};
const synth = (props: Partial<GcpRegistryProps> = {}) => {
  const stack = newStack();
  new GcpRegistry(stack, 'registry', {
    projectNumber: '123456789012',
    location: 'europe-west1',
    repositories: ['api', 'web'],
    keepTaggedVersions: 10,
    readers: [NODES],
    writers: [BUILD],
    ...props,
  });
  return synthJson(stack);
};
const ref = (type: string, attribute: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{${type}\\.[\\w-]+\\.${attribute}\\}$`));

describe('GcpRegistry', () => {
  const json = synth();
  const repos = resourcesOf(json, 'google_artifact_registry_repository');

  it('has one Docker repository per service: immutable tags, our KMS key, scanning on, cleanup active', () => {
    expect(repos.map((r) => r['repository_id'])).toEqual(['api', 'web']);
    for (const repo of repos) {
      expect(repo).toEqual(
        expect.objectContaining({
          format: 'DOCKER',
          location: 'europe-west1',
          docker_config: { immutable_tags: true },
          kms_key_name: ref('google_kms_crypto_key', 'id'),
          vulnerability_scanning_config: { enablement_config: 'INHERITED' },
          cleanup_policy_dry_run: false,
        }),
      );
    }
  });

  it('cleans up untagged versions after N days and tagged ones after M days, keeping the most recent K', () => {
    const [repo] = resourcesOf(
      synth({ untaggedRetentionDays: 3, taggedRetentionDays: 30, keepTaggedVersions: 20 }),
      'google_artifact_registry_repository',
    );
    expect(repo!['cleanup_policies']).toEqual([
      {
        id: 'delete-untagged',
        action: 'DELETE',
        condition: { tag_state: 'UNTAGGED', older_than: '259200s' },
      },
      {
        id: 'delete-old-tagged',
        action: 'DELETE',
        condition: { tag_state: 'TAGGED', older_than: '2592000s' },
      },
      { id: 'keep-most-recent', action: 'KEEP', most_recent_versions: { keep_count: 20 } },
    ]);
  });

  it("lets only the project's Artifact Registry service agent use the key, and creates repositories after that grant", () => {
    const grants = resourcesOf(json, 'google_kms_crypto_key_iam_member');
    expect(grants).toEqual([
      expect.objectContaining({
        crypto_key_id: ref('google_kms_crypto_key', 'id'),
        role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
        member:
          'serviceAccount:service-123456789012@gcp-sa-artifactregistry.iam.gserviceaccount.com',
      }),
    ]);
    for (const repo of repos) {
      expect(repo['depends_on']).toEqual(
        expect.arrayContaining([expect.stringMatching(/^google_kms_crypto_key_iam_member\./)]),
      );
    }
  });

  it('rotates the key at most every 90 days', () => {
    const [key] = resourcesOf(json, 'google_kms_crypto_key');
    expect(key).toEqual(
      expect.objectContaining({ purpose: 'ENCRYPT_DECRYPT', rotation_period: '7776000s' }),
    );
    const [faster] = resourcesOf(synth({ keyRotationDays: 30 }), 'google_kms_crypto_key');
    expect(faster!['rotation_period']).toBe('2592000s');
    expect(resourcesOf(json, 'google_kms_key_ring')[0]!['location']).toBe('europe-west1');
  });

  it('protects repositories, key and key ring from destroy by default; not when protect is off', () => {
    const types = [
      'google_artifact_registry_repository',
      'google_kms_crypto_key',
      'google_kms_key_ring',
    ];
    for (const type of types) {
      for (const r of resourcesOf(json, type))
        expect(r['lifecycle']).toEqual({ prevent_destroy: true });
    }
    const unprotected = synth({ protect: false });
    for (const type of types) {
      for (const r of resourcesOf(unprotected, type)) expect(r['lifecycle']).toBeUndefined();
    }
  });

  it('enables Artifact Registry and Container Scanning, never disabling them on destroy, before the grant', () => {
    expect(resourcesOf(json, 'google_project_service')).toEqual([
      { service: 'artifactregistry.googleapis.com', disable_on_destroy: false },
      { service: 'containerscanning.googleapis.com', disable_on_destroy: false },
    ]);
    expect(resourcesOf(json, 'google_kms_crypto_key_iam_member')[0]!['depends_on']).toHaveLength(2);
  });

  it('lets readers pull from (and writers push to) every repository, by repository', () => {
    const grants = resourcesOf(json, 'google_artifact_registry_repository_iam_member');
    expect(grants.map((g) => [g['role'], g['member']])).toEqual([
      ['roles/artifactregistry.reader', NODES],
      ['roles/artifactregistry.writer', BUILD],
      ['roles/artifactregistry.reader', NODES],
      ['roles/artifactregistry.writer', BUILD],
    ]);
    for (const grant of grants) {
      expect(grant['repository']).toEqual(ref('google_artifact_registry_repository', 'name'));
    }
  });

  it('grants nothing when no readers or writers are given', () => {
    const bare = synth({ readers: undefined, writers: undefined });
    expect(resourcesOf(bare, 'google_artifact_registry_repository_iam_member')).toHaveLength(0);
  });

  it('reports every bad registry prop at once', () => {
    expect(
      () =>
        new GcpRegistry(newStack(), 'registry', {
          projectNumber: 'acme-dev',
          location: 'europe-west1',
          repositories: ['web', 'web'],
          keepTaggedVersions: 5,
        }),
    ).toThrow(
      'test/registry: projectNumber must be the project\'s number, digits only (got "acme-dev"); repositories lists a name twice (got web, web)',
    );
    expect(
      () =>
        new GcpRegistry(newStack(), 'registry', {
          projectNumber: '123456789012',
          location: 'europe-west1',
          repositories: [],
          keepTaggedVersions: 5,
        }),
    ).toThrow('test/registry: repositories must name at least one repository');
  });
});
