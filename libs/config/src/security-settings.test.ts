import { editedEnvironments, problems, awsExamples } from './test-support';

describe('security settings of the environment files', () => {
  it('every example environment names its break-glass administrator role in its own account', () => {
    for (const env of awsExamples()) {
      expect(env.aws.state.administratorRoleArn).toMatch(
        new RegExp(`^arn:aws:iam::${env.aws.accountId}:role/`),
      );
    }
  });

  it('rejects an administrator role of another account', () => {
    const dir = editedEnvironments((d) =>
      d['prod']!.setIn(
        ['aws', 'state', 'administratorRoleArn'],
        'arn:aws:iam::111111111111:role/platform-admins',
      ),
    );
    expect(problems(dir)).toEqual([
      "prod.yaml aws.state.administratorRoleArn: must be a role of this environment's account 333333333333 (got account 111111111111)",
    ]);
  });

  it('rejects an administrator that is not a role ARN', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(
        ['aws', 'state', 'administratorRoleArn'],
        'arn:aws:iam::111111111111:user/alice',
      ),
    );
    expect(problems(dir)).toEqual([
      expect.stringContaining('dev.yaml aws.state.administratorRoleArn: must be an IAM role ARN'),
    ]);
  });

  it('rejects audit logs locked longer than they are kept', () => {
    const dir = editedEnvironments((d) =>
      d['staging']!.setIn(['baseline', 'audit', 'objectLockRetentionDays'], 500),
    );
    expect(problems(dir)).toEqual([
      'staging.yaml baseline.audit.objectLockRetentionDays: a log cannot stay locked longer than it is kept: use at most retentionDays (180) (got 500)',
    ]);
  });

  it('ECS Exec is off in prod and on where an environment enables it', () => {
    const byName = Object.fromEntries(awsExamples().map((e) => [e.name, e]));
    expect(byName['prod']!.ecs.enableExecuteCommand).toBe(false);
    expect(byName['dev']!.ecs.enableExecuteCommand).toBe(true);
  });

  it('ECS Exec defaults to off when an environment says nothing', () => {
    const dir = editedEnvironments((d) => d['staging']!.deleteIn(['ecs', 'enableExecuteCommand']));
    expect(awsExamples(dir).find((e) => e.name === 'staging')!.ecs.enableExecuteCommand).toBe(
      false,
    );
  });
});
