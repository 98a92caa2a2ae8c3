import { posix } from 'node:path';

/** Where synth writes an app's stacks, relative to the workspace root. */
export function synthOutputDir(family: string): string {
  return posix.join('dist', 'apps', family);
}

/** Where the bootstrap stacks keep their local state (gitignored), relative to the workspace root. */
export const BOOTSTRAP_STATE_DIR = 'apps/bootstrap/state';

/**
 * The bootstrap stack's local state file, relative to the stack's synthesized folder
 * (dist/apps/bootstrap/stacks/<stack>), so the configuration is the same on every machine and
 * the state survives a new synth, which replaces that folder.
 */
export function bootstrapLocalStatePath(stack: string): string {
  const stackDir = posix.join(synthOutputDir('bootstrap'), 'stacks', stack);
  return posix.relative(stackDir, posix.join(BOOTSTRAP_STATE_DIR, `${stack}.tfstate`));
}
