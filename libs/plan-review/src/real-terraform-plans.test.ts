// Checks plan-review against plans that the real terraform binary makes (see
// test-fixtures/terraform-plans.ts). Without terraform on PATH these tests are skipped with a
// warning, unless PLATFORM_REQUIRE_TERRAFORM=1 makes that an error.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateTerraformPlans,
  SCENARIOS,
  terraformVersion,
  TF_SECRET,
  type GeneratedPlan,
} from '../test-fixtures/terraform-plans';
import { runCli } from './cli';
import { defaultGuardConfig, mergeGuardConfigs } from './guard/guard-config';
import { runGuard } from './guard/guard';
import { reviewPlanFiles } from './summary/review-files';
import { renderSummaryJson } from './summary/render-json';
import { renderSummaryMarkdown } from './summary/render-markdown';

const version = terraformVersion();
const required = process.env['PLATFORM_REQUIRE_TERRAFORM'] === '1';
if (!version && !required) {
  console.warn(
    'plan-review: terraform is not on PATH — SKIPPING the tests on real terraform plans. ' +
      'Set PLATFORM_REQUIRE_TERRAFORM=1 to make this an error.',
  );
}
const describeWithTerraform = version || required ? describe : describe.skip;

describeWithTerraform('plan-review on real terraform plans', () => {
  let plans: Map<string, GeneratedPlan>;
  let root: string | undefined;
  const plan = (scenario: string): GeneratedPlan => plans.get(scenario)!;
  const review = (scenario: string) => reviewPlanFiles([plan(scenario).planJson])[0];

  beforeAll(async () => {
    if (!version) throw new Error('PLATFORM_REQUIRE_TERRAFORM=1 but terraform is not on PATH');
    root = mkdtempSync(join(tmpdir(), 'plan-review-tf-'));
    plans = new Map((await generateTerraformPlans(SCENARIOS, root)).map((p) => [p.scenario, p]));
  });

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it.each(SCENARIOS.map((s) => s.name))(
    '%s: counts equal terraform\'s own "Plan:" line',
    (scenario) => {
      const { counts } = review(scenario);
      const line = plan(scenario).planLine;
      expect({
        import: counts.import,
        add: counts.add,
        change: counts.change,
        destroy: counts.destroy,
      }).toEqual({
        import: line.import,
        add: line.add,
        change: line.change,
        destroy: line.destroy,
      });
    },
  );

  it('replace: names the reason and the forcing attribute, in both replacement orders', () => {
    const byAddress = new Map(review('replace').resources.map((r) => [r.address, r]));
    expect(byAddress.get('terraform_data.server')).toMatchObject({
      actions: ['delete', 'create'],
      reasonCode: 'replace_because_cannot_update',
      replacePaths: ['triggers_replace'],
    });
    expect(byAddress.get('terraform_data.cbd')?.actions).toEqual(['create', 'delete']);
    expect(byAddress.get('terraform_data.worker')?.reasonCode).toBe('replace_by_triggers');
  });

  it('delete, count: say why the object goes', () => {
    expect(review('delete').resources[0]).toMatchObject({
      kind: 'delete',
      reasonCode: 'delete_because_no_resource_config',
    });
    expect(review('count').resources.map((r) => [r.address, r.reasonCode])).toEqual([
      ['terraform_data.node[1]', 'delete_because_count_index'],
      ['terraform_data.node[2]', 'delete_because_count_index'],
    ]);
  });

  it('moved, import, forget: counted apart from add/change/destroy', () => {
    expect(review('moved').counts).toMatchObject({ move: 1, destroy: 0 });
    expect(review('moved').resources[0]).toMatchObject({
      address: 'terraform_data.new_name',
      previousAddress: 'terraform_data.old_name',
    });
    expect(review('import').resources[0]).toMatchObject({
      address: 'terraform_data.adopted',
      importId: 'existing-object-1',
    });
    expect(review('forget').counts).toMatchObject({ forget: 1, destroy: 0 });
    expect(review('everything').counts).toEqual({
      add: 1,
      change: 2,
      destroy: 4,
      replace: 1,
      import: 1,
      move: 1,
      forget: 1,
      drift: 0,
    });
  });

  it('sensitive: the secret is in the plan JSON in clear text but in no report', () => {
    expect(readFileSync(plan('sensitive').planJson, 'utf8')).toContain(TF_SECRET);
    const reviews = reviewPlanFiles([...plans.values()].map((p) => p.planJson));
    const markdown = renderSummaryMarkdown(reviews);
    const json = renderSummaryJson(reviews);
    for (const text of [markdown, json]) {
      expect(text).not.toContain(TF_SECRET);
      expect(text).not.toContain('DO-NOT-LEAK');
    }
    expect(markdown).toContain('`input.password`: _(sensitive)_');
  });

  it('guard: protects terraform_data when asked, ignores the forget', () => {
    const reviews = reviewPlanFiles(['delete', 'forget', 'count'].map((s) => plan(s).planJson));
    const config = mergeGuardConfigs(defaultGuardConfig(), {
      protect: [{ match: 'terraform_data', reason: 'test' }],
      allow: [],
    });
    expect(runGuard(reviews, config).violations.map((v) => `${v.stack} ${v.address}`)).toEqual([
      'count terraform_data.node[1]',
      'count terraform_data.node[2]',
      'delete terraform_data.gone',
    ]);
  });

  it('the CLI summarizes all scenarios into one comment', () => {
    let stdout = '';
    const code = runCli(['summarize', ...[...plans.values()].map((p) => p.planJson)], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    expect(stdout.length).toBeLessThanOrEqual(65_000);
    expect(stdout).not.toContain(TF_SECRET);
  });
});
