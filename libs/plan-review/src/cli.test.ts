import { join } from 'node:path';
import { awsPlanFile } from '../test-fixtures/aws-plans';
import { CLI_PLANS } from '../test-fixtures/cli-plans';
import { plan, rc } from '../test-fixtures/builders';
import { leakyPlan, SECRET } from '../test-fixtures/leaky-plan';
import { writeTempFiles } from '../test-fixtures/temp-files';
import { meta, writeSynthOutput } from '../test-fixtures/synth-dirs';
import { runCli, USAGE } from './cli';
import { riskRuleTable } from './risk/rule-table';

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

const files = writeTempFiles({
  ...CLI_PLANS,
  'plans/safe.json': plan([rc('aws_s3_bucket.logs', ['forget']), rc('aws_iam_role.r', ['delete'])]),
  'plans/leaky.json': leakyPlan(),
  'plans/utf16.json': Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(JSON.stringify(plan([rc('a.b', ['create'])])), 'utf16le'),
  ]),
  'plans/future.json': { format_version: '2.0' },
  'plans/state.json': { format_version: '1.0', values: {} },
  'plans/resources-only.json': { format_version: '1.0', resources: [{ type: 'aws_vpc' }] },
  'guard.json': { protect: [{ match: 'aws_iam_role', reason: 'CI depends on it' }] },
});
const f = (name: string) => files[name];

describe('plan-review summarize', () => {
  it('prints one markdown report for several plans, grouped by stack, and exits 0', () => {
    const { code, stdout, stderr } = run(
      'summarize',
      f('plans/registry-prod.json'),
      f('plans/network-prod/plan.json'),
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.indexOf('### `network-prod`')).toBeLessThan(
      stdout.indexOf('### `registry-prod`'),
    );
    expect(stdout).toContain('**Plan: 1 to add, 1 to change, 2 to destroy.**');
  });

  it('prints the JSON report with --format json', () => {
    const { code, stdout } = run('summarize', '--format', 'json', f('plans/utf16.json'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).total.add).toBe(1);
  });

  it('prints the untrimmed markdown with --full (the full report for a workflow artifact)', () => {
    const big = writeTempFiles({
      'big.json': plan(
        Array.from({ length: 300 }, (_, i) =>
          rc(`aws_ssm_parameter.p${i}`, ['update'], {
            before: Object.fromEntries(
              Array.from({ length: 20 }, (_, k) => [`a${k}`, `old-${i}-${k}`]),
            ),
            after: Object.fromEntries(
              Array.from({ length: 20 }, (_, k) => [`a${k}`, `new-${i}-${k}`]),
            ),
          }),
        ),
      ),
    })['big.json'];
    expect(run('summarize', big).stdout).toContain('Shortened to fit one GitHub comment');
    const full = run('summarize', '--full', big);
    expect(full.code).toBe(0);
    expect(full.stdout.length).toBeGreaterThan(65_000);
    expect(full.stdout).not.toContain('Shortened to fit');
  });

  it('never prints a sensitive value, in either format', () => {
    expect(run('summarize', f('plans/leaky.json')).stdout).not.toContain(SECRET);
    expect(run('summarize', '--format=json', f('plans/leaky.json')).stdout).not.toContain(SECRET);
  });
});

