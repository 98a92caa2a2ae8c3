import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, synthJson } from '@platform/testing';
import { TerraformStack, Testing } from 'cdktf';
import { DockerRepository } from './docker-repository';

const NODES = 'serviceAccount:gke-nodes@acme-prod.iam.gserviceaccount.com';
const newStack = () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-dev' });
  return stack;
};

describe('DockerRepository', () => {
  it('grantPull and grantPush add reader and writer grants on the repository', () => {
    const stack = newStack();
    const repo = new DockerRepository(stack, 'repo', {
      repositoryId: 'web',
      location: 'europe-west1',
      kmsKeyName: 'projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k',
      keepTaggedVersions: 5,
    });
    repo.grantPull(NODES);
    repo.grantPush('serviceAccount:build@acme-dev.iam.gserviceaccount.com');
    const grants = resourcesOf(synthJson(stack), 'google_artifact_registry_repository_iam_member');
    expect(grants.map((g) => [g['role'], g['member']])).toEqual([
      ['roles/artifactregistry.reader', NODES],
      ['roles/artifactregistry.writer', 'serviceAccount:build@acme-dev.iam.gserviceaccount.com'],
    ]);
  });

  it('reports every bad repository prop at once, naming prop and value', () => {
    expect(
      () =>
        new DockerRepository(newStack(), 'repo', {
          repositoryId: 'Web',
          location: 'europe-west1',
          kmsKeyName: 'k',
          keepTaggedVersions: 0,
          untaggedRetentionDays: 0.5,
          taggedRetentionDays: 0,
          readers: ['nodes@acme.iam.gserviceaccount.com', NODES, NODES],
        }),
    ).toThrow(
      'test/repo: repositoryId must be 1-63 lowercase letters, digits or hyphens, starting with a letter (got "Web"); ' +
        'keepTaggedVersions must be a whole number >= 1 (got 0); ' +
        'untaggedRetentionDays must be a whole number >= 1 (got 0.5); ' +
        'taggedRetentionDays must be a whole number >= 1 (got 0); ' +
        'readers must be IAM members such as "serviceAccount:nodes@project.iam.gserviceaccount.com" (got "nodes@acme.iam.gserviceaccount.com"); ' +
        `readers lists a member twice (got nodes@acme.iam.gserviceaccount.com, ${NODES}, ${NODES})`,
    );
  });
});
