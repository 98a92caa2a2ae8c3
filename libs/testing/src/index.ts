import { type Environment, loadEnvironments } from '@platform/config';
import { Testing, type TerraformStack } from 'cdktf';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/** The workspace's own environments folder. */
export const ENVIRONMENTS_DIR = join(__dirname, '..', '..', '..', 'environments');

let cached: Environment[] | undefined;

/** The example environments (dev, staging, prod), validated: tests run against the real files. */
export function environments(): Environment[] {
  cached ??= loadEnvironments(ENVIRONMENTS_DIR);
  return cached;
}

/** One example environment by name. */
export function environment(name: string): Environment {
  const found = environments().find((e) => e.name === name);
  if (!found) throw new Error(`no example environment "${name}"`);
  return found;
}

/** A synthesized stack: the cdk.tf.json content. */
export type StackJson = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  terraform?: Record<string, unknown>;
  provider?: Record<string, Record<string, unknown>[]>;
  output?: Record<string, Record<string, unknown>>;
};

/** Synthesizes one stack (aspects run, policy errors do not throw: use synthFamily for that). */
export function synthJson(stack: TerraformStack): StackJson {
  return JSON.parse(Testing.synth(stack)) as StackJson;
}

/** Every resource of one type in a synthesized stack. */
export function resourcesOf(json: StackJson, type: string): Record<string, unknown>[] {
  return Object.values(json.resource?.[type] ?? {});
}

/**
 * A scratch copy of the example environments with edits applied, for testing bad input.
 * `edit` receives each file's YAML document by environment name and changes it in place
 * (comments survive, as in the real files).
 */
export function editedEnvironments(
  edit: (docs: Record<string, ReturnType<typeof parseDocument>>) => void,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'platform-envs-'));
  cpSync(ENVIRONMENTS_DIR, dir, { recursive: true });
  const docs = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f.replace(/\.yaml$/, ''), parseDocument(readFileSync(join(dir, f), 'utf8'))]),
  );
  edit(docs);
  for (const [name, doc] of Object.entries(docs)) writeFileSync(join(dir, `${name}.yaml`), doc.toString());
  return dir;
}
