import type { AwsEnvironment } from './load';
import { editedEnvironments, problems, awsExamples } from './test-support';
import { pipelineEnvironment, pipelineName } from './index';

describe('release pipelines: source and shared names', () => {
  // loaded by each test (beforeEach runs inside the test; code run while jest collects tests
  // belongs to no test, so a mutation run could not tell which tests check it)
  let envs: AwsEnvironment[];
  beforeEach(() => {
    envs = awsExamples();
  });

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

describe('delivery section and feature flags', () => {
  // loaded by each test (beforeEach runs inside the test; code run while jest collects tests
  // belongs to no test, so a mutation run could not tell which tests check it)
  let envs: AwsEnvironment[];
  beforeEach(() => {
    envs = awsExamples();
  });

  it('applies the delivery defaults and reads the initial flags', () => {
    const staging = envs.find((e) => e.name === 'staging')!;
    expect(staging.delivery).toEqual({
      artifactRetentionDays: 30,
      logRetentionDays: 90,
      approvers: [],
      flagDeploymentMinutes: 10,
      flagBakeMinutes: 15,
    });
    expect(staging.services.find((s) => s.name === 'web')!.appConfig?.flags).toEqual({
      'new-checkout': { enabled: true, description: 'The redesigned checkout flow' },
    });
  });

  it('the pipeline environment needs a connection when a source goes through one', () => {
    const dir = editedEnvironments((d) => d['dev']!.deleteIn(['delivery', 'connectionArn']));
    expect(problems(dir)).toEqual([
      'dev.yaml delivery.connectionArn: is required: services.0 pulls its source through a CodeStar connection, and the pipelines run in this environment (the lowest deployOrder)',
    ]);
  });

  it('rejects a connection ARN that is not one, and an approver that is not an address', () => {
    const dir = editedEnvironments((d) => {
      d['dev']!.setIn(['delivery', 'connectionArn'], 'arn:aws:iam::111111111111:role/x');
      d['dev']!.setIn(['delivery', 'approvers', 0], 'release managers');
    });
    expect(problems(dir)).toEqual([
      'dev.yaml delivery.connectionArn: must be a connection ARN: arn:aws:codestar-connections:<region>:<account>:connection/<uuid>',
      'dev.yaml delivery.approvers.0: must be an email address',
    ]);
  });

  it('rejects a flag with a bad name or without a boolean state, naming the flag', () => {
    const dir = editedEnvironments((d) => {
      d['dev']!.setIn(['services', 0, 'appConfig', 'flags', '9lives'], { enabled: true });
      d['dev']!.setIn(['services', 0, 'appConfig', 'flags', 'new-checkout', 'enabled'], 'yes');
    });
    expect(problems(dir)).toEqual([
      'dev.yaml services.0.appConfig.flags.new-checkout.enabled: must be true or false',
      'dev.yaml services.0.appConfig.flags.9lives: must be a flag name: a letter, then up to 63 letters, digits, _ or -',
    ]);
  });
});
