import { reviewAws } from '../../test-fixtures/aws-plans';
import { leakyPlan, SECRET } from '../../test-fixtures/leaky-plan';
import { plan, rc, update } from '../../test-fixtures/builders';
import type { TfResourceChange } from '../plan/types';
import { renderSummaryMarkdown } from './render-markdown';
import { summarizePlan } from './summarize';

// Reviews and reports are built inside each test (not while jest collects them): code run at
// collection belongs to no test, so a mutation run could not tell which tests check it.
describe('renderSummaryMarkdown', () => {
  const reviews = () =>
    [
      summarizePlan(
        plan([
          rc(
            'aws_s3_bucket.logs',
            ['delete'],
            {},
            { action_reason: 'delete_because_no_resource_config' },
          ),
          rc(
            'aws_vpc.main',
            ['delete', 'create'],
            {
              before: { cidr_block: '10.0.0.0/16' },
              after: { cidr_block: '10.1.0.0/16' },
              replace_paths: [['cidr_block']],
            },
            { action_reason: 'replace_because_cannot_update' },
          ),
          update('aws_iam_role.ci', { tags: { Name: 'a' } }, { tags: { Name: 'b' } }),
        ]),
        { file: 'dist/plans/network-prod/plan.json' },
      ),
      summarizePlan(plan([rc('aws_ecr_repository.app', ['create'], { after: { name: 'app' } })]), {
        file: 'registry-dev.json',
      }),
    ].sort((a, b) => a.stack.localeCompare(b.stack));
  const report = () => renderSummaryMarkdown(reviews());

  it('puts the warning and the destroy/replace table before anything else', () => {
    const text = report();
    const caution = text.indexOf('[!CAUTION]');
    const table = text.indexOf('### 🛑 Destroys and replacements (2)');
    expect(caution).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(caution);
    expect(table).toBeLessThan(text.indexOf('### Stacks'));
    expect(text).toContain(
      '| `network-prod` | `aws_s3_bucket.logs` | **destroy** | it is no longer in the configuration |',
    );
    expect(text).toContain(
      '| `network-prod` | `aws_vpc.main` | **replace** | an attribute that cannot be updated in place changed; forced by `cidr_block` |',
    );
  });

  it("leads with terraform's own line for all plans together", () => {
    const text = report();
    expect(text).toContain('**Plan: 2 to add, 1 to change, 2 to destroy.**');
  });

  it('lists changed attributes per resource with before and after', () => {
    const text = report();
    expect(text).toContain('  - `tags.Name`: `"a"` → `"b"`');
    expect(text).toContain('  - `cidr_block`: `"10.0.0.0/16"` → `"10.1.0.0/16"`');
  });

  it('says so when nothing is destroyed', () => {
    expect(renderSummaryMarkdown([reviews()[1]])).toContain(
      'Nothing will be destroyed or replaced.',
    );
  });

  it('never shows a sensitive value, wherever the plan keeps it', () => {
    const md = renderSummaryMarkdown([summarizePlan(leakyPlan(), { file: 'leaky.json' })]);
    expect(md).not.toContain(SECRET);
    expect(md).not.toContain('DO-NOT-LEAK');
    expect(md).toContain('`input`: _(sensitive)_ → _(sensitive)_');
    expect(md).toContain('`sec`: _(sensitive)_ → _(sensitive)_');
  });
});

