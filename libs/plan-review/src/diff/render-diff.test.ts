import type { StackDiff } from './diff-configs';
import { renderDiffJson, renderDiffMarkdown } from './render-diff';
import type { SynthDiff } from './synth-diff';

const stack = (overrides: Partial<StackDiff> & Pick<StackDiff, 'stack' | 'status'>): StackDiff => ({
  added: [],
  removed: [],
  changed: [],
  renames: [],
  ...overrides,
});
const noPolicy = {
  suppressionsAdded: [],
  suppressionsRemoved: [],
  reasonsChanged: [],
  findingsAdded: [],
  findingsRemoved: [],
  compared: true,
};
const diff = (stacks: StackDiff[], extra: Partial<SynthDiff> = {}): SynthDiff => ({
  base: 'base',
  head: 'head',
  stacks,
  preventDestroyRemoved: [],
  policy: noPolicy,
  ...extra,
});

describe('the synth diff as one comment', () => {
  const full = diff(
    [
      stack({
        stack: 'network-prod',
        status: 'changed',
        removed: [
          'aws_flow_log.a',
          'aws_s3_bucket.logs',
          'aws_sqs_queue.q',
          'output.x',
          'data.aws_region.r',
        ],
        added: ['aws_flow_log.b', 'aws_s3_bucket.logs2'],
        changed: [
          {
            address: 'aws_vpc.main',
            changes: [
              { path: 'cidr_block', before: '"10.0.0.0/16"', after: '"10.1.0.0/16"' },
              { path: 'tags.a', before: undefined, after: '"1"' },
              { path: 'tags.b', before: '"2"', after: undefined },
            ] as never,
          },
        ],
        renames: [
          { from: 'aws_flow_log.a', to: 'aws_flow_log.b', movedBlock: false },
          { from: 'aws_s3_bucket.logs', to: 'aws_s3_bucket.logs2', movedBlock: true },
        ],
      }),
      stack({ stack: 'ecs-prod', status: 'added', added: ['aws_ecs_cluster.c'] }),
      stack({ stack: 'legacy-dev', status: 'removed', removed: ['aws_sns_topic.t', 'output.o'] }),
      stack({ stack: 'quiet', status: 'unchanged' }),
    ],
    {
      preventDestroyRemoved: [
        { stack: 'state', address: 'aws_s3_bucket.state', resourceRemoved: false },
        { stack: 'state', address: 'aws_kms_key.state', resourceRemoved: true },
      ],
      policy: {
        ...noPolicy,
        suppressionsAdded: [{ stack: 's', rule: 'PLT-A', path: 's/a', reason: 'needs *this*' }],
        reasonsChanged: [{ stack: 's', rule: 'PLT-B', path: 's/b', reason: 'new', before: 'old' }],
        suppressionsRemoved: [{ stack: 's', rule: 'PLT-C', path: 's/c', reason: 'gone' }],
        findingsAdded: [
          { stack: 's', rule: 'PLT-D', path: 's/d', message: 'bad <thing>' },
          { stack: 's', rule: 'PLT-E', path: 's/e' },
        ],
        findingsRemoved: [{ stack: 's', rule: 'PLT-F', path: 's/f' }],
      },
    },
  );

  it('says what changed, what terraform destroys, what loses protection and what the policy delta is', () => {
    expect(renderDiffMarkdown(full).split('\n')).toEqual([
      '## Synthesized configuration diff',
      '',
      '`base` → `head`: 1 changed, 1 added, 1 removed, 1 unchanged stack.',
      '',
      '> [!CAUTION]',
      '> 2 resources disappeared from a deployed stack: terraform will destroy them unless a moved block covers them. A changed logical id is a remove + add.',
      '',
      '### 🔴 prevent_destroy removed (2)',
      '',
      '- **high** `state` `aws_s3_bucket.state`: `lifecycle.prevent_destroy` true → unset: terraform may now destroy it',
      '- **high** `state` `aws_kms_key.state`: removed from the configuration together with its `prevent_destroy`: terraform will destroy it',
      '',
      '### 🛡️ Policy delta',
      '',
      '- ➕ **new suppression** `s` `PLT-A` at `s/a` — reason: needs \\*this\\*',
      '- ✏️ **suppression reason changed** `s` `PLT-B` at `s/b`: old → new',
      '- ➖ **suppression removed** `s` `PLT-C` at `s/c` (was: gone)',
      '- ⚠️ **new finding** `s` `PLT-D` at `s/d`: bad \\<thing\\>',
      '- ⚠️ **new finding** `s` `PLT-E` at `s/e`',
      '- ✅ **finding resolved** `s` `PLT-F` at `s/f`',
      '',
      '### `network-prod` (changed)',
      '',
      '- ➖ **removed** `aws_flow_log.a` — terraform will destroy it; looks renamed to `aws_flow_log.b` (same type and settings): add a moved block to keep the object',
      '- ➖ **removed** `aws_s3_bucket.logs` — moved to `aws_s3_bucket.logs2` by a moved block (no destroy)',
      '- ➖ **removed** `aws_sqs_queue.q` — terraform will destroy it',
      '- ➖ **removed** `output.x`',
      '- ➖ **removed** `data.aws_region.r`',
      '- ➕ **added** `aws_flow_log.b`',
      '- ➕ **added** `aws_s3_bucket.logs2`',
      '- ✏️ **changed** `aws_vpc.main`: `cidr_block`, `tags.a`, `tags.b`',
      '  - `cidr_block`: `"10.0.0.0/16"` → `"10.1.0.0/16"`',
      '  - `tags.a`: (none) → `"1"`',
      '  - `tags.b`: `"2"` → (none)',
      '',
      '### `ecs-prod` (added)',
      '',
      'Stack added with 1 block.',
      '',
      '- `aws_ecs_cluster.c`',
      '',
      '### `legacy-dev` (removed)',
      '',
      'Stack removed with 2 blocks.',
      '🔴 Removing a stack from the synth output does not destroy it: its resources stay, orphaned, until someone runs destroy. To retire a family, keep its section with `enabled: false` (the plan then shows what is destroyed and the guard blocks what is protected); remove the section once that is applied.',
      '',
      '- `aws_sns_topic.t`',
      '- `output.o`',
      '',
    ]);
  });

  it('past the limit drops attribute values first, then whole-stack address lists, then attribute paths', () => {
    const long = '"' + 'x'.repeat(400) + '"';
    const big = diff([
      stack({
        stack: 'network-prod',
        status: 'changed',
        changed: [
          {
            address: 'aws_vpc.main',
            changes: [{ path: 'cidr_block', before: long, after: long }] as never,
          },
        ],
      }),
      stack({
        stack: 'ecs-prod',
        status: 'added',
        added: Array.from({ length: 30 }, (_, i) => `aws_ecs_cluster.c${i}`),
      }),
    ]);
    const text = renderDiffMarkdown(big);
    const noValues = renderDiffMarkdown(big, text.length - 1);
    expect(noValues).toContain(
      '> Attribute details left out to fit one GitHub comment; run `plan-review diff --format json` for everything.',
    );
    expect(noValues).not.toContain('xxxx');
    expect(noValues).toContain('- `aws_ecs_cluster.c29`');
    expect(noValues).toContain('✏️ **changed** `aws_vpc.main`: `cidr_block`\n');
    const noLists = renderDiffMarkdown(big, noValues.length - 1);
    expect(noLists).not.toContain('- `aws_ecs_cluster.c0`');
    expect(noLists).toContain('Stack added with 30 blocks.');
    expect(noLists).toContain('✏️ **changed** `aws_vpc.main`: `cidr_block`\n');
    const addressesOnly = renderDiffMarkdown(big, noLists.length - 1);
    expect(addressesOnly).toContain('- ✏️ **changed** `aws_vpc.main`\n');
    expect(renderDiffMarkdown(big, text.length)).toBe(text);
  });

  it('one destroyed resource is "it"; an unchanged run says stacks; no policy section when reports were not compared', () => {
    const one = renderDiffMarkdown(
      diff(
        [
          stack({ stack: 'a', status: 'changed', removed: ['aws_sqs_queue.q'] }),
          stack({ stack: 'b', status: 'unchanged' }),
          stack({ stack: 'c', status: 'unchanged' }),
        ],
        {
          policy: {
            ...noPolicy,
            compared: false,
            findingsAdded: [{ stack: 's', rule: 'PLT-D', path: 's/d' }],
          },
        },
      ),
    );
    expect(one).toContain('`base` → `head`: 1 changed, 0 added, 0 removed, 2 unchanged stacks.');
    expect(one).toContain(
      '> 1 resource disappeared from a deployed stack: terraform will destroy it unless a moved block covers it.',
    );
    expect(one).not.toContain('Policy delta');
    expect(renderDiffMarkdown(diff([]))).not.toContain('[!CAUTION]');
  });
});

