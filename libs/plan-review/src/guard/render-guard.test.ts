import { withoutInstanceKeys } from './glob';
import type { GuardFinding, GuardResult } from './guard';
import { renderGuardJson, renderGuardText } from './render-guard';

const finding = (overrides: Partial<GuardFinding> = {}): GuardFinding => ({
  stack: 'data-prod',
  file: 'plans/data-prod/plan.json',
  address: 'aws_s3_bucket.state',
  action: 'replace',
  why: 'requested by the configuration; forced by bucket',
  kind: 'destroy',
  protectedBy: { match: 'aws_s3_bucket', reason: 'buckets hold data' },
  ...overrides,
});
const result = (overrides: Partial<GuardResult> = {}): GuardResult => ({
  violations: [],
  allowed: [],
  plansChecked: 2,
  ...overrides,
});

describe('guard report as text', () => {
  it('says OK with the number of plans checked when nothing protected is destroyed', () => {
    expect(renderGuardText(result())).toBe(
      'plan-review guard: OK — no protected resource is destroyed or replaced (2 plan(s) checked).\n',
    );
  });

  it('blocks with one line per violation: stack, address, action, why, the rule and its reason, then how to allow', () => {
    expect(
      renderGuardText(result({ violations: [finding(), finding({ address: 'aws_kms_key.k' })] })),
    ).toBe(
      [
        'plan-review guard: BLOCKED — 2 protected resource(s) would be destroyed or replaced:',
        '  ✗ [data-prod] aws_s3_bucket.state: replace — because requested by the configuration; forced by bucket — protected (aws_s3_bucket): buckets hold data',
        '  ✗ [data-prod] aws_kms_key.k: replace — because requested by the configuration; forced by bucket — protected (aws_s3_bucket): buckets hold data',
        'To let one through on purpose, re-run with --allow ADDRESS (or add it to the guard config\'s "allow" list, with a reason).',
        '',
      ].join('\n'),
    );
  });

  it('lists what was allowed on purpose with the reason of the exception, after an OK', () => {
    const allowed = finding({
      allowedBy: { address: 'aws_s3_bucket.state', reason: 'moving buckets' },
    });
    expect(
      renderGuardText(result({ allowed: [allowed] }))
        .split('\n')
        .slice(1),
    ).toEqual([
      'Allowed on purpose (1):',
      '  ✓ [data-prod] aws_s3_bucket.state: replace — because requested by the configuration; forced by bucket — protected (aws_s3_bucket): buckets hold data — allowed: moving buckets',
      '',
    ]);
  });

  it('as JSON: the whole result, indented, ending in a newline', () => {
    const r = result({ violations: [finding()] });
    expect(JSON.parse(renderGuardJson(r))).toEqual(r);
    expect(renderGuardJson(r)).toMatch(/^\{\n {2}"violations"[\s\S]*\}\n$/);
  });
});

describe('instance keys', () => {
  it('drops multi-digit indexes and string keys, but not other brackets', () => {
    expect(withoutInstanceKeys('module.a["x"].aws_s3_bucket.b[12]')).toBe(
      'module.a.aws_s3_bucket.b',
    );
    expect(withoutInstanceKeys('aws_s3_bucket.b[x]')).toBe('aws_s3_bucket.b[x]');
  });
});

describe('guard report with --fail-on', () => {
  it.each([
    ['high', 'high'],
    ['medium', 'medium or high'],
  ] as const)('says which risk levels it checked when OK (--fail-on %s)', (failOn, levels) => {
    expect(renderGuardText(result({ failOn }))).toBe(
      `plan-review guard: OK — no protected resource is destroyed or replaced, and no change is of ${levels} risk (2 plan(s) checked).\n`,
    );
  });

  it('counts protected destroys and risky changes apart, and prints a risk finding with its level', () => {
    const risky = finding({
      kind: 'risk',
      level: 'high',
      why: 'any principal allowed',
      protectedBy: { match: '--fail-on high', reason: 'high risk' },
    } as Partial<GuardFinding>);
    const text = renderGuardText(result({ failOn: 'high', violations: [finding(), risky] }));
    expect(text.split('\n').slice(0, 3)).toEqual([
      'plan-review guard: BLOCKED — 1 protected resource(s) would be destroyed or replaced; 1 change(s) at or above --fail-on high:',
      '  ✗ [data-prod] aws_s3_bucket.state: replace — because requested by the configuration; forced by bucket — protected (aws_s3_bucket): buckets hold data',
      '  ✗ [data-prod] aws_s3_bucket.state: replace — high risk: any principal allowed',
    ]);
  });
});
