#!/usr/bin/env node
// Preview without credentials: plans a synthesized stack with the real terraform and provider,
// offline. An override file swaps the backend for a local one, gives the provider placeholder
// credentials and its skip flags, and serves every remote-state read from a local fixture
// state (tools/plan-fixtures/<family>.json: the outputs the producer publishes). Writes
// dist/plans/<stack>/plan.json (terraform show -json) and prints its summary.
//   npm run plan:offline -- network-dev [more stacks…]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformEnv, terraformVersion } from './terraform-env.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stacks = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (stacks.length === 0) {
  console.error(
    'usage: npm run plan:offline -- STACK... (e.g. network-dev; run npm run synth first)',
  );
  process.exit(2);
}
if (!terraformVersion()) {
  console.error('plan:offline: terraform is not on PATH; install terraform >= 1.10');
  process.exit(1);
}

const { env, providers } = terraformEnv(join(tmpdir(), `platform-plan-${process.pid}`));
console.log(`plan:offline: ${providers}`);
const plans = [];
for (const stack of stacks) {
  const family = stack.replace(/-[^-]+$/, '');
  const source = join(root, 'dist', 'apps', family, 'stacks', stack, 'cdk.tf.json');
  if (!existsSync(source)) {
    console.error(`plan:offline: ${source} does not exist; run npx nx run ${family}:synth`);
    process.exit(1);
  }
  const out = join(root, 'dist', 'plans', stack);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  copyFileSync(source, join(out, 'cdk.tf.json'));
  writeFileSync(
    join(out, 'offline_override.tf.json'),
    JSON.stringify(offlineOverride(JSON.parse(readFileSync(source, 'utf8')), out), null, 2),
  );
  const tf = (...args) =>
    execFileSync('terraform', args, {
      cwd: out,
      env,
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  try {
    tf('init', '-input=false', '-no-color');
    const text = tf(
      'plan',
      '-refresh=false',
      '-input=false',
      '-no-color',
      '-lock=false',
      '-out=plan.tfplan',
    );
    writeFileSync(join(out, 'plan.txt'), text);
    writeFileSync(join(out, 'plan.json'), tf('show', '-json', 'plan.tfplan'));
    const line = text.split('\n').find((l) => /^(Plan:|No changes\.)/.test(l));
    console.log(
      `plan:offline: ${stack}: ${line ?? 'planned'} → ${join('dist', 'plans', stack, 'plan.json')}`,
    );
    plans.push(join(out, 'plan.json'));
  } catch (error) {
    console.error(`plan:offline: ${stack} failed:\n${(error.stderr || error.message).trim()}`);
    process.exit(1);
  }
}
const reviewer = join(root, 'libs', 'plan-review', 'bin', 'plan-review.js');
if (existsSync(reviewer)) {
  const summary = spawnSync(process.execPath, [reviewer, 'summarize', ...plans], {
    encoding: 'utf8',
  });
  process.stdout.write(summary.stdout);
  if (summary.status !== 0) process.stderr.write(summary.stderr);
}

/** The override that makes a stack plannable with no credentials and no network. */
function offlineOverride(stack, dir) {
  const override = {
    terraform: { backend: { local: { path: 'terraform.tfstate' } } },
    provider: {
      aws: (stack.provider?.aws ?? []).map((p) => ({
        ...(p.alias ? { alias: p.alias } : {}),
        // the account pin needs an STS call; the real plan and apply keep it
        allowed_account_ids: null,
        access_key: 'offline-placeholder',
        secret_key: 'offline-placeholder',
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: 'true',
        skip_region_validation: true,
      })),
    },
  };
  const remote = stack.data?.terraform_remote_state ?? {};
  if (Object.keys(remote).length > 0) {
    override.data = { terraform_remote_state: {} };
    for (const [name, block] of Object.entries(remote)) {
      const family = block.config.key.split('/')[1].replace(/-[^-]+$/, '');
      const fixture = join(root, 'tools', 'plan-fixtures', `${family}.json`);
      if (!existsSync(fixture))
        throw new Error(`no fixture state for ${family} (${fixture}); add one with its outputs`);
      const outputs = JSON.parse(readFileSync(fixture, 'utf8'));
      const path = join(dir, `${family}.fixture.tfstate`);
      writeFileSync(path, JSON.stringify(fixtureState(outputs), null, 2));
      override.data.terraform_remote_state[name] = { backend: 'local', config: { path } };
    }
  }
  return override;
}

/** A minimal state file (format 4) with the given outputs. */
function fixtureState(outputs) {
  return {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: 'plan-offline-fixture',
    outputs: Object.fromEntries(
      Object.entries(outputs).map(([k, v]) => [
        k,
        { value: v, type: Array.isArray(v) ? ['list', 'string'] : 'string' },
      ]),
    ),
    resources: [],
  };
}
