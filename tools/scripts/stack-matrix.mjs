#!/usr/bin/env node
// Prints the GitHub Actions matrix of stacks: {"include":[{"app","env","cloud","stack"}…]}.
//   stack-matrix.mjs            every app × every environment of a cloud the app runs on
//   stack-matrix.mjs --affected apps nx considers affected (NX_BASE/NX_HEAD), the same way
// An app runs on the clouds its project.json tags name (`cloud:aws`, `cloud:gcp`); a test
// keeps those tags equal to the clouds its runApp call has factories for. Where synth has run,
// its manifest (dist/apps/<app>/synth-manifest.json) also drops the environments it wrote no
// stack for (an optional section such as eks left out).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { environmentsWithoutStack } from './synth-manifest.mjs';

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
const cloudsOf = (app) =>
  JSON.parse(readFileSync(join('apps', app, 'project.json'), 'utf8'))
    .tags.filter((tag) => tag.startsWith('cloud:'))
    .map((tag) => tag.slice('cloud:'.length));
const envs = readdirSync('environments')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const config = parse(readFileSync(join('environments', f), 'utf8'));
    const section = config[config.cloud] ?? {};
    return {
      name: f.slice(0, -5),
      cloud: config.cloud,
      // bootstrap-<env> keeps local state until migrated (bootstrapBackend s3 or gcs): CI
      // cannot plan it before, and never applies it (its administrator does).
      bootstrapMigrated: (section.state?.bootstrapBackend ?? 'local') !== 'local',
    };
  });
const include = apps.flatMap((app) => {
  const clouds = cloudsOf(app);
  const withoutStack = environmentsWithoutStack(app);
  return envs
    .filter((env) => clouds.includes(env.cloud))
    .filter((env) => !withoutStack.includes(env.name))
    .filter((env) => app !== 'bootstrap' || env.bootstrapMigrated)
    .map((env) => ({ app, env: env.name, cloud: env.cloud, stack: `${app}-${env.name}` }));
});
process.stdout.write(JSON.stringify({ include }));
