#!/usr/bin/env node
// Validates every synthesized stack under the given folders.
//
// - GCP stacks (a `google` provider block): checked against the google provider's own schema,
//   committed in tools/provider-schemas (libs/schema-check; offline, no provider binary), every
//   time. Then by the real `terraform validate` when `terraform init` can install the google
//   provider here (a network, or a mirror holding it); otherwise the skip and its reason are
//   printed. The schema check is weaker than terraform validate (no provider validators, no
//   cross-argument rules: libs/schema-check/README.md).
// - Every other stack: the real `terraform init -backend=false` + `terraform validate`, one stack
//   per core, offline through a local provider mirror when the machine has one.
// Without terraform it warns loudly and skips terraform's part, unless PLATFORM_REQUIRE_TERRAFORM=1.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { terraformEnv, terraformVersion } from './terraform-env.mjs';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// --only-offline-gaps: only the stacks the offline plan does not cover (GCP), for the `plan`
// target, which plans the AWS stacks with the real terraform (a plan validates them already).
const onlyGaps = process.argv.includes('--only-offline-gaps');
const folders = process.argv.slice(2).filter((a) => a !== '--only-offline-gaps');
if (folders.length === 0) {
  console.error('usage: validate.mjs [--only-offline-gaps] SYNTH_DIR...');
  process.exit(2);
}

const stacks = folders.flatMap((folder) => {
  const dir = join(folder, 'stacks');
  if (!existsSync(dir)) {
    console.error(`validate: ${dir} does not exist; run synth first`);
    process.exit(1);
  }
  return readdirSync(dir)
    .sort()
    .filter((name) => existsSync(join(dir, name, 'cdk.tf.json')))
    .map((name) => {
      const file = join(dir, name, 'cdk.tf.json');
      const json = JSON.parse(readFileSync(file, 'utf8'));
      return { name, file, json, google: Boolean(json.provider?.google) };
    })
    .filter((stack) => !onlyGaps || stack.google);
});
if (onlyGaps && stacks.length === 0) process.exit(0);

/** Names of the stacks that failed a check. */
const failed = new Set();
const gcpStacks = stacks.filter((s) => s.google);
if (gcpStacks.length > 0) schemaCheck(gcpStacks);

/** The google stacks against the committed provider schema (libs/schema-check, TypeScript through tsx). */
function schemaCheck(list) {
  const require = createRequire(import.meta.url);
  require('tsx/cjs');
  /** @type {import('../../libs/schema-check/src/index')} */
  const check = require(join(root, 'libs', 'schema-check', 'src', 'index.ts'));
  console.log(
    `validate: ${list.length} GCP stack(s) against the provider schemas in ${check.SCHEMA_DIR} (offline; weaker than terraform validate: libs/schema-check/README.md)`,
  );
  for (const { name, file, json } of list) {
    const { schemas, files, missing } = check.committedSchemasFor(json, root);
    const report = check.checkStackSchema(json, schemas, { stack: name });
    const noGoogle = missing.filter((m) => m.startsWith(`${check.GOOGLE_PROVIDER} `));
    if (report.findings.length > 0 || noGoogle.length > 0) {
      failed.add(name);
      console.log(`  FAIL ${name} (${relative(process.cwd(), file)}): schema check`);
      for (const m of noGoogle)
        console.log(
          `       no committed schema for ${m}: pin the provider version and run npx nx run schema-check:schema-subset`,
        );
      for (const f of report.findings)
        console.log(`       ${f.kind}: ${f.address}${f.path ? ` ${f.path}` : ''}: ${f.message}`);
    } else {
      console.log(`  ok   ${name}: schema check, ${report.checked} block(s) (${files.join(', ')})`);
    }
    if (report.unchecked.length > 0) {
      const byProvider = new Map();
      for (const u of report.unchecked)
        byProvider.set(u.provider, [...(byProvider.get(u.provider) ?? []), u]);
      for (const [provider, blocks] of byProvider)
        console.log(
          `       note: ${blocks.length} block(s) of ${provider} not schema-checked (no committed schema): ${blocks.map((b) => b.address).join(', ')}`,
        );
    }
  }
}

const version = terraformVersion();
if (!version) {
  const banner = '!'.repeat(78);
  const required = process.env.PLATFORM_REQUIRE_TERRAFORM === '1';
  console.error(
    `${banner}\nvalidate: terraform is not on PATH: ${stacks.length} stack(s) NOT validated by terraform${gcpStacks.length ? ` (${gcpStacks.length} GCP stack(s) schema-checked only)` : ''}.\n${required ? 'PLATFORM_REQUIRE_TERRAFORM=1: failing.' : 'Install terraform >= 1.10 to validate; set PLATFORM_REQUIRE_TERRAFORM=1 to make this an error.'}\n${banner}`,
  );
  process.exit(required || failed.size > 0 ? 1 : 0);
}

const work = mkdtempSync(join(tmpdir(), 'platform-validate-'));
const { env, providers } = terraformEnv(join(work, 'terraform'));
console.log(`validate: ${stacks.length} stack(s) with ${version}, ${providers}`);

