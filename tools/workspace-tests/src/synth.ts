import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The workspace root. */
export const ROOT = join(__dirname, '..', '..', '..');

/** Every app (stack family) of the workspace. */
export const APPS = readdirSync(join(ROOT, 'apps'))
  .filter((a) => existsSync(join(ROOT, 'apps', a, 'src', 'main.ts')))
  .sort();

/** Runs the real synth script of an app as a user would, into `outputRoot`. */
export function runSynth(app: string, outputRoot: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'tools/scripts/synth.mjs'), app], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PLATFORM_OUTPUT_ROOT: outputRoot, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh output root. */
export const scratch = () => mkdtempSync(join(tmpdir(), 'platform-synth-'));

/** Every synthesized stack below an output root: name → parsed JSON. */
export function stacksIn(outputRoot: string): Map<string, Record<string, any>> {
  const stacks = new Map<string, Record<string, any>>();
  for (const app of APPS) {
    const dir = join(outputRoot, 'dist', 'apps', app, 'stacks');
    if (!existsSync(dir)) continue;
    for (const stack of readdirSync(dir).sort()) {
      stacks.set(stack, JSON.parse(readFileSync(join(dir, stack, 'cdk.tf.json'), 'utf8')));
    }
  }
  return stacks;
}

/** One run of the synth script for every app: its exit code and what it printed. */
export interface SynthRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The two output roots global setup synthesized every app into, and the two runs' results. */
export function synthesized(): { roots: [string, string]; results: SynthRun[] } {
  const roots = process.env['PLATFORM_TEST_SYNTH_ROOTS'];
  const results = process.env['PLATFORM_TEST_SYNTH_RESULTS'];
  if (!roots || !results)
    throw new Error('run through jest.e2e.config.js (its globalSetup synthesizes every app)');
  return { roots: JSON.parse(roots), results: JSON.parse(results) };
}
