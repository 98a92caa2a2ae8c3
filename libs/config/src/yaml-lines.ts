import type { Document, LineCounter, Node } from 'yaml';
import { relative } from 'node:path';

/** A YAML file as parsed, with the positions its error messages need. */
export interface ParsedYaml {
  /** The file, relative to the working directory when possible. */
  readonly file: string;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** Line of the deepest node on `path` that exists in the document. */
export function lineOf(
  doc: Document,
  lines: LineCounter,
  path: readonly (string | number)[],
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
    if (node && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** A path relative to the working directory when it lies below it, else as given. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}