describe('renderSummaryMarkdown past one GitHub comment', () => {
  // built by each test that reads it (not while jest collects the tests, nor in beforeAll): code
  // run outside a test belongs to no test, so a mutation run could not tell which tests check it
  function bigReview() {
    const changes: TfResourceChange[] = [];
    for (let i = 0; i < 100; i++) {
      const before = Object.fromEntries(
        Array.from({ length: 20 }, (_, k) => [`attr_${k}`, `old-value-${i}-${k}`]),
      );
      const after = Object.fromEntries(
        Array.from({ length: 20 }, (_, k) => [`attr_${k}`, `new-value-${i}-${k}`]),
      );
      changes.push(update(`aws_ssm_parameter.p${String(i).padStart(3, '0')}`, before, after));
    }
    for (let i = 0; i < 120; i++) {
      changes.push(
        rc(
          `aws_s3_bucket.b${String(i).padStart(3, '0')}`,
          ['delete'],
          { before: { bucket: `b${i}` } },
          { action_reason: 'delete_because_no_resource_config' },
        ),
      );
    }
    return summarizePlan(plan(changes), { file: 'big/plan.json' });
  }
  const bigText = () => renderSummaryMarkdown([bigReview()]);

  it('fits the limit', () => {
    const text = bigText();
    expect(text.length).toBeLessThanOrEqual(65_000);
  });

  it('keeps the counts and every destroy', () => {
    const text = bigText();
    expect(text).toContain('**Plan: 0 to add, 100 to change, 120 to destroy.**');
    for (let i = 0; i < 120; i++)
      expect(text).toContain(
        `| \`big\` | \`aws_s3_bucket.b${String(i).padStart(3, '0')}\` | **destroy** |`,
      );
  });

  it('collapses detail and says what was left out', () => {
    const text = bigText();
    expect(text).toContain('<details><summary>Changed attributes</summary>');
    expect(text).toMatch(
      /Shortened to fit one GitHub comment \(65,000 characters\): [\d,]+ attribute changes/,
    );
    expect(text).toContain(
      'The counts, the high-risk list and the destroy/replace list are complete.',
    );
  });

  it('cuts a destroy list that alone cannot fit, loudly', () => {
    const quiet = plan(
      Array.from({ length: 120 }, (_, i) =>
        rc(`aws_ssm_parameter.q${String(i).padStart(3, '0')}`, ['delete'], {
          before: { name: 'q' },
        }),
      ),
    );
    const small = renderSummaryMarkdown([summarizePlan(quiet, { file: 'big/plan.json' })], {
      limit: 3_000,
    });
    expect(small.length).toBeLessThanOrEqual(3_000);
    expect(small).toContain('**Plan: 0 to add, 0 to change, 120 to destroy.**');
    expect(small).toContain('The destroy/replace list itself did not fit');
  });

  it('trims the high-risk list last: every address and level stays, the reasons are shortened', () => {
    const small = renderSummaryMarkdown([bigReview()], { limit: 9_000 });
    expect(small.length).toBeLessThanOrEqual(9_000);
    for (let i = 0; i < 120; i++)
      expect(small).toContain(
        `| \`big\` | \`aws_s3_bucket.b${String(i).padStart(3, '0')}\` | **destroy** |`,
      );
    expect(small).toContain('Even the high-risk list did not fit');
    expect(small).toContain('the full report (the workflow artifact');
  });

  it('holds the limit even when the high-risk addresses alone cannot fit', () => {
    const tiny = renderSummaryMarkdown([bigReview()], { limit: 3_000 });
    expect(tiny.length).toBeLessThanOrEqual(3_000);
    expect(tiny).toMatch(
      /\*\*… and \d+ more high-risk changes not listed: see the full report\.\*\*/,
    );
  });

  it('renders the same text every time', () => {
    const review = bigReview();
    expect(renderSummaryMarkdown([review])).toBe(renderSummaryMarkdown([review]));
    expect(renderSummaryMarkdown([bigReview()])).toBe(renderSummaryMarkdown([review]));
  });
});

describe('renderSummaryMarkdown on real AWS plans', () => {
  const report = () => renderSummaryMarkdown([reviewAws('stateful'), reviewAws('tags-only')]);

  it('opens with "What needs your eyes": every high-risk change with its reasons, before the counts', () => {
    const text = report();
    const eyes = text.indexOf('### 👀 What needs your eyes (5 high-risk)');
    expect(eyes).toBeGreaterThan(0);
    expect(eyes).toBeLessThan(text.indexOf('### 🛑 Destroys and replacements'));
    expect(text).toContain(
      '| `stateful` | `aws_vpc.main` | **replace** | a VPC (everything in it depends on it) is replaced: destroyed and created anew, empty; referenced by 3: `aws_route_table.private`, `aws_security_group.web`, `aws_subnet.a` |',
    );
    expect(text.slice(eyes, text.indexOf('### 🛑'))).not.toContain('`tags-only`');
  });

  it('shows construct paths, risk marks and "tags only" beside addresses, stack detail collapsed', () => {
    const text = report();
    expect(text).toContain(
      '- ✏️ **update** `aws_db_instance.orders` — construct `stateful/orders`; **🔴 high**: deletion protection switched off (`deletion_protection` true → false)',
    );
    expect(text).toContain(
      '- ✏️ **update** `aws_s3_bucket.assets` — construct `tags-only/assets`; tags only',
    );
    expect(text).toContain('<details><summary>7 resource changes: 5 high</summary>');
  });

  it('leaves out tags_all entries of creates that only mirror the provider default tags', () => {
    const text = report();
    const create = text.slice(text.indexOf('**create** `aws_cloudwatch_log_group.audit`'));
    expect(create).toContain('`retention_in_days`: `365`');
    expect(create).not.toContain('tags_all');
  });

  it('folds low-risk creates of one stack past ten into a collapsed section', () => {
    const many = plan(
      Array.from({ length: 12 }, (_, i) =>
        rc(`aws_ssm_parameter.p${i}`, ['create'], { after: { name: `p${i}` } }),
      ),
    );
    const md = renderSummaryMarkdown([summarizePlan(many, { file: 'params/plan.json' })]);
    expect(md).toContain('<details><summary>12 low-risk creates</summary>');
    expect(
      renderSummaryMarkdown([
        summarizePlan(plan(many.resource_changes?.slice(0, 10) ?? []), { file: 'x.json' }),
      ]),
    ).not.toContain('low-risk creates');
  });
});
