import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Document, parseDocument } from 'yaml';

/**
 * Copies an environments folder to a scratch folder and applies `edit` to the YAML documents
 * (by environment name) in place, keeping comments and order. Used by tests of bad input and
 * by the benchmark's generated environments.
 *
 * @returns the scratch folder
 */
export function copyEnvironments(
  from: string,
  edit: (docs: Record<string, Document>) => void,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'platform-envs-'));
  cpSync(from, dir, { recursive: true });
  const docs = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f.replace(/\.yaml$/, ''), parseDocument(readFileSync(join(dir, f), 'utf8'))]),
  );
  edit(docs);
  for (const [name, doc] of Object.entries(docs))
    writeFileSync(join(dir, `${name}.yaml`), doc.toString());
  return dir;
}
