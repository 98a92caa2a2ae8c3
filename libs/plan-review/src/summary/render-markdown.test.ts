import { leakyPlan, SECRET } from '../../test-fixtures/leaky-plan';
import { plan, rc, update } from '../../test-fixtures/builders';
import type { TfResourceChange } from '../plan/types';
import { renderSummaryMarkdown } from './render-markdown';
import { summarizePlan } from './summarize';

describe('renderSummaryMarkdown', () => {
  const reviews = [
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
  const text = renderSummaryMarkdown(reviews);

  it('puts the warning and the destroy/replace table before anything else', () => {
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
    expect(text).toContain('**Plan: 2 to add, 1 to change, 2 to destroy.**');
  });

  it('lists changed attributes per resource with before and after', () => {
    expect(text).toContain('  - `tags.Name`: `"a"` → `"b"`');
    expect(text).toContain('  - `cidr_block`: `"10.0.0.0/16"` → `"10.1.0.0/16"`');
  });

  it('says so when nothing is destroyed', () => {
    expect(renderSummaryMarkdown([reviews[1]])).toContain('Nothing will be destroyed or replaced.');
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
  const changes: TfResourceChange[] = [];
  for (let i = 0; i < 400; i++) {
    const before = Object.fromEntries(
      Array.from({ length: 30 }, (_, k) => [`attr_${k}`, `old-value-${i}-${k}`]),
    );
    const after = Object.fromEntries(
      Array.from({ length: 30 }, (_, k) => [`attr_${k}`, `new-value-${i}-${k}`]),
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
  const review = summarizePlan(plan(changes), { file: 'big/plan.json' });
  const text = renderSummaryMarkdown([review]);

  it('fits the limit', () => {
    expect(text.length).toBeLessThanOrEqual(65_000);
  });

  it('keeps the counts and every destroy', () => {
    expect(text).toContain('**Plan: 0 to add, 400 to change, 120 to destroy.**');
    for (let i = 0; i < 120; i++)
      expect(text).toContain(
        `| \`big\` | \`aws_s3_bucket.b${String(i).padStart(3, '0')}\` | **destroy** |`,
      );
  });

  it('collapses detail and says what was left out', () => {
    expect(text).toContain('<details><summary>Changed attributes</summary>');
    expect(text).toMatch(
      /Shortened to fit one GitHub comment \(65,000 characters\): [\d,]+ attribute changes/,
    );
    expect(text).toContain('The counts and the destroy/replace list are complete.');
  });

  it('cuts a destroy list that alone cannot fit, loudly', () => {
    const small = renderSummaryMarkdown([review], { limit: 3_000 });
    expect(small.length).toBeLessThanOrEqual(3_000);
    expect(small).toContain('**Plan: 0 to add, 400 to change, 120 to destroy.**');
    expect(small).toContain('The destroy/replace list itself did not fit');
  });

  it('renders the same text every time', () => {
    expect(renderSummaryMarkdown([review])).toBe(text);
  });
});
