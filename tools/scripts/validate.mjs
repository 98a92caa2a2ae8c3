#!/usr/bin/env node
// Runs the real `terraform init -backend=false` + `terraform validate` on every synthesized stack
// under the given folders, one stack per core, offline through a local provider mirror when the
// machine has one. Without terraform it warns loudly and skips, unless PLATFORM_REQUIRE_TERRAFORM=1.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { terraformEnv, terraformVersion } from './terraform-env.mjs';

const run = promisify(execFile);
const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: validate.mjs SYNTH_DIR...');
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
    .map((name) => ({ name, file: join(dir, name, 'cdk.tf.json') }));
});

const version = terraformVersion();
if (!version) {
  const banner = '!'.repeat(78);
  const required = process.env.PLATFORM_REQUIRE_TERRAFORM === '1';
  console.error(
    `${banner}\nvalidate: terraform is not on PATH: ${stacks.length} stack(s) NOT validated.\n${required ? 'PLATFORM_REQUIRE_TERRAFORM=1: failing.' : 'Install terraform >= 1.10 to validate; set PLATFORM_REQUIRE_TERRAFORM=1 to make this an error.'}\n${banner}`,
  );
  process.exit(required ? 1 : 0);
}

const work = mkdtempSync(join(tmpdir(), 'platform-validate-'));
const { env, providers } = terraformEnv(join(work, 'terraform'));
console.log(`validate: ${stacks.length} stack(s) with ${version}, ${providers}`);

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

let failed = 0;
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
      failed++;
      console.log(`  FAIL ${name} (${relative(process.cwd(), file)}): ${failure}`);
      return;
    }
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
    if (!result.valid) {
      failed++;
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
    failed++;
    // `terraform init` failed (or could not start): its stderr names the cause.
    console.log(`  FAIL ${name}: ${excerpt(error.stderr || error.message)}`);
  }
}

// The first stack runs alone: its `terraform init` fills the shared plugin cache, which
// concurrent first inits would race to create ("file exists"). The rest share it, one per core.
const queue = [...stacks];
if (queue.length > 0) await validate(queue.shift());
const workers = Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
  while (queue.length > 0) await validate(queue.shift());
});
await Promise.all(workers);
rmSync(work, { recursive: true, force: true });
console.log(
  `validate: ${stacks.length - failed}/${stacks.length} valid in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed > 0 ? 1 : 0);
