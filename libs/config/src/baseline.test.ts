import { editedEnvironments, problems, awsExamples } from './test-support';

describe('baseline section of the environment files', () => {
  it('the example environments declare a baseline, prod keeping audit logs for years', () => {
    const prod = awsExamples().find((e) => e.name === 'prod')!;
    expect(prod.baseline!.audit.retentionDays).toBeGreaterThanOrEqual(365);
    expect(prod.baseline!.budgets.map((b) => b.name)).toContain('account');
  });

  it('rejects a production environment that keeps audit logs less than a year', () => {
    const dir = editedEnvironments((d) => {
      d['prod']!.setIn(['baseline', 'audit', 'retentionDays'], 180);
      d['prod']!.setIn(['baseline', 'audit', 'objectLockRetentionDays'], 180);
    });
    expect(problems(dir)).toEqual([
      'prod.yaml baseline.audit.retentionDays: a production environment keeps audit logs for at least 365 days (got 180)',
    ]);
  });

  it('accepts a short audit retention outside production', () => {
    const dir = editedEnvironments((d) => {
      d['dev']!.setIn(['baseline', 'audit', 'retentionDays'], 61);
      d['dev']!.setIn(['baseline', 'audit', 'glacierAfterDays'], 60);
    });
    expect(awsExamples(dir).find((e) => e.name === 'dev')!.baseline!.audit.retentionDays).toBe(61);
  });

  it('rejects a Glacier transition less than 30 days after the Standard-IA one', () => {
    const dir = editedEnvironments((d) =>
      d['staging']!.setIn(['baseline', 'audit', 'glacierAfterDays'], 45),
    );
    expect(problems(dir)).toEqual([
      'staging.yaml baseline.audit.glacierAfterDays: S3 needs 30 days in Standard-IA before Glacier: use 60 or more (got 45)',
    ]);
  });

  it('rejects an expiry that comes before the last transition', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['baseline', 'audit', 'retentionDays'], 60),
    );
    expect(problems(dir)).toEqual([
      'dev.yaml baseline.audit.retentionDays: log files must be kept longer than glacierAfterDays (60) (got 60)',
    ]);
  });

  it('rejects a budget name used twice', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(
        ['baseline', 'budgets'],
        [
          { name: 'account', monthlyLimitUsd: 100 },
          { name: 'account', monthlyLimitUsd: 200 },
        ],
      ),
    );
    expect(problems(dir)).toEqual([
      'dev.yaml baseline.budgets.1.name: budget name "account" is used twice',
    ]);
  });

  it('rejects an environment without any budget', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['baseline', 'budgets'], []));
    expect(problems(dir)[0]).toMatch(/^dev\.yaml baseline\.budgets: declare at least one budget/);
  });

  it('rejects a password policy shorter than CIS asks for', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['baseline', 'passwordPolicy', 'minimumLength'], 8),
    );
    expect(problems(dir)[0]).toMatch(
      /^dev\.yaml baseline\.passwordPolicy\.minimumLength: CIS asks for passwords of 14 characters or more/,
    );
  });

  it('rejects a password reuse prevention below the 24 CIS asks for (the policy pack would refuse it at synth)', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['baseline', 'passwordPolicy', 'reusePrevention'], 5),
    );
    expect(problems(dir)[0]).toMatch(
      /^dev\.yaml baseline\.passwordPolicy\.reusePrevention: CIS asks that the last 24 passwords cannot be reused/,
    );
  });

  it('rejects an unknown CIS standard version and names the allowed ones', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['baseline', 'findings', 'cisStandardVersion'], '1.2.0'),
    );
    expect(problems(dir)[0]).toMatch(
      /^dev\.yaml baseline\.findings\.cisStandardVersion: .*"1\.4\.0".*"3\.0\.0"/,
    );
  });
});

describe('feature-flag rollout settings of the environment files', () => {
  it('refuses a flag change that reaches every target at once or is not watched (the policy pack would refuse it at synth)', () => {
    const dir = editedEnvironments((d) => {
      d['dev']!.setIn(['delivery', 'flagDeploymentMinutes'], 0);
      d['staging']!.setIn(['delivery', 'flagBakeMinutes'], 0);
    });
    const found = problems(dir);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^dev\.yaml delivery\.flagDeploymentMinutes: a flag change must roll out gradually: at least 1 minute/,
        ),
        expect.stringMatching(
          /^staging\.yaml delivery\.flagBakeMinutes: a flag change must be watched against the service's alarms: at least 1 minute/,
        ),
      ]),
    );
  });
});
