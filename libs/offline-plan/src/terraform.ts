// Running the real terraform: the binary on PATH, no telemetry, providers from a local mirror
// when the machine has one (discovered by tools/scripts/terraform-env.mjs), and one plugin cache
// for the whole workspace so each stack's `init` links the provider instead of copying it.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The workspace root (this file is libs/offline-plan/src/terraform.ts). */
export const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');

/** How terraform runs: environment variables and where providers come from. */
export interface TerraformSetup {
  readonly env: NodeJS.ProcessEnv;
  /** The local provider mirror in use, or undefined when providers come from the registry. */
  readonly mirror: string | undefined;
  /** Where providers come from, for the log (the mirror and how it was found). */
  readonly providers: string;
  /** The shared plugin cache. */
  readonly pluginCache: string;
  /** `terraform version`'s first line. */
  readonly version: string;
}

/**
 * Terraform's environment for offline plans, or undefined when terraform is not on PATH. The CLI
 * configuration and the plugin cache live under `cacheDir` (default
 * node_modules/.cache/platform-terraform: one provider copy per clone, kept between runs).
 */
export async function terraformSetup(
  cacheDir = join(WORKSPACE_ROOT, 'node_modules', '.cache', 'platform-terraform'),
): Promise<TerraformSetup | undefined> {
  // the discovery lives in an ES module; a child node reads it, so this also runs where only
  // CommonJS can be loaded (jest)
  const script = pathToFileURL(join(WORKSPACE_ROOT, 'tools', 'scripts', 'terraform-env.mjs')).href;
  const pluginCache = join(cacheDir, 'plugin-cache');
  // the same content in every run: written beside, then renamed over (atomic for concurrent runs)
  const config = join(cacheDir, 'terraform.rc');
  const probe = `import * as t from ${JSON.stringify(script)};
const version = t.terraformVersion();
const found = version ? t.findProviderMirror() : undefined;
console.log(JSON.stringify({ version: version ?? null, mirror: found?.path ?? null, providers: t.describeProviders(found), config: t.cliConfig(found, ${JSON.stringify(pluginCache)}), env: t.terraformProcessEnv(${JSON.stringify(config)}, {}) }));`;
  const discovery = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }),
  ) as {
    version: string | null;
    mirror: string | null;
    providers: string;
    config: string;
    env: Record<string, string>;
  };
  if (!discovery.version) return undefined;
  mkdirSync(pluginCache, { recursive: true });
  writeFileSync(`${config}.${process.pid}`, discovery.config);
  renameSync(`${config}.${process.pid}`, config);
  return {
    version: discovery.version,
    mirror: discovery.mirror ?? undefined,
    providers: discovery.providers,
    pluginCache,
    env: { ...process.env, ...discovery.env },
  };
}

/** The result of one terraform command. */
export interface TerraformResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs terraform in `cwd`; never throws for a non-zero exit (the caller reads `code`). */
export function terraform(
  setup: TerraformSetup,
  cwd: string,
  args: readonly string[],
): Promise<TerraformResult> {
  return new Promise((done) => {
    execFile(
      'terraform',
      [...args],
      { cwd, env: setup.env, maxBuffer: 512 << 20, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code =
          error && typeof (error as { code?: unknown }).code === 'number'
            ? (error as { code: number }).code
            : error
              ? 1
              : 0;
        done({
          code,
          stdout,
          stderr: stderr || (error && code === 1 && !stderr ? error.message : ''),
        });
      },
    );
  });
}

/**
 * Runs `init` in `cwd`. The first init on an empty plugin cache runs alone (a lock folder beside
 * the cache): concurrent first inits race to fill it and fail with "file exists".
 */
export async function init(setup: TerraformSetup, cwd: string): Promise<TerraformResult> {
  const args = ['init', '-input=false', '-no-color'];
  if (hasProvider(setup.pluginCache)) return terraform(setup, cwd, args);
  const lock = `${setup.pluginCache}.lock`;
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (hasProvider(setup.pluginCache) || waited > 180_000) return terraform(setup, cwd, args);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await terraform(setup, cwd, args);
  } finally {
    rmdirSync(lock);
  }
}

function hasProvider(cache: string): boolean {
  return existsSync(join(cache, 'registry.terraform.io', 'hashicorp', 'aws'));
}

/** The first error block of terraform's output, as a few readable lines. */
export function firstError(result: TerraformResult, lines = 12): string {
  const text = `${result.stderr}\n${result.stdout}`.replace(/\r/g, '');
  const start = text.search(/Error: /);
  return (start >= 0 ? text.slice(start) : text.trim())
    .split('\n')
    .map((l) => l.replace(/^[│╷╵]\s?/, ''))
    .filter(
      (l) =>
        l.trim() !== '' && !/(Reading\.\.\.|Read complete after|Refreshing state\.\.\.)/.test(l),
    )
    .slice(0, lines)
    .join('\n');
}
