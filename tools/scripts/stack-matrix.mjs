#!/usr/bin/env node
// Prints the GitHub Actions matrix of stacks: {"include":[{"app","env","stack"}…]}.
//   stack-matrix.mjs            every app × every environment
//   stack-matrix.mjs --affected apps nx considers affected (NX_BASE/NX_HEAD) × every environment
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const affected = process.argv.includes('--affected');
const args = [
  'nx',
  'show',
  'projects',
  '--withTarget',
  'deploy',
  '--json',
  ...(affected ? ['--affected'] : []),
];
const apps = JSON.parse(execFileSync('npx', args, { encoding: 'utf8' })).sort();
const envs = readdirSync('environments')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5))
  .sort();
// bootstrap-<env> keeps local state until migrated (state.bootstrapBackend: s3): CI cannot plan
// it before, and never applies it (its administrator does).
const bootstrapInS3 = (env) =>
  /^\s*bootstrapBackend:\s*["']?s3["']?\s*(#.*)?$/m.test(
    readFileSync(join('environments', `${env}.yaml`), 'utf8'),
  );
const include = apps.flatMap((app) =>
  envs
    .filter((env) => app !== 'bootstrap' || bootstrapInS3(env))
    .map((env) => ({ app, env, stack: `${app}-${env}` })),
);
process.stdout.write(JSON.stringify({ include }));
