import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { compareText } from '../plan/compare';

/** The file cdktf synthesizes per stack. */
export const SYNTH_FILE = 'cdk.tf.json';

const SKIPPED_DIRS = new Set(['node_modules', '.terraform', '.git']);

/**
 * Finds every `cdk.tf.json` below a folder (e.g. `cdktf.out/stacks/<stack>/cdk.tf.json`) and names
 * each stack after its parent folder; two stacks with the same folder name keep their relative path.
 */
export function findSynthStacks(root: string): Map<string, string> {
  const files: string[] = [];
  walk(root, files, root);
  files.sort(compareText);
  const byName = new Map<string, string[]>();
  for (const file of files) {
    const name = path.basename(path.dirname(file));
    byName.set(name, [...(byName.get(name) ?? []), file]);
  }
  const stacks = new Map<string, string>();
  for (const [name, group] of byName) {
    for (const file of group) {
      const key =
        group.length === 1
          ? name
          : path.relative(root, path.dirname(file)).split(path.sep).join('/');
      stacks.set(key, file);
    }
  }
  return stacks;
}

function walk(dir: string, out: string[], root: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(
      `${dir === root ? dir : path.relative(root, dir)}: cannot read the folder (${code})`,
    );
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(full, out, root);
    else if (entry.isFile() && entry.name === SYNTH_FILE) out.push(full);
  }
}
