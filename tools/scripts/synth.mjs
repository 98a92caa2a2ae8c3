#!/usr/bin/env node
// Synthesizes one app (stack family) for every environment by running its entry with node
// (TypeScript through tsx, registered by synth-preload.cjs; no cdktf CLI start-up).
// Usage: synth.mjs APP...
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const preload = join(root, 'tools', 'scripts', 'synth-preload.cjs');
const apps = process.argv.slice(2);
let status = 0;
for (const app of apps) {
  const entry = join(root, 'apps', app, 'src', 'main.ts');
  if (!existsSync(entry)) {
    console.error(`synth: no app "${app}" (expected ${entry})`);
    process.exit(2);
  }
  const result = spawnSync(process.execPath, ['--require', preload, entry], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json') },
  });
  status ||= result.status ?? 1;
}
process.exit(status);
