// Generates real plans with the terraform binary, offline: every scenario uses only the built-in
// terraform_data resource (no provider download, no init), applies a base configuration to a
// local state, changes it, then runs `terraform plan -out` and `terraform show -json`.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The secret the sensitive scenario passes in; it must never reach a report. */
export const TF_SECRET = 's3cr3t-value-DO-NOT-LEAK';

/** A configuration before and after the change under review. */
export interface Scenario {
  readonly name: string;
  readonly base: string;
  readonly change: string;
}

/** terraform's own "Plan: …" line, parsed. */
export interface PlanLine {
  readonly import: number;
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  readonly text: string;
}

/** One generated plan. */
export interface GeneratedPlan {
  readonly scenario: string;
  /** `<tmp>/plans/<scenario>/plan.json`, so the stack name is the scenario name. */
  readonly planJson: string;
  /** terraform's human-readable plan of the same run. */
  readonly planText: string;
  readonly planLine: PlanLine;
}

const SECRET_VARIABLE = `
variable "secret" {
  type      = string
  sensitive = true
}
`;

/** The scenarios, one rule each, plus one that combines them. */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'update',
    base: 'resource "terraform_data" "app" { input = "v1" }',
    change: 'resource "terraform_data" "app" { input = "v2" }',
  },
  {
    name: 'replace',
    base: `
resource "terraform_data" "server" { triggers_replace = ["ami-1"] }
resource "terraform_data" "config" { input = "c1" }
resource "terraform_data" "worker" {
  lifecycle { replace_triggered_by = [terraform_data.config] }
}
resource "terraform_data" "cbd" {
  triggers_replace = ["one"]
  lifecycle { create_before_destroy = true }
}`,
    change: `
resource "terraform_data" "server" { triggers_replace = ["ami-2"] }
resource "terraform_data" "config" { input = "c2" }
resource "terraform_data" "worker" {
  lifecycle { replace_triggered_by = [terraform_data.config] }
}
resource "terraform_data" "cbd" {
  triggers_replace = ["two"]
  lifecycle { create_before_destroy = true }
}`,
  },
  {
    name: 'delete',
    base: 'resource "terraform_data" "keep" {}\nresource "terraform_data" "gone" { input = "x" }',
    change: 'resource "terraform_data" "keep" {}',
  },
  {
    name: 'moved',
    base: 'resource "terraform_data" "old_name" { input = "m" }',
    change: `
resource "terraform_data" "new_name" { input = "m" }
moved {
  from = terraform_data.old_name
  to   = terraform_data.new_name
}`,
  },
  {
    name: 'import',
    base: 'resource "terraform_data" "other" {}',
    change: `
resource "terraform_data" "other" {}
resource "terraform_data" "adopted" {}
import {
  to = terraform_data.adopted
  id = "existing-object-1"
}`,
  },
  {
    name: 'forget',
    base: 'resource "terraform_data" "legacy" { input = "l" }\nresource "terraform_data" "other" {}',
    change: `
resource "terraform_data" "other" {}
removed {
  from = terraform_data.legacy
  lifecycle { destroy = false }
}`,
  },
  {
    name: 'sensitive',
    base: `${SECRET_VARIABLE}
resource "terraform_data" "db" { input = var.secret }
output "password" {
  value     = var.secret
  sensitive = true
}`,
    change: `${SECRET_VARIABLE}
resource "terraform_data" "db" { input = "\${var.secret}-rotated" }
resource "terraform_data" "copy" { input = { user = "app", password = var.secret } }
output "password" {
  value     = "\${var.secret}-rotated"
  sensitive = true
}
output "user" { value = "app" }`,
  },
  {
    name: 'count',
    base: 'resource "terraform_data" "node" {\n  count = 3\n  input = count.index\n}',
    change: 'resource "terraform_data" "node" {\n  count = 1\n  input = count.index\n}',
  },
  {
    name: 'everything',
    base: `${SECRET_VARIABLE}
resource "terraform_data" "upd" { input = "v1" }
resource "terraform_data" "rep" { triggers_replace = ["a"] }
resource "terraform_data" "del" { input = "x" }
resource "terraform_data" "old" { input = "m" }
resource "terraform_data" "keep" { input = "k" }
resource "terraform_data" "cnt" {
  count = 3
  input = count.index
}
resource "terraform_data" "sec" { input = var.secret }`,
    change: `${SECRET_VARIABLE}
resource "terraform_data" "upd" { input = "v2" }
resource "terraform_data" "rep" { triggers_replace = ["b"] }
resource "terraform_data" "new" { input = "m" }
moved {
  from = terraform_data.old
  to   = terraform_data.new
}
removed {
  from = terraform_data.keep
  lifecycle { destroy = false }
}
resource "terraform_data" "cnt" {
  count = 1
  input = count.index
}
resource "terraform_data" "sec" { input = "\${var.secret}-2" }
resource "terraform_data" "imp" {}
import {
  to = terraform_data.imp
  id = "imported-id-1"
}
output "sec" {
  value     = var.secret
  sensitive = true
}`,
  },
];

