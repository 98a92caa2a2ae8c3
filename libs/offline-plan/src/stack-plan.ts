// One stack, planned offline with the real terraform: the plan of its configuration (against an
// empty state, or a given one), and the convergence check: the state that plan would leave,
// planned again, must say "No changes.".
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offlineOverride, stackLocation, type SynthesizedStack } from './override';
import { formatPath, getAt, markedPaths } from './paths';
import type { Json, Plan, ResourceChange, State } from './plan-json';
import { partitionOf } from './placeholder';
import { refineState } from './refine';
import type { ProviderSchemas } from './schema';
import { stateFromPlan } from './state-from-plan';
import { firstError, init, terraform, type TerraformSetup } from './terraform';

/** What to plan. */
export interface StackPlanRequest {
  /** The stack's name, e.g. network-dev. */
  readonly stack: string;
  /** Its synthesized cdk.tf.json. */
  readonly source: string;
  /** Where plan.json, plan.txt, cdk.tf.json and the state made from the plan are written. */
  readonly outDir: string;
  /**
   * The state to plan against (a change plan).
   * @default an empty state: the plan creates everything
   */
  readonly priorState?: State;
  /**
   * Make the state the plan leaves and check that planning again says "No changes.".
   * @default false
   */
  readonly converge?: boolean;
  /** Provider schemas, needed to converge; loaded once per run by the caller. */
  readonly schemas?: () => Promise<ProviderSchemas>;
}

/** A resource instance that still changes when the configuration is planned against its own state. */
export interface Residual {
  readonly address: string;
  readonly actions: readonly string[];
  /** Attribute paths that differ, as terraform prints them. */
  readonly paths: readonly string[];
}

/** The outcome of planning one stack. */
export interface StackPlanResult {
  readonly stack: string;
  readonly ok: boolean;
  /** terraform's own summary line: `Plan: 3 to add, …` or `No changes. …`. */
  readonly planLine?: string;
  /** The error, when terraform failed. */
  readonly error?: string;
  /** With `converge`: whether the second plan said "No changes.", and what still changes if not. */
  readonly converged?: boolean;
  readonly residuals?: readonly Residual[];
  /** How many placeholder values the second look replaced with computed ones. */
  readonly refined?: number;
  readonly seconds: number;
}

