#!/usr/bin/env node
// `diff` and `deploy` of one app for ONE environment, through cdktf-cli on the already
// synthesized output (--skip-synth). The environment comes from the Nx configuration:
//   nx run network:deploy -c prod      nx affected -t deploy -c prod
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [command, app, ...rest] = process.argv.slice(2);
const envArg = rest.find((a) => a.startsWith('--env='));
const environments = readdirSync('environments')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();
if (!['diff', 'deploy'].includes(command) || !app) {
  console.error('usage: cdktf.mjs diff|deploy APP --env=ENV');
  process.exit(2);
}
if (!envArg) {
  console.error(
    `${app}:${command} acts on one environment: add -c ${environments.join('|')} (e.g. nx run ${app}:${command} -c dev)`,
  );
  process.exit(2);
}
const env = envArg.slice('--env='.length);
if (!environments.includes(env)) {
  console.error(
    `${app}:${command}: unknown environment "${env}"; environments: ${environments.join(', ')}`,
  );
  process.exit(2);
}
const output = join('dist', 'apps', app);
const stack = `${app}-${env}`;
if (!existsSync(join(output, 'stacks', stack, 'cdk.tf.json'))) {
  if (existsSync(join(output, 'stacks'))) {
    // Synthesized, without a stack for this environment (see the synth report): nothing to do.
    console.log(`${app}:${command}: ${app} has no stack for ${env}; nothing to ${command}`);
    process.exit(0);
  }
  console.error(
    `${app}:${command}: ${stack} is not synthesized in ${output}; run nx run ${app}:synth`,
  );
  process.exit(1);
}
const args = [
  command,
  stack,
  '--skip-synth',
  '--output',
  output,
  ...(command === 'deploy' && process.env.CI ? ['--auto-approve'] : []),
];
const result = spawnSync('npx', ['cdktf', ...args], {
  stdio: 'inherit',
  env: { ...process.env, CHECKPOINT_DISABLE: '1' },
});
process.exit(result.status ?? 1);