/**
 * Whether `terraform init` installs a stack's providers here (the google provider is not in this
 * machine's mirror: it installs only with a network, or a mirror that holds it). Detected once per
 * set of required providers, in a folder of its own; returns the reason when it cannot.
 */
const installable = new Map();
async function canInstall(json) {
  const required = json.terraform?.required_providers ?? {};
  const key = JSON.stringify(required);
  if (!installable.has(key)) {
    const dir = mkdtempSync(join(work, 'probe-'));
    writeFileSync(
      join(dir, 'main.tf.json'),
      JSON.stringify({ terraform: { required_providers: required } }),
    );
    const result = await run('terraform', ['init', '-backend=false', '-input=false', '-no-color'], {
      cwd: dir,
      env,
      timeout: 300_000,
      maxBuffer: 32 << 20,
    }).then(
      () => ({ ok: true }),
      (error) => ({
        ok: false,
        reason: firstError(`${error.stderr ?? ''}\n${error.stdout ?? ''}`) || error.message,
      }),
    );
    installable.set(key, result);
  }
  return installable.get(key);
}

/** terraform's first error, on one line. */
function firstError(text) {
  const lines = text
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.replace(/^[│╷╵]\s?/, '').trim());
  const start = lines.findIndex((l) => l.startsWith('Error: '));
  return (start >= 0 ? lines.slice(start, start + 6) : lines.slice(0, 3)).filter(Boolean).join(' ');
}

/** The first lines of what a failed terraform printed: its stderr, else its stdout. */
function excerpt(text, lines = 12) {
  return text.trim().split('\n').slice(0, lines).join('\n       ');
}

/**
 * `terraform validate -json`'s result, or a failure naming what terraform itself said: when it
 * crashes (a provider panic, a killed process) it prints no JSON, and its exit code and stderr
 * are the cause.
 */
function parseValidateOutput(output) {
  try {
    return { result: JSON.parse(output.stdout) };
  } catch {
    const status = output.signal ? `killed by ${output.signal}` : `exit code ${output.code ?? 0}`;
    const said = (output.stderr ?? '').trim() || (output.stdout ?? '').trim();
    return {
      failure: `terraform validate printed no JSON result (${status})${said ? `:\n       ${excerpt(said)}` : ''}`,
    };
  }
}

const started = Date.now();
async function validate({ name, file }) {
  const dir = join(work, name);
  mkdirSync(dir);
  copyFileSync(file, join(dir, 'cdk.tf.json'));
  const t0 = Date.now();
  try {
    await run('terraform', ['init', '-backend=false', '-input=false', '-no-color'], {
      cwd: dir,
      env,
      maxBuffer: 32 << 20,
    });
    // validate exits 1 on invalid configuration with JSON on stdout: read it either way.
    const output = await run('terraform', ['validate', '-json', '-no-color'], {
      cwd: dir,
      env,
      maxBuffer: 32 << 20,
    }).catch((e) => e);
    const { result, failure } = parseValidateOutput(output);
    if (failure) {
      failed.add(name);
      console.log(`  FAIL ${name} (${relative(process.cwd(), file)}): ${failure}`);
      return;
    }
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
    if (!result.valid) {
      failed.add(name);
      console.log(`  FAIL ${name} (${relative(process.cwd(), file)})`);
      for (const d of result.diagnostics)
        console.log(
          `       ${d.severity}: ${d.summary}${d.detail ? ` — ${d.detail.split('\n')[0]}` : ''}${d.address ? ` [${d.address}]` : ''}`,
        );
    } else {
      console.log(
        `  ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s${warnings.length ? `, ${warnings.length} warning(s): ${[...new Set(warnings.map((w) => w.summary))].join('; ')}` : ''})`,
      );
    }
  } catch (error) {
    failed.add(name);
    // `terraform init` failed (or could not start): its stderr names the cause.
    console.log(`  FAIL ${name}: ${excerpt(error.stderr || error.message)}`);
  }
}

// GCP stacks go to terraform only where their providers install; the probe also fills the
// plugin cache for them.
const queue = [];
let schemaOnly = 0;
for (const stack of stacks) {
  if (!stack.google) {
    queue.push(stack);
    continue;
  }
  const install = await canInstall(stack.json);
  if (install.ok) queue.push(stack);
  else {
    schemaOnly++;
    console.log(
      `  skip ${stack.name}: terraform validate — terraform cannot install its providers here (${install.reason}); the schema check above stands in for it`,
    );
  }
}

// The first stack runs alone: its `terraform init` fills the shared plugin cache, which
// concurrent first inits would race to create ("file exists"). The rest share it, one per core.
if (queue.length > 0) await validate(queue.shift());
const workers = Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
  while (queue.length > 0) await validate(queue.shift());
});
await Promise.all(workers);
rmSync(work, { recursive: true, force: true });
console.log(
  `validate: ${stacks.length - failed.size}/${stacks.length} valid in ${((Date.now() - started) / 1000).toFixed(1)} s${schemaOnly ? ` (${schemaOnly} by the schema check alone: terraform could not install their providers)` : ''}`,
);
process.exit(failed.size > 0 ? 1 : 0);