/** terraform's version line, or undefined when terraform is not on PATH. */
export function terraformVersion(): string | undefined {
  const result = spawnSync('terraform', ['version'], { encoding: 'utf8', env: terraformEnv() });
  return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

/** Parses "Plan: [N to import, ]N to add, N to change, N to destroy[, N to forget]." or "No changes." */
export function parsePlanLine(text: string): PlanLine {
  const match =
    /^Plan: (?:(\d+) to import, )?(\d+) to add, (\d+) to change, (\d+) to destroy[.,]/m.exec(text);
  if (match) {
    const [line, imports, add, change, destroy] = match;
    return {
      import: Number(imports ?? 0),
      add: Number(add),
      change: Number(change),
      destroy: Number(destroy),
      text: line,
    };
  }
  if (/^No changes\./m.test(text))
    return { import: 0, add: 0, change: 0, destroy: 0, text: 'No changes.' };
  throw new Error(`no "Plan:" line in terraform's output:\n${text}`);
}

/** Runs every scenario (in parallel) in `root` (a fresh temp folder by default) and returns the plans. */
export async function generateTerraformPlans(
  scenarios: readonly Scenario[] = SCENARIOS,
  root: string = mkdtempSync(join(tmpdir(), 'plan-review-tf-')),
): Promise<GeneratedPlan[]> {
  const cliConfig = join(root, 'empty.tfrc');
  writeFileSync(cliConfig, '');
  return Promise.all(scenarios.map((scenario) => generate(root, cliConfig, scenario)));
}

async function generate(
  root: string,
  cliConfig: string,
  scenario: Scenario,
): Promise<GeneratedPlan> {
  const dir = join(root, 'work', scenario.name);
  const planDir = join(root, 'plans', scenario.name);
  mkdirSync(dir, { recursive: true });
  mkdirSync(planDir, { recursive: true });
  const env = { ...terraformEnv(cliConfig), TF_VAR_secret: TF_SECRET };
  const terraform = async (...args: string[]): Promise<string> => {
    try {
      return (await run('terraform', args, { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string };
      throw new Error(
        `terraform ${args[0]} failed in scenario "${scenario.name}":\n${e.stderr ?? ''}${e.stdout ?? ''}`,
      );
    }
  };
  writeFileSync(join(dir, 'main.tf'), scenario.base);
  await terraform('apply', '-auto-approve', '-input=false', '-no-color', '-lock=false');
  writeFileSync(join(dir, 'main.tf'), scenario.change);
  const planText = await terraform(
    'plan',
    '-out=tfplan',
    '-input=false',
    '-no-color',
    '-lock=false',
  );
  const planJson = join(planDir, 'plan.json');
  writeFileSync(planJson, await terraform('show', '-json', 'tfplan'));
  return { scenario: scenario.name, planJson, planText, planLine: parsePlanLine(planText) };
}

/** The environment terraform runs with: no TF_* from the machine, no checkpoint, our CLI config. */
function terraformEnv(cliConfig?: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('TF_')),
  );
  const config = cliConfig ? { TF_CLI_CONFIG_FILE: cliConfig } : {};
  return { ...env, ...config, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
}
