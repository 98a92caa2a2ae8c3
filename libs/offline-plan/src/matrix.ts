// Planning many stacks at once, and running plan-review on the results: shared by the CLI's
// matrix and its change plans.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { providerSchemas } from './provider-schemas';
import { planStack, type StackPlanResult } from './stack-plan';
import { planDir, pool, type StackRef } from './stacks';
import { WORKSPACE_ROOT, type TerraformSetup } from './terraform';

/** Output streams of the CLI. */
export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
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
