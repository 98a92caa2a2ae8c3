import { environmentTextProblems } from '@platform/config';
import { type Tree, joinPathFragments } from '@nx/devkit';
import { type Document, parseDocument } from 'yaml';

/** The folder of the environment files, relative to the workspace root. */
export const ENVIRONMENTS_DIR = 'environments';

/** One environment file of the tree, parsed with its comments. */
export interface EnvironmentFile {
  /** Environment name (the file name without .yaml). */
  readonly name: string;
  /** Path in the tree, e.g. environments/dev.yaml. */
  readonly path: string;
  /** The YAML document: edit it in place, comments and order survive. */
  readonly doc: Document;
}

/** The path of an environment's file. */
export const environmentPath = (name: string) =>
  joinPathFragments(ENVIRONMENTS_DIR, `${name}.yaml`);

/** Every environment file of the tree, in promotion order (deployOrder). */
export function readEnvironments(tree: Tree): EnvironmentFile[] {
  if (!tree.exists(ENVIRONMENTS_DIR)) return [];
  return tree
    .children(ENVIRONMENTS_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const path = joinPathFragments(ENVIRONMENTS_DIR, file);
      const doc = parseDocument(tree.read(path, 'utf8') ?? '');
      return { name: file.slice(0, -'.yaml'.length), path, doc };
    })
    .sort((a, b) => Number(a.doc.get('deployOrder')) - Number(b.doc.get('deployOrder')));
}

/**
 * Validates the environments as they would be after writing `changed` (path → YAML text), with
 * the real schema and cross-file rules of @platform/config.
 *
 * @throws Error listing every problem, so the generator writes nothing
 */
export function assertValid(
  tree: Tree,
  changed: Readonly<Record<string, string>>,
  what: string,
): void {
  const files: Record<string, string> = {};
  for (const env of readEnvironments(tree))
    files[`${env.name}.yaml`] = tree.read(env.path, 'utf8') ?? '';
  for (const [path, text] of Object.entries(changed)) files[path.split('/').pop() ?? path] = text;
  const problems = environmentTextProblems(files);
  if (problems.length > 0) {
    throw new Error(
      `${what} would make the environment files invalid, nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
}

/** Splits a comma-separated option ("dev,staging") into trimmed, non-empty values. */
export function splitList(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const parts = Array.isArray(value) ? value : String(value).split(',');
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
