import { join } from 'node:path';
import { awsPlanFile } from '../test-fixtures/aws-plans';
import { plan, rc } from '../test-fixtures/builders';
import { leakyPlan, SECRET } from '../test-fixtures/leaky-plan';
import { writeTempFiles } from '../test-fixtures/temp-files';
import { writeSynthOutput } from '../test-fixtures/synth-dirs';
import { runCli } from './cli';

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
  'plans/network-prod/plan.json': plan([
    rc(
      'aws_vpc.main',
      ['delete', 'create'],
      { replace_paths: [['cidr_block']] },
      { action_reason: 'replace_because_cannot_update' },
    ),
    rc('aws_route53_record.www', ['update'], { before: { ttl: 60 }, after: { ttl: 300 } }),
  ]),
  'plans/registry-prod.json': plan([
    rc(
      'aws_ecr_repository.app',
      ['delete'],
      {},
      { action_reason: 'delete_because_no_resource_config' },
    ),
  ]),
  'plans/safe.json': plan([rc('aws_s3_bucket.logs', ['forget']), rc('aws_iam_role.r', ['delete'])]),
  'plans/leaky.json': leakyPlan(),
  'plans/utf16.json': Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(JSON.stringify(plan([rc('a.b', ['create'])])), 'utf16le'),
  ]),
  'plans/future.json': { format_version: '2.0' },
  'plans/state.json': { format_version: '1.0', values: {} },
  'plans/resources-only.json': { format_version: '1.0', resources: [{ type: 'aws_vpc' }] },
  'plans/garbage.json': 'this is not json',
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
      /--format must be one of markdown, json/,
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
    expect(stderr).toContain('--fail-on must be one of high, medium (got "low")');
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
