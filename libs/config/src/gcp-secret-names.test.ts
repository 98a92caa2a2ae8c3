import {
  GCP_SECRET_VERSION_PATTERN,
  gcpSecretOfVersion,
  parseGcpSecretName,
} from './gcp-secret-names';

describe('Secret Manager names', () => {
  it('gives the secret of a numbered or latest version, with its project and id', () => {
    expect(gcpSecretOfVersion('projects/acme-dev/secrets/github-token/versions/3')).toEqual({
      name: 'projects/acme-dev/secrets/github-token',
      project: 'acme-dev',
      id: 'github-token',
    });
    expect(gcpSecretOfVersion('projects/123456/secrets/t_1/versions/latest')?.name).toBe(
      'projects/123456/secrets/t_1',
    );
  });

  it.each([
    ['version 0 (versions start at 1)', 'projects/p/secrets/s/versions/0'],
    ['no version', 'projects/p/secrets/s'],
    ['an upper-case project', 'projects/Acme/secrets/s/versions/1'],
    ['a secret id of 256 characters', `projects/p/secrets/${'a'.repeat(256)}/versions/1`],
    ['a dot in the secret id', 'projects/p/secrets/a.b/versions/1'],
    ['text after the version', 'projects/p/secrets/s/versions/1/x'],
    ['text before the name', 'x/projects/p/secrets/s/versions/1'],
  ])('refuses %s', (_why, version) => {
    expect(gcpSecretOfVersion(version)).toBeUndefined();
    expect(GCP_SECRET_VERSION_PATTERN.test(version)).toBe(false);
  });

  it('config pattern and parser accept the same versions', () => {
    const version = `projects/p-1/secrets/${'a'.repeat(255)}/versions/12`;
    expect(GCP_SECRET_VERSION_PATTERN.test(version)).toBe(true);
    expect(gcpSecretOfVersion(version)?.id).toBe('a'.repeat(255));
  });

  it('parses a secret name and refuses a version name', () => {
    expect(parseGcpSecretName('projects/123/secrets/tok')).toEqual({
      name: 'projects/123/secrets/tok',
      project: '123',
      id: 'tok',
    });
    expect(parseGcpSecretName('projects/123/secrets/tok/versions/1')).toBeUndefined();
    expect(parseGcpSecretName('projects//secrets/tok')).toBeUndefined();
  });
});
