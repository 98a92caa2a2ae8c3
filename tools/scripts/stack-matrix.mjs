#!/usr/bin/env node
// Prints the GitHub Actions matrix of stacks: {"include":[{"app","env","stack"}…]}.
//   stack-matrix.mjs            every app × every environment
//   stack-matrix.mjs --affected apps nx considers affected (NX_BASE/NX_HEAD) × every environment
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

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
const include = apps.flatMap((app) => envs.map((env) => ({ app, env, stack: `${app}-${env}` })));
process.stdout.write(JSON.stringify({ include }));
