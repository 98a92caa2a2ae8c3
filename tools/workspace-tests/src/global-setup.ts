import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { APPS, ROOT, scratch } from './synth';

/** Runs one app's real synth script into an output root; resolves with its exit code and output. */
function synthAsync(
  app: string,
  outputRoot: string,
): Promise<{ app: string; status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'tools/scripts/synth.mjs'), app], {
      cwd: ROOT,
      env: { ...process.env, PLATFORM_OUTPUT_ROOT: outputRoot },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ app, status, stderr }));
  });
}

/**
 * Synthesizes every app twice, into two output roots, using every core: the workspace tests
 * read these (determinism compares them). Paths are passed to the tests through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const roots = [scratch(), scratch()];
  const jobs = roots.flatMap((root) => APPS.map((app) => () => synthAsync(app, root)));
  const results: Awaited<ReturnType<typeof synthAsync>>[] = [];
  const workers = Array.from({ length: availableParallelism() }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) results.push(await job());
  });
  await Promise.all(workers);
  process.env['PLATFORM_TEST_SYNTH_ROOTS'] = JSON.stringify(roots);
  process.env['PLATFORM_TEST_SYNTH_RESULTS'] = JSON.stringify(results);
}
