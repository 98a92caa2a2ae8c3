// `npm run plan:offline`: real terraform plans of synthesized stacks, offline, with the
// convergence check, and change plans of the working tree against a git ref.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { applyAllowlist, loadAllowlist, ALLOWLIST_FILE } from './allowlist';
import { changePlans } from './change-plan';
import type { ProviderSchemas } from './schema';
import { providerSchemas } from './provider-schemas';
import { planStack, type StackPlanResult } from './stack-plan';
import { planDir, pool, stackByName, stacksOfApps, synthesizedApps, type StackRef } from './stacks';
import { terraformSetup, WORKSPACE_ROOT, type TerraformSetup } from './terraform';

const USAGE = `usage: plan-offline [STACK...] [--app APP]... [--all] [options]
  STACK               a synthesized stack, e.g. network-dev (run npm run synth first)
  --app APP           every stack of an app (repeatable)
  --all               every synthesized stack of every app
  --base REF          change plans: plan the stacks at git REF, make their state, and plan the
                      working tree's stacks against it (both synthesized here)
  --skip-convergence  plan only; do not check that the plan's own state plans to "No changes."
  --concurrency N     stacks planned at once (default: the machine's cores)
  --json FILE         write the results as JSON
  --quiet             no plan-review summary after the results`;

/** Output streams of the CLI. */
export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 a plan failed or did not converge, 2 usage, 3 guard). */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        app: { type: 'string', multiple: true },
        all: { type: 'boolean' },
        base: { type: 'string' },
        'skip-convergence': { type: 'boolean' },
        concurrency: { type: 'string' },
        json: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr.write(`plan-offline: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const concurrency = values.concurrency ? Number(values.concurrency) : availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    io.stderr.write(
      `plan-offline: --concurrency takes a whole number ≥ 1 (got ${values.concurrency})\n`,
    );
    return 2;
  }
  if (!values.all && !values.app?.length && positionals.length === 0 && !values.base) {
    io.stderr.write(`plan-offline: name stacks, --app or --all\n${USAGE}\n`);
    return 2;
  }

  const setup = await terraformSetup();
  if (!setup) {
    const required = process.env['PLATFORM_REQUIRE_TERRAFORM'] === '1';
    const banner = '!'.repeat(78);
    io.stderr.write(
      `${banner}\nplan-offline: terraform is not on PATH: nothing planned.\n${required ? 'PLATFORM_REQUIRE_TERRAFORM=1: failing.' : 'Install terraform >= 1.10 to plan; set PLATFORM_REQUIRE_TERRAFORM=1 to make this an error.'}\n${banner}\n`,
    );
    return required ? 1 : 0;
  }
  io.stdout.write(`plan-offline: ${setup.version}, ${setup.providers}\n`);

  if (values.base) {
    return changePlans(setup, {
      base: values.base,
      stacks: positionals,
      apps: values.app ?? [],
      all: values.all ?? false,
      concurrency,
      io,
      quiet: values.quiet ?? false,
    });
  }

  let refs: StackRef[];
  try {
    refs = [
      ...(values.all ? stacksOfApps(WORKSPACE_ROOT, synthesizedApps(WORKSPACE_ROOT)) : []),
      ...stacksOfApps(WORKSPACE_ROOT, values.app ?? []),
      ...positionals.map((s) => stackByName(WORKSPACE_ROOT, s)),
    ].filter((r, i, all) => all.findIndex((o) => o.stack === r.stack) === i);
  } catch (error) {
    io.stderr.write(`plan-offline: ${(error as Error).message}\n`);
    return 1;
  }
  const converge = !values['skip-convergence'];
  const started = Date.now();
  const results = await planMatrix(setup, refs, { converge, concurrency, io });
  const code = report(results, refs, { converge, io, seconds: (Date.now() - started) / 1000 });
  if (values.json) writeJson(values.json, results, (Date.now() - started) / 1000, concurrency);
  if (!values.quiet && results.some((r) => r.ok)) {
    const plans = refs
      .filter((_, i) => results[i]!.ok)
      .map((r) => join(planDir(WORKSPACE_ROOT, r), 'plan.json'));
    const summary = planReview(['summarize', ...plans]);
    io.stdout.write(summary.stdout);
  }
  return code;
}

/** Plans every stack, `concurrency` at a time, printing one line per stack as it finishes. */
export async function planMatrix(
  setup: TerraformSetup,
  refs: readonly StackRef[],
  options: { converge: boolean; concurrency: number; io: Io; outputRoot?: string; kind?: string },
): Promise<StackPlanResult[]> {
  const schemas = once(() => providerSchemas(setup, refs[0]!.source));
  return pool(refs, options.concurrency, async (ref) => {
    const result = await planStack(setup, {
      stack: ref.stack,
      source: ref.source,
      outDir: planDir(options.outputRoot ?? WORKSPACE_ROOT, ref, options.kind),
      converge: options.converge,
      schemas,
    });
    options.io.stdout.write(`  ${lineOf(result)}\n`);
    return result;
  });
}

function lineOf(r: StackPlanResult): string {
  if (!r.ok)
    return `FAIL ${r.stack} (${r.seconds.toFixed(1)} s)\n       ${(r.error ?? '').split('\n').join('\n       ')}`;
  const convergence =
    r.converged === undefined
      ? ''
      : r.converged
        ? ', converges'
        : `, DOES NOT CONVERGE (${r.residuals!.length} change(s))`;
  return `ok   ${r.stack}: ${r.planLine ?? 'planned'}${convergence} (${r.seconds.toFixed(1)} s)`;
}

export function report(
  results: readonly StackPlanResult[],
  refs: readonly StackRef[],
  options: { converge: boolean; io: Io; seconds: number },
): number {
  const exceptions = loadAllowlist();
  let failed = results.filter((r) => !r.ok).length;
  let diverged = 0;
  for (const result of results) {
    if (!result.ok || result.converged !== false) continue;
    const { allowed, rest } = applyAllowlist(result.stack, result.residuals ?? [], exceptions);
    for (const { residual, exception } of allowed)
      options.io.stdout.write(
        `  allowed ${result.stack} ${residual.address} (${residual.actions.join('/')}): ${exception.reason} [${relative(WORKSPACE_ROOT, ALLOWLIST_FILE)}]\n`,
      );
    if (rest.length > 0) diverged++;
    for (const residual of rest)
      options.io.stdout.write(
        `  DIVERGES ${result.stack} ${residual.address} (${residual.actions.join('/')}): ${residual.paths.join(', ') || 'outputs'}\n`,
      );
  }
  options.io.stdout.write(
    `plan-offline: ${results.length - failed}/${refs.length} planned${options.converge ? `, ${results.filter((r) => r.ok).length - diverged} converged` : ''} in ${options.seconds.toFixed(1)} s\n`,
  );
  failed += diverged;
  return failed > 0 ? 1 : 0;
}

function writeJson(
  file: string,
  results: readonly StackPlanResult[],
  seconds: number,
  concurrency: number,
) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ seconds, concurrency, stacks: results }, null, 2)}\n`);
}

/** Runs this workspace's plan-review CLI. */
export function planReview(
  args: readonly string[],
  bin = join(WORKSPACE_ROOT, 'libs', 'plan-review', 'bin', 'plan-review.js'),
) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  return { code: run.status ?? 1, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

/** Reads a JSON file. */
export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export type { ProviderSchemas };
