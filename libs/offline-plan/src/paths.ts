// Walking JSON values and terraform's marker trees (after_unknown, after_sensitive) by path.
import type { Json, Marks } from './plan-json';

/** A path into a value: object keys and list indexes. */
export type ValuePath = readonly (string | number)[];

/** Every path a marker tree marks `true`, outermost first (a marked subtree is one path). */
export function markedPaths(marks: Marks | undefined, prefix: ValuePath = []): ValuePath[] {
  if (marks === true) return [prefix];
  if (Array.isArray(marks)) return marks.flatMap((m, i) => markedPaths(m, [...prefix, i]));
  if (marks && typeof marks === 'object')
    return Object.entries(marks).flatMap(([k, m]) => markedPaths(m, [...prefix, k]));
  return [];
}

/** Whether any part of the value at `path` is marked (the path, an ancestor or a descendant). */
export function isMarked(marks: Marks | undefined, path: ValuePath): boolean {
  let node: Marks | undefined = marks;
  for (const key of path) {
    if (node === true) return true;
    if (node === undefined || node === false || node === null) return false;
    node = (node as Record<string | number, Marks>)[key as never];
  }
  return markedPaths(node).length > 0;
}

/** The value at `path`, or undefined where the path does not exist. */
export function getAt(value: Json | undefined, path: ValuePath): Json | undefined {
  let node: Json | undefined = value;
  for (const key of path) {
    if (node === null || node === undefined || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, Json>)[key as never];
  }
  return node;
}

/** Sets the value at `path`, creating objects and lists on the way. */
export function setAt(root: { [key: string]: Json }, path: ValuePath, value: Json): void {
  if (path.length === 0) throw new Error('setAt: empty path');
  let node: Json = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const container = node as Record<string | number, Json>;
    let next = container[key as never];
    if (next === null || next === undefined || typeof next !== 'object') {
      next = typeof path[i + 1] === 'number' ? [] : {};
      container[key as never] = next;
    }
    node = next;
  }
  (node as Record<string | number, Json>)[path[path.length - 1] as never] = value;
}

/** A deep copy of a JSON value. */
export function clone<T extends Json>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The path as terraform prints it: `tags["Name"]`, `rule[0].action`. */
export function formatPath(path: ValuePath): string {
  return path
    .map((key, i) =>
      typeof key === 'number'
        ? `[${key}]`
        : /^[a-z_][a-z0-9_]*$/i.test(key)
          ? `${i ? '.' : ''}${key}`
          : `["${key}"]`,
    )
    .join('');
}
