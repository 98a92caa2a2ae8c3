// How terraform runs on any machine: the binary from PATH, no telemetry, and providers from a
// local filesystem mirror when one exists ($TF_PLUGIN_MIRROR, terraform's own implicit mirror
// folders, or a shallow search), otherwise from the registry as usual.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const REGISTRY_DIR = 'registry.terraform.io';
const SKIP = new Set([
  'proc',
  'sys',
  'dev',
  'run',
  'tmp',
  'var',
  'node_modules',
  '.git',
  'snap',
  'boot',
  'lib',
  'lib64',
  'bin',
  'sbin',
  'etc',
]);

/** The terraform version line, or undefined when terraform is not on PATH. */
export function terraformVersion() {
  try {
    return execFileSync('terraform', ['version'], {
      encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '' },
    }).split('\n')[0];
  } catch {
    return undefined;
  }
}

/** A folder holding registry.terraform.io/hashicorp/aws, or undefined. */
export function findProviderMirror() {
  const fromEnv = process.env.TF_PLUGIN_MIRROR;
  if (fromEnv) {
    if (!existsSync(join(fromEnv, REGISTRY_DIR))) {
      throw new Error(`TF_PLUGIN_MIRROR=${fromEnv} has no ${REGISTRY_DIR} folder`);
    }
    return fromEnv;
  }
  // terraform's own implicit local mirror folders first
  const implicit = [
    join(homedir(), '.terraform.d', 'plugins'),
    join(homedir(), '.local', 'share', 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
  ];
  for (const dir of implicit) if (hasAws(dir)) return dir;
  return search('/', 0);
}

function hasAws(dir) {
  return existsSync(join(dir, REGISTRY_DIR, 'hashicorp', 'aws'));
}

function search(dir, depth) {
  if (depth > 3) return undefined;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  if (entries.some((e) => e.name === REGISTRY_DIR && e.isDirectory()) && hasAws(dir)) return dir;
  for (const entry of entries) {
    if (!entry.isDirectory() || SKIP.has(entry.name) || (depth === 0 && entry.name === 'root'))
      continue;
    const found = search(join(dir, entry.name), depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Environment variables for running terraform: a CLI config written into `workDir` (the
 * machine's TF_CLI_CONFIG_FILE may point at a file that does not exist), a shared plugin
 * cache, and no update checks.
 */
export function terraformEnv(workDir) {
  mkdirSync(workDir, { recursive: true });
  const mirror = findProviderMirror();
  const cacheDir = join(workDir, 'plugin-cache');
  mkdirSync(cacheDir, { recursive: true });
  const installation = mirror
    ? `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`
    : '';
  const config = join(workDir, 'terraform.rc');
  writeFileSync(config, `plugin_cache_dir = ${JSON.stringify(cacheDir)}\n${installation}`);
  return {
    mirror,
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: '1',
      TF_CLI_CONFIG_FILE: config,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: '1',
    },
  };
}

export function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
