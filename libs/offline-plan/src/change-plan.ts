// Change plans for pull requests, offline: the stacks at a git ref are synthesized in a worktree,
// planned, and turned into the state they would leave; the working tree's stacks are then planned
// against that state. What comes out is what merging the change will do, with plan-review's
// summary and guard on it, and no credentials anywhere.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planMatrix, planReview, type Io } from './matrix';
import type { State } from './plan-json';
import { planStack } from './stack-plan';
import { appOf, offlineGap, planDir, pool, stacksOfApps, type StackRef } from './stacks';
import { WORKSPACE_ROOT, type TerraformSetup } from './terraform';

/** What to compare. */
export interface ChangePlanOptions {
  /** The git ref the change is compared with (main, HEAD~1, a commit). */
  readonly base: string;
  /** Stacks to plan; with `apps` and `all` empty, every stack of every app. */
  readonly stacks: readonly string[];
  readonly apps: readonly string[];
  readonly all: boolean;
  readonly concurrency: number;
  readonly io: Io;
  /** Skip the plan-review summary (the guard still runs). */
  readonly quiet: boolean;
}

/** Runs the change plans; resolves to the exit code (the guard's 3 when it blocks). */
export async function changePlans(
  setup: TerraformSetup,
  options: ChangePlanOptions,
): Promise<number> {
  const { io } = options;
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', `${options.base}^{commit}`]).trim();
  } catch {
    io.stderr.write(`plan-offline: --base ${options.base} is not a commit of this repository\n`);
    return 2;
  }
  const apps = appsToPlan(options);
  const wanted = (ref: StackRef) =>
    options.stacks.length === 0 ||
    options.stacks.includes(ref.stack) ||
    options.apps.includes(ref.app);
  const worktree = mkdtempSync(join(tmpdir(), 'offline-plan-base-'));
  const started = Date.now();
  try {
    git(['worktree', 'add', '--detach', '--force', worktree, commit]);
    symlinkSync(join(WORKSPACE_ROOT, 'node_modules'), join(worktree, 'node_modules'), 'dir');
    io.stdout.write(
      `plan-offline: base ${options.base} (${commit.slice(0, 12)}), apps ${apps.join(', ')}\n`,
    );
    const baseApps = apps.filter((app) =>
      existsSync(join(worktree, 'apps', app, 'src', 'main.ts')),
    );
    for (const [root, which] of [
      [worktree, baseApps],
      [WORKSPACE_ROOT, apps],
    ] as const) {
      const synth = spawnSync(
        process.execPath,
        [join(root, 'tools', 'scripts', 'synth.mjs'), ...which],
        {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, PLATFORM_OUTPUT_ROOT: root },
        },
      );
      if (synth.status !== 0) {
        io.stderr.write(
          `plan-offline: synth of ${root === worktree ? options.base : 'the working tree'} failed:\n${synth.stderr}${synth.stdout}\n`,
        );
        return 1;
      }
    }

    io.stdout.write(`plan-offline: planning ${options.base}'s stacks and the state they leave\n`);
    const baseRefs = stacksOfApps(worktree, baseApps)
      .filter(wanted)
      .filter((ref) => offlineGap(ref) === undefined);
    const baseResults = await planMatrix(setup, baseRefs, {
      converge: true,
      concurrency: options.concurrency,
      io,
      outputRoot: worktree,
    });
    const failed = baseResults.filter((r) => !r.ok);
    if (failed.length > 0) {
      io.stderr.write(
        `plan-offline: ${failed.length} stack(s) of ${options.base} cannot be planned; no change plan\n`,
      );
      return 1;
    }

    io.stdout.write(`plan-offline: planning the working tree against that state\n`);
    const headRefs = stacksOfApps(WORKSPACE_ROOT, apps)
      .filter(wanted)
      .filter((ref) => offlineGap(ref) === undefined);
    const results = await pool(headRefs, options.concurrency, async (ref) => {
      const stateFile = join(planDir(worktree, ref), 'terraform.tfstate');
      const priorState = existsSync(stateFile)
        ? (JSON.parse(readFileSync(stateFile, 'utf8')) as State)
        : undefined;
      const result = await planStack(setup, {
        stack: ref.stack,
        source: ref.source,
        outDir: planDir(WORKSPACE_ROOT, ref, 'changes'),
        ...(priorState ? { priorState } : {}),
      });
      io.stdout.write(
        `  ${result.ok ? 'ok  ' : 'FAIL'} ${ref.stack}: ${result.ok ? result.planLine : result.error}${priorState ? '' : ` (new: not in ${options.base})`}\n`,
      );
      return result;
    });
    for (const gone of baseRefs.filter((b) => !headRefs.some((h) => h.stack === b.stack)))
      io.stdout.write(
        `  note ${gone.stack}: in ${options.base} but no longer synthesized; its resources stay until destroyed by hand\n`,
      );
    io.stdout.write(
      `plan-offline: change plans in ${((Date.now() - started) / 1000).toFixed(1)} s → dist/plans/changes/\n`,
    );
    if (results.some((r) => !r.ok)) return 1;

    const plans = headRefs.map((ref) => join(planDir(WORKSPACE_ROOT, ref, 'changes'), 'plan.json'));
    if (!options.quiet) io.stdout.write(planReview(['summarize', ...plans]).stdout);
    const guard = planReview(['guard', ...plans]);
    io.stdout.write(guard.stdout);
    io.stderr.write(guard.stderr);
    return guard.code === 0 ? 0 : guard.code;
  } finally {
    try {
      git(['worktree', 'remove', '--force', worktree]);
    } catch {
      rmSync(worktree, { recursive: true, force: true });
    }
  }
}

function appsToPlan(options: ChangePlanOptions): string[] {
  const fromStacks = options.stacks.map(appOf);
  if (options.all || (fromStacks.length === 0 && options.apps.length === 0))
    return readdirSync(join(WORKSPACE_ROOT, 'apps'))
      .filter((app) => existsSync(join(WORKSPACE_ROOT, 'apps', app, 'src', 'main.ts')))
      .sort();
  return [...new Set([...options.apps, ...fromStacks])].sort();
}

function git(args: readonly string[]): string {
  return execFileSync('git', [...args], {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