/** Plans one stack; never throws for a terraform failure (see `ok` and `error`). */
export async function planStack(
  setup: TerraformSetup,
  request: StackPlanRequest,
): Promise<StackPlanResult> {
  const started = Date.now();
  const result = (fields: Omit<StackPlanResult, 'stack' | 'seconds'>): StackPlanResult => ({
    stack: request.stack,
    seconds: (Date.now() - started) / 1000,
    ...fields,
  });
  const work = mkdtempSync(join(tmpdir(), `offline-plan-${request.stack}-`));
  try {
    const synthesized = JSON.parse(readFileSync(request.source, 'utf8')) as SynthesizedStack;
    copyFileSync(request.source, join(work, 'cdk.tf.json'));
    const { override, fixtures } = offlineOverride(synthesized);
    writeFileSync(join(work, 'offline_override.tf.json'), JSON.stringify(override, null, 2));
    for (const [file, state] of Object.entries(fixtures))
      writeFileSync(join(work, file), JSON.stringify(state));
    if (request.priorState)
      writeFileSync(join(work, 'terraform.tfstate'), JSON.stringify(request.priorState));

    const initialized = await init(setup, work);
    if (initialized.code !== 0) return result({ ok: false, error: firstError(initialized) });
    const planned = await planIn(setup, work, 'plan.tfplan');
    if ('error' in planned) return result({ ok: false, error: planned.error });

    mkdirSync(request.outDir, { recursive: true });
    copyFileSync(request.source, join(request.outDir, 'cdk.tf.json'));
    writeFileSync(join(request.outDir, 'plan.txt'), planned.text);
    writeFileSync(join(request.outDir, 'plan.json'), planned.json);
    const planLine = summaryLine(planned.text);
    if (!request.converge || !request.schemas) return result({ ok: true, planLine });

    const plan = JSON.parse(planned.json) as Plan;
    const { region, accountId } = stackLocation(synthesized);
    let state = stateFromPlan(plan, {
      schemas: await request.schemas(),
      location: { partition: partitionOf(region), region, accountId },
      lineage: `offline-${request.stack}`,
      ...(request.priorState ? { prior: request.priorState } : {}),
    });
    let refined = 0;
    for (let round = 0; ; round++) {
      writeFileSync(join(work, 'terraform.tfstate'), JSON.stringify(state, null, 2));
      const check = await planIn(setup, work, 'check.tfplan');
      if ('error' in check)
        return result({ ok: false, planLine, error: `second plan: ${check.error}` });
      const next = JSON.parse(check.json) as Plan;
      const residuals = residualsOf(next);
      const { state: better, refined: count } =
        residuals.length > 0 && round < 3 ? refineState(state, plan, next) : { state, refined: 0 };
      if (residuals.length === 0 || count === 0) {
        writeFileSync(join(request.outDir, 'terraform.tfstate'), JSON.stringify(state, null, 2));
        if (residuals.length > 0)
          writeFileSync(join(request.outDir, 'convergence-plan.json'), check.json);
        return result({
          ok: true,
          planLine,
          converged: residuals.length === 0,
          residuals,
          refined,
        });
      }
      state = better;
      refined += count;
    }
  } catch (error) {
    return result({ ok: false, error: (error as Error).message });
  } finally {
    // PLATFORM_OFFLINE_PLAN_KEEP=1 keeps the scratch folder (state, override, plans) to debug in
    if (process.env['PLATFORM_OFFLINE_PLAN_KEEP'] === '1')
      process.stderr.write(`plan-offline: ${request.stack}: scratch folder kept: ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

async function planIn(
  setup: TerraformSetup,
  work: string,
  out: string,
): Promise<{ text: string; json: string } | { error: string }> {
  const plan = await terraform(setup, work, [
    'plan',
    '-refresh=false',
    '-input=false',
    '-no-color',
    '-lock=false',
    `-out=${out}`,
  ]);
  if (plan.code !== 0) return { error: firstError(plan) };
  const show = await terraform(setup, work, ['show', '-json', out]);
  if (show.code !== 0) return { error: firstError(show) };
  return { text: plan.stdout, json: show.stdout };
}

/** terraform's summary line of a plan's text output. */
export function summaryLine(text: string): string | undefined {
  return text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^(Plan:|No changes\.|Changes to Outputs:)/.test(l));
}

/** What a plan still changes: resources (with the differing paths) and outputs. */
export function residualsOf(plan: Plan): Residual[] {
  const residuals: Residual[] = (plan.resource_changes ?? [])
    .filter((c) => c.mode === 'managed' && !c.change.actions.every((a) => a === 'no-op'))
    .map((c) => ({ address: c.address, actions: c.change.actions, paths: changedPaths(c) }));
  for (const [name, change] of Object.entries(plan.output_changes ?? {}))
    if (!change.actions.every((a) => a === 'no-op'))
      residuals.push({ address: `output.${name}`, actions: change.actions, paths: [] });
  return residuals;
}

function changedPaths(change: ResourceChange): string[] {
  const paths = new Set<string>();
  const walk = (before: Json | undefined, after: Json | undefined, path: (string | number)[]) => {
    if (path.length > 0 && getAt(change.change.after_unknown as Json, path) === true) {
      paths.add(formatPath(path));
      return;
    }
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    const objects = [before, after].filter((v) => v && typeof v === 'object');
    if (objects.length === 2 && Array.isArray(before) === Array.isArray(after) && path.length < 4) {
      const keys = new Set([...Object.keys(before as object), ...Object.keys(after as object)]);
      for (const key of keys) {
        const k = Array.isArray(before) ? Number(key) : key;
        walk(getAt(before, [k]), getAt(after, [k]), [...path, k]);
      }
      return;
    }
    paths.add(path.length ? formatPath(path) : '(whole resource)');
  };
  walk(change.change.before ?? undefined, change.change.after ?? undefined, []);
  for (const path of markedPaths(change.change.after_unknown)) paths.add(formatPath(path));
  return [...paths].sort();
}
