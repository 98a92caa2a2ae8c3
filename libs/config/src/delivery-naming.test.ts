import { editedEnvironments, ENVIRONMENTS_DIR, problems } from './test-support';
import { loadEnvironments, pipelineEnvironment, pipelineName } from './index';

describe('release pipelines: source and shared names', () => {
  const envs = loadEnvironments(ENVIRONMENTS_DIR);

  it('a service source defaults to a connection and the main branch', () => {
    const web = envs[0]!.services.find((s) => s.name === 'web')!;
    expect(web.source).toEqual({
      provider: 'codestar-connection',
      repository: 'acme/web',
      branch: 'main',
    });
    expect(pipelineName(web)).toBe('web-release');
  });

  it('pipelines run in the environment that deploys first, whatever the file order', () => {
    expect(pipelineEnvironment([...envs].reverse()).name).toBe('dev');
  });

  it('rejects a source repository that is neither owner/name nor a repository name', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['services', 0, 'source', 'repository'], 'https://github.com/acme/web'),
    );
    expect(problems(dir)).toEqual([
      'dev.yaml services.0.source.repository: must be "owner/name" (connection) or a CodeCommit repository name',
    ]);
  });
});
