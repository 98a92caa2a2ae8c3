import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { APPS, ROOT, scratch, type SynthRun } from './synth';

/**
 * Runs the real synth script for every app into an output root, as `npm run synth` does (one
 * process for every app); resolves with its exit code and output.
 */
function synthAsync(outputRoot: string): Promise<SynthRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'tools/scripts/synth.mjs'), ...APPS], {
      cwd: ROOT,
      env: { ...process.env, PLATFORM_OUTPUT_ROOT: outputRoot },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Synthesizes every app twice, into two output roots, side by side (one process each): the
 * workspace tests read these (determinism compares them). Paths are passed to the tests through
 * the environment.
 */
export default async function globalSetup(): Promise<void> {
  const roots = [scratch(), scratch()];
  const results = await Promise.all(roots.map((root) => synthAsync(root)));
  process.env['PLATFORM_TEST_SYNTH_ROOTS'] = JSON.stringify(roots);
  process.env['PLATFORM_TEST_SYNTH_RESULTS'] = JSON.stringify(results);
}
