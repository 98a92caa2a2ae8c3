// The synth manifest an app's synth writes (dist/apps/<app>/synth-manifest.json): which
// environments it wrote no stack for, and why. One reader for every script that needs it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The environments `app` wrote no stack for (its cloud, or an optional section left out); empty
 * where synth has not run.
 * @param {string} app
 * @param {string} [root] the folder holding dist/ (default: the current one)
 * @returns {string[]}
 */
export function environmentsWithoutStack(app, root = '.') {
  const manifest = join(root, 'dist', 'apps', app, 'synth-manifest.json');
  if (!existsSync(manifest)) return [];
  return JSON.parse(readFileSync(manifest, 'utf8')).skipped.map((s) => s.environment);
}
