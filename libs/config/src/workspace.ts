import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The nearest folder at or above `from` that holds nx.json: the workspace root. */
export function findWorkspaceRoot(from: string = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json found at or above ${from}`);
    dir = parent;
  }
}

/**
 * The folder with the environment files: $PLATFORM_ENVIRONMENTS_DIR when set (tests, generated
 * workspaces), else `environments/` at the workspace root.
 */
export function environmentsDir(): string {
  return process.env['PLATFORM_ENVIRONMENTS_DIR']
    ? resolve(process.env['PLATFORM_ENVIRONMENTS_DIR'])
    : join(findWorkspaceRoot(), 'environments');
}
