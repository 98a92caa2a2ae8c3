// How terraform runs on any machine: the binary from PATH, no telemetry, and providers from a
// local filesystem mirror when one exists ($TF_PLUGIN_MIRROR, terraform's own implicit mirror
// folders, or a bounded search of the file system), otherwise from the registry as usual.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const REGISTRY_DIR = 'registry.terraform.io';
/** Folder levels below the root the search looks into (a mirror at /<top>/<name> is level 1). */
const SEARCH_DEPTH = 3;
/** Folders the search never enters: system, temporary and dependency trees. */
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

/**
 * The local provider mirror: a folder holding registry.terraform.io/hashicorp/aws, and how it was
 * found, or undefined when the machine has none. In order: $TF_PLUGIN_MIRROR (an error when it
 * holds no registry.terraform.io folder), terraform's own implicit mirror folders, then a search
 * of the file system `SEARCH_DEPTH` folders deep that skips system and dependency trees (CI
 * images keep their mirror in a folder of their own).
 *
 * @param options.env environment to read TF_PLUGIN_MIRROR from @default process.env
 * @param options.home the user's home folder @default os.homedir()
 * @param options.root where the implicit system folders and the search start @default "/"
 * @returns `{ path, source }`, source saying where it came from, for the log
 */
export function findProviderMirror({ env = process.env, home = homedir(), root = '/' } = {}) {
  const fromEnv = env.TF_PLUGIN_MIRROR;
  if (fromEnv) {
    if (!existsSync(join(fromEnv, REGISTRY_DIR))) {
      throw new Error(`TF_PLUGIN_MIRROR=${fromEnv} has no ${REGISTRY_DIR} folder`);
    }
    return { path: fromEnv, source: '$TF_PLUGIN_MIRROR' };
  }
  // terraform's own implicit local mirror folders first
  const implicit = [
    join(home, '.terraform.d', 'plugins'),
    join(home, '.local', 'share', 'terraform', 'plugins'),
    join(root, 'usr', 'local', 'share', 'terraform', 'plugins'),
    join(root, 'usr', 'share', 'terraform', 'plugins'),
  ];
  for (const dir of implicit) {
    if (hasAws(dir)) return { path: dir, source: "terraform's implicit mirror folder" };
  }
  const found = search(root, 0);
  return found
    ? { path: found, source: `a search of ${root} ${SEARCH_DEPTH} folders deep` }
    : undefined;
}

function hasAws(dir) {
  return existsSync(join(dir, REGISTRY_DIR, 'hashicorp', 'aws'));
}

/** Depth-first, sorted (the same machine finds the same mirror); symbolic links are not followed. */
function search(dir, depth) {
  if (depth > SEARCH_DEPTH) return undefined;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  } catch {
    return undefined;
  }
  if (entries.some((e) => e.name === REGISTRY_DIR) && hasAws(dir)) return dir;
  for (const entry of entries) {
    if (!entry.isDirectory() || SKIP.has(entry.name) || (depth === 0 && entry.name === 'root'))
      continue;
    const found = search(join(dir, entry.name), depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Where terraform gets its providers, for the log: the mirror's path and how it was found. */
export function describeProviders(mirror) {
  return mirror
    ? `providers from the local mirror ${mirror.path} (offline; found through ${mirror.source})`
    : 'providers from the registry (no local mirror found)';
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
  const config = join(workDir, 'terraform.rc');
  writeFileSync(config, cliConfig(mirror, cacheDir));
  return { mirror, providers: describeProviders(mirror), env: terraformProcessEnv(config) };
}

/**
 * The providers a mirror holds, as `registry.terraform.io/<namespace>/<type>` (sorted); the
 * hashicorp namespace as a whole when the folder cannot be read.
 */
export function mirroredProviders(mirrorPath) {
  try {
    const registry = join(mirrorPath, REGISTRY_DIR);
    const found = readdirSync(registry, { withFileTypes: true })
      .filter((namespace) => namespace.isDirectory())
      .flatMap((namespace) =>
        readdirSync(join(registry, namespace.name), { withFileTypes: true })
          .filter((type) => type.isDirectory())
          .map((type) => `${REGISTRY_DIR}/${namespace.name}/${type.name}`),
      )
      .sort();
    return found.length > 0 ? found : [`${REGISTRY_DIR}/hashicorp/*`];
  } catch {
    return [`${REGISTRY_DIR}/hashicorp/*`];
  }
}

/**
 * The CLI configuration: a shared plugin cache, and the mirror (when found) for exactly the
 * providers it holds; any other provider (google on a machine that mirrors only aws) comes from
 * the registry, so it installs wherever there is a network and fails fast where there is none.
 */
export function cliConfig(mirror, cacheDir) {
  const held = mirror ? JSON.stringify(mirroredProviders(mirror.path)).replace(/","/g, '", "') : '';
  const installation = mirror
    ? `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror.path)}\n    include = ${held}\n  }\n  direct {\n    exclude = ${held}\n  }\n}\n`
    : '';
  return `plugin_cache_dir = ${JSON.stringify(cacheDir)}\n${installation}`;
}

/** The environment terraform runs in: the given CLI configuration, no update checks, no prompts. */
export function terraformProcessEnv(config, base = process.env) {
  return {
    ...base,
    CHECKPOINT_DISABLE: '1',
    TF_CLI_CONFIG_FILE: config,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: '1',
  };
}
