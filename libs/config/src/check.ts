import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environmentProblems } from './load';

/**
 * Validates environment files held in memory (e.g. a generator's virtual tree) exactly as synth
 * would: the same schema, the same cross-file rules. Does not throw.
 *
 * @param files file name (`dev.yaml`) → YAML text, every environment of the workspace
 * @returns one line per problem, `<file name> <field>: <message>`; empty when all are valid
 */
export function environmentTextProblems(files: Readonly<Record<string, string>>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'platform-check-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    // Cross-file problems name the other file by path: show the file name alone.
    return environmentProblems(dir).map((p) => p.split(`${dir}/`).join(''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