describe('plan-review exit code 2: bad input, one line on stderr, nothing on stdout', () => {
  it.each([
    [['summarize', 'plans/garbage.json'], /garbage\.json: not JSON/],
    [['summarize', 'plans/future.json'], /unsupported plan format_version "2.0"/],
    [['summarize', 'plans/state.json'], /terraform state, not a plan/],
    [['summarize', 'plans/resources-only.json'], /resources-only\.json: not a terraform plan JSON/],
    [['guard', 'plans/resources-only.json'], /resources-only\.json: not a terraform plan JSON/],
    [['summarize', 'plans/missing.json'], /cannot read the file \(ENOENT\)/],
    [['summarize', '--colour', 'plans/safe.json'], /Unknown option '--colour'/],
    [
      ['summarize', '--format', 'html', 'plans/safe.json'],
      /^plan-review: summarize: --format must be one of markdown, json \(got "html"\)$/m,
    ],
    [['summarize'], /at least one PLAN.json/],
    [['diff', 'one-folder'], /exactly two folders/],
    [
      ['guard', '--config', 'missing-guard.json', 'plans/safe.json'],
      /missing-guard.json: cannot read the guard config/,
    ],
    [['explode'], /unknown command "explode"/],
  ])('%j', (argv, message) => {
    const resolved = argv.map((a) =>
      a.includes('.json') ? (files[a] ?? join('/nonexistent', a)) : a,
    );
    const { code, stdout, stderr } = run(...resolved);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('plan-review guard', () => {
  it('exits 3 and names stack, address, action and reason of each protected destroy', () => {
    const { code, stdout } = run(
      'guard',
      f('plans/network-prod/plan.json'),
      f('plans/registry-prod.json'),
    );
    expect(code).toBe(3);
    expect(stdout).toContain(
      '[network-prod] aws_vpc.main: replace (destroy, then create) — because an attribute that cannot be updated in place changed; forced by cidr_block',
    );
    expect(stdout).toContain(
      '[registry-prod] aws_ecr_repository.app: destroy — because it is no longer in the configuration',
    );
  });

  it('exits 0 for a forget and an unprotected destroy', () => {
    expect(run('guard', f('plans/safe.json'))).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('OK'),
    });
  });

  it('adds protections with --protect and --config', () => {
    expect(run('guard', '--protect', 'aws_iam_*', f('plans/safe.json')).code).toBe(3);
    expect(run('guard', '--config', f('guard.json'), f('plans/safe.json')).code).toBe(3);
  });

  it('lets an --allow address through and says it was allowed', () => {
    const { code, stdout } = run(
      'guard',
      '--allow',
      'aws_vpc.main',
      '--allow',
      'aws_ecr_*',
      f('plans/network-prod/plan.json'),
      f('plans/registry-prod.json'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Allowed on purpose (2)');
    expect(stdout).toContain('✓ [network-prod] aws_vpc.main');
  });
});

describe('plan-review guard --fail-on', () => {
  it('exits 3 on a high-risk change that destroys nothing, naming the risk and its reasons', () => {
    const { code, stdout } = run('guard', '--fail-on', 'high', awsPlanFile('iam'));
    expect(code).toBe(3);
    expect(stdout).toContain('BLOCKED — 3 change(s) at or above --fail-on high');
    expect(stdout).toContain(
      '✗ [iam] aws_s3_bucket_policy.data: create — high risk: `policy`: any principal (`*`) allowed',
    );
    expect(stdout).not.toContain('aws_iam_role_policy.reader');
  });

  it('counts medium changes too with --fail-on medium', () => {
    expect(run('guard', '--fail-on', 'medium', awsPlanFile('iam')).stdout).toContain(
      'aws_iam_role_policy.reader: update in place — medium risk',
    );
  });

  it('lets each risky change through with the same --allow as protected destroys', () => {
    const allows = ['aws_iam_policy.app', 'aws_iam_role.deploy', 'aws_s3_bucket_policy.data'];
    const { code, stdout } = run(
      'guard',
      '--fail-on',
      'high',
      ...allows.flatMap((a) => ['--allow', a]),
      awsPlanFile('iam'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Allowed on purpose (3)');
  });

  it('passes a plan that only changes tags and adds a log group', () => {
    expect(run('guard', '--fail-on', 'high', awsPlanFile('tags-only')).code).toBe(0);
  });

  it('rejects an unknown level with exit 2', () => {
    const { code, stderr } = run('guard', '--fail-on', 'low', awsPlanFile('iam'));
    expect(code).toBe(2);
    expect(stderr).toBe('plan-review: guard: --fail-on must be one of high, medium (got "low")\n');
  });
});

describe('plan-review diff', () => {
  it('compares two synth outputs', () => {
    const base = writeSynthOutput({ s: { resource: { aws_sqs_queue: { q: { name: 'a' } } } } });
    const head = writeSynthOutput({ s: { resource: { aws_sqs_queue: { q: { name: 'b' } } } } });
    const { code, stdout } = run('diff', base, head, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).stacks[0].changed[0]).toEqual({
      address: 'aws_sqs_queue.q',
      changes: [{ path: 'name', before: '"a"', after: '"b"' }],
    });
  });

  it('with --fail-on-removed-stack, a stack that leaves the synth output blocks (its resources would be orphaned)', () => {
    const queue = { resource: { aws_sqs_queue: { q: { name: 'a' } } } };
    const base = writeSynthOutput({ 'eks-dev': queue, 'eks-prod': queue });
    const head = writeSynthOutput({ 'eks-prod': queue });
    expect(run('diff', base, head).code).toBe(0);
    const { code, stderr, stdout } = run('diff', base, head, '--fail-on-removed-stack');
    expect(code).toBe(3);
    expect(stderr).toContain('eks-dev left the synth output');
    expect(stdout).toContain('keep its section with `enabled: false`');
    expect(run('diff', base, base, '--fail-on-removed-stack').code).toBe(0);
  });
});

describe('plan-review exit code 1: a bug, reported on one line (the stack only with PLAN_REVIEW_DEBUG=1)', () => {
  /** Runs the CLI with a stdout that throws `thrown` on its first write. */
  function failing(thrown: unknown, debug?: string) {
    let stderr = '';
    const before = process.env['PLAN_REVIEW_DEBUG'];
    if (debug === undefined) delete process.env['PLAN_REVIEW_DEBUG'];
    else process.env['PLAN_REVIEW_DEBUG'] = debug;
    try {
      const code = runCli(['rules'], {
        stdout: {
          write: () => {
            throw thrown;
          },
        },
        stderr: { write: (t: string) => (stderr += t) },
      });
      return { code, lines: stderr.trimEnd().split('\n') };
    } finally {
      if (before === undefined) delete process.env['PLAN_REVIEW_DEBUG'];
      else process.env['PLAN_REVIEW_DEBUG'] = before;
    }
  }

  it('exits 1 with the message on one line and no stack', () => {
    expect(failing(new Error('disk\nfull'))).toEqual({
      code: 1,
      lines: ['plan-review: internal error: disk full'],
    });
    expect(failing(new Error('disk full'), '0').lines).toHaveLength(1);
  });

  it('prints the stack first with PLAN_REVIEW_DEBUG=1', () => {
    const { code, lines } = failing(new Error('disk full'), '1');
    expect(code).toBe(1);
    expect(lines[0]).toBe('Error: disk full');
    expect(lines[1]).toMatch(/^\s+at /);
    expect(lines.at(-1)).toBe('plan-review: internal error: disk full');
  });

  it('reports a thrown value that is not an Error by its text', () => {
    expect(failing('boom')).toEqual({ code: 1, lines: ['plan-review: internal error: boom'] });
    expect(failing(null)).toEqual({ code: 1, lines: ['plan-review: internal error: null'] });
    const coded = (code: unknown) => Object.assign(new Error('coded'), { code });
    expect(failing(coded('ERR_PARSE_ARGS_X')).code).toBe(2);
    expect(failing(coded('ERR_OTHER')).code).toBe(1);
    expect(failing(coded(42)).code).toBe(1);
    expect(failing('boom', '1').lines).toEqual(['boom', 'plan-review: internal error: boom']);
  });
});

describe('plan-review help and rules', () => {
  it.each([
    ['help'],
    ['--help'],
    ['-h'],
    ['summarize', '--help'],
    ['diff', '-h'],
    ['guard', '--help'],
  ])('%j prints the usage and exits 0', (...argv) => {
    expect(run(...argv)).toEqual({ code: 0, stdout: USAGE, stderr: '' });
  });

  it('prints the usage and exits 2 without a command', () => {
    expect(run()).toEqual({ code: 2, stdout: USAGE, stderr: '' });
  });

  it('prints the risk rule table for rules', () => {
    expect(run('rules')).toEqual({ code: 0, stdout: riskRuleTable(), stderr: '' });
  });
});

describe('plan-review options of each command', () => {
  it('summarize --prices adds dated amounts', () => {
    const prices = writeTempFiles({
      'prices.json': {
        date: '2026-11-01',
        currency: 'USD',
        source: 'test',
        monthly: { aws_nat_gateway: 30 },
      },
    })['prices.json'];
    const { code, stdout } = run('summarize', '--prices', prices, awsPlanFile('cost'));
    expect(code).toBe(0);
    expect(stdout).toContain('from `test` (2026-11-01)');
    expect(run('summarize', awsPlanFile('cost')).stdout).toContain('No prices given');
  });

  it("summarize --synth finds a plan's stack by name for construct paths", () => {
    const synth = writeSynthOutput({
      'registry-prod': {
        resource: { aws_ecr_repository: { app: meta('registry-prod/images/app') } },
      },
    });
    const json = (...extra: string[]) =>
      JSON.parse(
        run('summarize', '--format', 'json', ...extra, f('plans/registry-prod.json')).stdout,
      );
    const resource = (out: { plans: { resources: { constructPath?: string }[] }[] }) =>
      out.plans[0].resources[0];
    expect(resource(json('--synth', synth)).constructPath).toBe('registry-prod/images/app');
    expect(resource(json()).constructPath).toBeUndefined();
  });

  it('diff prints markdown unless --format json, and names the command in a bad format', () => {
    const out = writeSynthOutput({ s: { resource: { aws_sqs_queue: { q: { name: 'a' } } } } });
    expect(run('diff', out, out).stdout).toMatch(/^#/);
    expect(run('diff', out, out, '--format', 'html').stderr).toBe(
      'plan-review: diff: --format must be one of markdown, json (got "html")\n',
    );
  });

  it('guard prints text unless --format json, and names the command in a bad format', () => {
    const json = JSON.parse(run('guard', '--format', 'json', f('plans/registry-prod.json')).stdout);
    expect(json.violations).toEqual([
      expect.objectContaining({ address: 'aws_ecr_repository.app', stack: 'registry-prod' }),
    ]);
    expect(run('guard', f('plans/registry-prod.json')).stdout).toMatch(
      /^plan-review guard: BLOCKED/,
    );
    expect(run('guard', '--format', 'html', f('plans/safe.json')).stderr).toBe(
      'plan-review: guard: --format must be one of text, json (got "html")\n',
    );
    expect(run('guard')).toMatchObject({
      code: 2,
      stderr: 'plan-review: guard: give at least one PLAN.json\n',
    });
  });

  it('guard says where a protection or an allowance came from', () => {
    const protectedByFlag = JSON.parse(
      run('guard', '--format', 'json', '--protect', 'aws_iam_*', f('plans/safe.json')).stdout,
    );
    expect(protectedByFlag.violations[0].protectedBy).toEqual({
      match: 'aws_iam_*',
      reason: 'protected with --protect',
    });
    const allowed = JSON.parse(
      run(
        'guard',
        '--format',
        'json',
        '--allow',
        'aws_ecr_repository.app',
        f('plans/registry-prod.json'),
      ).stdout,
    );
    expect(allowed.allowed[0].allowedBy).toEqual({
      address: 'aws_ecr_repository.app',
      reason: 'allowed with --allow',
    });
  });
});
