import { ConfigError, formatProblems } from './errors';
import { resourceName, stackName, stateKey, stateKmsAliasArn } from './naming';

const prod = {
  name: 'prod',
  aws: {
    region: 'eu-west-1',
    accountId: '333333333333',
    state: { kmsAlias: 'alias/platform-state' },
  },
} as const;

describe('names one source builds for every family', () => {
  it('a stack is <family>-<env>, and its state lives under stacks/<stack>/terraform.tfstate', () => {
    expect(stackName('network', prod)).toBe('network-prod');
    expect(stateKey('network', prod)).toBe('stacks/network-prod/terraform.tfstate');
  });

  it('an AWS resource is <env>-<parts…>, joined by dashes', () => {
    expect(resourceName(prod, 'flow', 'logs')).toBe('prod-flow-logs');
    expect(resourceName(prod)).toBe('prod');
  });

  it('the state key is addressed by its alias ARN in the environment account and region', () => {
    expect(stateKmsAliasArn(prod as never)).toBe(
      'arn:aws:kms:eu-west-1:333333333333:alias/platform-state',
    );
  });
});

describe('config errors', () => {
  it('list every problem on its own line with file, line and field; a whole-file problem says (file)', () => {
    const problems = [
      { file: 'environments/prod.yaml', line: 12, field: 'network.natStrategy', message: 'bad' },
      { file: 'environments/dev.yaml', field: '', message: 'not YAML' },
    ];
    expect(formatProblems(problems)).toBe(
      'environments/prod.yaml:12 network.natStrategy: bad\nenvironments/dev.yaml (file): not YAML',
    );
    const error = new ConfigError(problems);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toBe(formatProblems(problems));
    expect(error.problems).toBe(problems);
  });
});
