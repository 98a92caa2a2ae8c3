// `npm run plan:offline`: real terraform plans of synthesized stacks, offline, with the
// convergence check, and change plans of the working tree against a git ref.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { applyAllowlist, loadAllowlist, ALLOWLIST_FILE } from './allowlist';
import { changePlans } from './change-plan';
import { planMatrix, planReview, type Io } from './matrix';
import type { StackPlanResult } from './stack-plan';
import {
  offlineGap,
  planDir,
  stackByName,
  stacksOfApps,
  synthesizedApps,
  type StackRef,
} from './stacks';
import { terraformSetup, WORKSPACE_ROOT } from './terraform';

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
  for (const ref of refs) {
    const gap = offlineGap(ref);
    if (gap) io.stdout.write(`  skip ${ref.stack}: ${gap}\n`);
  }
  refs = refs.filter((ref) => offlineGap(ref) === undefined);
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
