#!/usr/bin/env node
// Makes the committed AWS plan fixtures of plan-review's risk rules with the real terraform and
// hashicorp/aws provider, offline: per scenario a small cdk.tf.json (placeholder credentials,
// skip flags, local backend), a prior state (format 4) written here — attributes left out decode
// as null — then `terraform plan -refresh=false -out` and `terraform show -json`.
//   node libs/plan-review/test-fixtures/make-plans.mjs [SCENARIO…]
// Writes test-fixtures/aws-plans/<scenario>/{plan.json,cdk.tf.json,plan-line.txt}. Needs
// terraform and the provider (a local mirror is found by tools/scripts/terraform-env.mjs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformEnv } from '../../../tools/scripts/terraform-env.mjs';
import { SCENARIOS } from './aws-scenarios.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outRoot = join(here, 'aws-plans');
const PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]';

const wanted = process.argv.slice(2);
const scenarios = SCENARIOS.filter((s) => wanted.length === 0 || wanted.includes(s.name));
if (scenarios.length === 0) {
  console.error(`make-plans: no scenario named ${wanted.join(', ')}`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'plan-review-aws-'));
const { env } = terraformEnv(join(work, 'terraform-home'));
let versions;
try {
  for (const scenario of scenarios) makePlan(scenario);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function makePlan(scenario) {
  const dir = join(work, scenario.name);
  mkdirSync(dir, { recursive: true });
  const config = stackConfig(scenario);
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(config, null, 2));
  const tf = (...args) =>
    execFileSync('terraform', args, {
      cwd: dir,
      env,
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  try {
    tf('init', '-input=false', '-no-color', '-backend=true');
    versions ??= schemaVersions(tf('providers', 'schema', '-json'));
    writeFileSync(join(dir, 'terraform.tfstate'), JSON.stringify(priorState(scenario), null, 2));
    const text = tf('plan', '-refresh=false', '-input=false', '-no-color', '-lock=false', '-out=p');
    const line = text.split('\n').find((l) => /^(Plan:|No changes\.)/.test(l));
    const plan = JSON.parse(tf('show', '-json', 'p'));
    const out = join(outRoot, scenario.name);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'plan.json'), `${JSON.stringify(plan)}\n`);
    writeFileSync(join(out, 'cdk.tf.json'), `${JSON.stringify(config, null, 2)}\n`);
    writeFileSync(join(out, 'plan-line.txt'), `${line}\n`);
    console.log(`make-plans: ${scenario.name}: ${line}`);
  } catch (error) {
    console.error(
      `make-plans: ${scenario.name} failed:\n${(error.stderr || error.message).trim()}`,
    );
    process.exitCode = 1;
  }
}

/** A cdktf-like stack: provider with placeholder credentials, local backend, construct paths. */
function stackConfig(scenario) {
  const resource = {};
  const data = {};
  for (const [address, body] of Object.entries(scenario.config)) {
    const isData = address.startsWith('data.');
    const [type, name] = (isData ? address.slice(5) : address).split('.');
    const target = isData ? data : resource;
    target[type] ??= {};
    target[type][name] = {
      '//': { metadata: { path: `${scenario.name}/${name.replace(/_/g, '-')}`, uniqueId: name } },
      ...body,
    };
  }
  return {
    terraform: {
      required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } },
      backend: { local: { path: 'terraform.tfstate' } },
    },
    provider: {
      aws: [
        {
          region: 'eu-west-1',
          access_key: 'offline-placeholder',
          secret_key: 'offline-placeholder',
          skip_credentials_validation: true,
          skip_requesting_account_id: true,
          skip_metadata_api_check: 'true',
          skip_region_validation: true,
          default_tags: [{ tags: { ManagedBy: 'platform', Stack: scenario.name } }],
        },
      ],
    },
    ...(Object.keys(data).length > 0 ? { data } : {}),
    ...(Object.keys(resource).length > 0 ? { resource } : {}),
  };
}

/** The state before the change: one instance per prior resource, schema versions from the provider. */
function priorState(scenario) {
  return {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: `plan-review-${scenario.name}`,
    outputs: {},
    resources: Object.entries(scenario.prior).map(([address, attributes]) => {
      const [type, name] = address.split('.');
      if (!(type in versions)) throw new Error(`${scenario.name}: unknown resource type ${type}`);
      return {
        mode: 'managed',
        type,
        name,
        provider: PROVIDER,
        instances: [{ schema_version: versions[type], attributes, sensitive_attributes: [] }],
      };
    }),
  };
}

function schemaVersions(text) {
  const schemas = JSON.parse(text).provider_schemas['registry.terraform.io/hashicorp/aws'];
  return Object.fromEntries(
    Object.entries(schemas.resource_schemas).map(([type, s]) => [type, s.version ?? 0]),
  );
}
