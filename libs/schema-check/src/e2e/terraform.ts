// The real terraform for the agreement test: the binary on PATH, providers from the machine's
// mirror (tools/scripts/terraform-env.mjs discovers it; read here through a child node, as jest
// loads only CommonJS) or the registry.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** `terraform version`'s first line, or undefined without terraform on PATH. */
export function terraformVersion(): string | undefined {
  const out = spawnSync('terraform', ['version'], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '' },
  });
  return out.status === 0 ? out.stdout.split('\n')[0] : undefined;
}

/** Environment variables terraform runs with: a CLI config (and plugin cache) under `workDir`. */
export function terraformEnvironment(workDir: string): NodeJS.ProcessEnv {
  const script = pathToFileURL(join(ROOT, 'tools', 'scripts', 'terraform-env.mjs')).href;
  const probe = `import { terraformEnv } from ${JSON.stringify(script)};
const { env } = terraformEnv(${JSON.stringify(workDir)});
console.log(JSON.stringify({ TF_CLI_CONFIG_FILE: env.TF_CLI_CONFIG_FILE }));`;
  const extra = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }),
  ) as Record<string, string>;
  return {
    ...process.env,
    ...extra,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
  };
}

/** Runs terraform in `dir`, returning its exit code and output (never throws on a non-zero exit). */
export function terraform(
  dir: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
): { status: number; stdout: string; stderr: string } {
  const out = spawnSync('terraform', [...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  return { status: out.status ?? 1, stdout: out.stdout, stderr: out.stderr };
}

/** One diagnostic of `terraform validate -json`. */
export interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
  readonly snippet?: { readonly context?: string };
}

/** `terraform validate -json` of `config` written as main.tf.json in `dir` (already initialized). */
export function validate(
  dir: string,
  env: NodeJS.ProcessEnv,
  config: Record<string, unknown>,
): { valid: boolean; diagnostics: Diagnostic[] } {
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 1));
  const out = terraform(dir, env, ['validate', '-json', '-no-color']);
  try {
    return JSON.parse(out.stdout) as { valid: boolean; diagnostics: Diagnostic[] };
  } catch {
    throw new Error(`terraform validate printed no JSON (exit ${out.status}): ${out.stderr}`);
  }
}
