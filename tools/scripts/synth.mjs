#!/usr/bin/env node
// Synthesizes stack families for every environment, all in this one process: cdktf, the provider
// modules and the environment files are loaded once for every family named (TypeScript through
// tsx, registered by synth-preload.cjs; no cdktf CLI start-up). Each family succeeds or fails
// alone; a failed one keeps its previous output. Exit code 1 when any failed, 2 on bad usage.
//
// Usage: synth.mjs APP...
//
// Started with an IPC channel (the Nx executor of tools/platform-plugin), it prints nothing of
// its own and sends one message per family instead, as soon as that family is done:
//   { type: 'synth-report', app, success, output }
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const apps = [...new Set(process.argv.slice(2))]; // an app's entry runs once per process
if (apps.length === 0) {
  console.error('usage: synth.mjs APP... (an app is a folder of apps/ with src/main.ts)');
  process.exit(2);
}

const require = createRequire(import.meta.url);
require('./synth-preload.cjs');
/** @type {import('../../libs/core/src/host')} */
const { synthApps } = require(join(root, 'libs', 'core', 'src', 'index.ts'));

const hosted = apps.map((name) => {
  const entry = join(root, 'apps', name, 'src', 'main.ts');
  return {
    name,
    load: () => {
      if (!existsSync(entry))
        throw new Error(`no app "${name}" (expected ${relative(root, entry)})`);
      return require(entry);
    },
  };
});

const report = process.send
  ? (app, { success, output }) => process.send({ type: 'synth-report', app, success, output })
  : (app, { success, output }) => (success ? process.stdout : process.stderr).write(output);

synthApps(hosted, (app, result) => {
  if (!result.success) process.exitCode = 1;
  report(app, result);
});
if (process.send) process.send({ type: 'synth-done' }, () => process.disconnect());