describe('the synth diff as JSON', () => {
  it('lists added and removed stack names and every stack that is not unchanged', () => {
    const json = JSON.parse(
      renderDiffJson(
        diff([
          stack({ stack: 'a', status: 'added' }),
          stack({ stack: 'r', status: 'removed' }),
          stack({ stack: 'u', status: 'unchanged' }),
          stack({ stack: 'c', status: 'changed' }),
        ]),
      ),
    );
    expect(json.added).toEqual(['a']);
    expect(json.removed).toEqual(['r']);
    expect(json.stacks.map((s: StackDiff) => s.stack)).toEqual(['a', 'r', 'c']);
    expect(json.preventDestroyRemoved).toEqual([]);
    expect(json.policy.compared).toBe(true);
  });
});

describe('the synth diff comment: sections only when they have something to say', () => {
  it('no prevent_destroy section without a loss; no policy section when the compared reports agree', () => {
    const text = renderDiffMarkdown(
      diff([stack({ stack: 'a', status: 'changed', added: ['aws_sqs_queue.q'] })]),
    );
    expect(text).not.toContain('prevent_destroy removed');
    expect(text).not.toContain('Policy delta');
  });

  it('a policy delta of one suppression added and one removed is shown', () => {
    const text = renderDiffMarkdown(
      diff([], {
        policy: {
          ...noPolicy,
          suppressionsAdded: [{ stack: 's', rule: 'A', path: 'p', reason: 'r' }],
          suppressionsRemoved: [{ stack: 's', rule: 'B', path: 'p', reason: 'r' }],
        },
      }),
    );
    expect(text).toContain('### 🛡️ Policy delta');
  });

  it('past the limit, the note comes before the stacks, as its own quote block', () => {
    const long = '"' + 'x'.repeat(400) + '"';
    const big = diff([
      stack({
        stack: 'n',
        status: 'changed',
        changed: [
          {
            address: 'aws_vpc.main',
            changes: [{ path: 'cidr_block', before: long, after: long }] as never,
          },
        ],
      }),
    ]);
    const lines = renderDiffMarkdown(big, renderDiffMarkdown(big).length - 1).split('\n');
    const note = lines.indexOf('> [!NOTE]');
    expect(note).toBeGreaterThan(0);
    expect(lines[note + 2]).toBe('');
    expect(lines.indexOf('### `n` (changed)')).toBeGreaterThan(note);
  });
});
