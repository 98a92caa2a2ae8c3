import { artifactRepositoryId, gkeNodeServiceAccountEmail } from '@platform/config';
import { gcpEnvironments, resourcesOf, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { GcpRegistryStack, hostsGcpRegistry } from './registry-stack';

const all = gcpEnvironments();
const [first, ...later] = all;
const json = synthJson(new GcpRegistryStack(new App(), first!, all));

describe('GCP registry stack', () => {
  it('only the first GCP environment on the promotion path has a registry', () => {
    expect(first!.name).toBe('gcpdev');
    expect(all.filter((e) => hostsGcpRegistry(e, all)).map((e) => e.name)).toEqual(['gcpdev']);
    for (const env of later) {
      expect(() => new GcpRegistryStack(new App(), env, all)).toThrow(
        `registry-${env.name}: only gcpdev, the first GCP environment on the promotion path, has a registry`,
      );
    }
  });

  it('holds one repository per service, at the ids the delivery family builds and pushes to', () => {
    const repositories = resourcesOf(json, 'google_artifact_registry_repository');
    expect(
      repositories.map(
        (r) =>
          `projects/${r['project']}/locations/${r['location']}/repositories/${r['repository_id']}`,
      ),
    ).toEqual(first!.services.map((s) => artifactRepositoryId(first!, s.name)));
  });

  it("grants pull on every repository to every GCP environment's GKE node account, and to nothing else", () => {
    const pulls = resourcesOf(json, 'google_artifact_registry_repository_iam_member');
    expect(new Set(pulls.map((p) => p['role']))).toEqual(
      new Set(['roles/artifactregistry.reader']),
    );
    expect([...new Set(pulls.map((p) => p['member']))].sort()).toEqual(
      all.map((e) => `serviceAccount:${gkeNodeServiceAccountEmail(e)}`).sort(),
    );
    expect(pulls).toHaveLength(all.length * first!.services.length);
  });

  it('protects the repositories and their key: they hold the images production runs', () => {
    for (const type of ['google_artifact_registry_repository', 'google_kms_crypto_key']) {
      for (const resource of resourcesOf(json, type)) {
        expect(resource['lifecycle']).toEqual(expect.objectContaining({ prevent_destroy: true }));
      }
    }
  });

  it('applies the cleanup policy from config', () => {
    const [repository] = resourcesOf(json, 'google_artifact_registry_repository');
    expect(JSON.stringify(repository!['cleanup_policies'])).toContain(
      `"keep_count":${first!.registry.keepTaggedVersions}`,
    );
  });
});
