import { SENSITIVE } from '../sensitive/scrubber';
import { isMarked, redact, subMap, type SensitivityMap } from '../sensitive/sensitivity';
import { formatPath } from './paths';
import { formatValue, KNOWN_AFTER_APPLY } from './format-value';
import { childOf, isContainer, jsonEqual, keysOf } from './json';
import type { Json, PathStep, TfChange } from './types';

/** One changed attribute, with display-safe values (sensitive ones already masked). */
export interface AttributeChange {
  /** Flattened path, e.g. `tags.Name` or `ingress[0].cidr_blocks`. */
  readonly path: string;
  /** The value before, absent when the attribute did not exist or was null. */
  readonly before?: string;
  /** The value after, `(known after apply)` when unknown, absent when removed or null. */
  readonly after?: string;
}

interface Node {
  readonly path: PathStep[];
  readonly before: Json | undefined;
  readonly after: Json | undefined;
  readonly unknown: Json | undefined;
  readonly beforeSensitive: SensitivityMap;
  readonly afterSensitive: SensitivityMap;
}

/**
 * Lists the attribute paths whose value differs between `before` and `after`, flattening nested
 * objects and lists. A value under a sensitive path reads `(sensitive)` and its children (even
 * map keys) are not listed; an unknown value reads `(known after apply)`.
 */
export function changedAttributes(change: TfChange): AttributeChange[] {
  const out: AttributeChange[] = [];
  walk(
    {
      path: [],
      before: change.before,
      after: change.after,
      unknown: change.after_unknown,
      beforeSensitive: change.before_sensitive,
      afterSensitive: change.after_sensitive,
    },
    out,
  );
  return out;
}

function walk(node: Node, out: AttributeChange[]): void {
  const unknown = node.unknown === true;
  if (isMarked(node.beforeSensitive) || isMarked(node.afterSensitive)) {
    if (unknown || !jsonEqual(node.before, node.after)) {
      out.push(entry(node.path, mask(node.before), unknown ? KNOWN_AFTER_APPLY : mask(node.after)));
    }
    return;
  }
  if (unknown) {
    out.push(entry(node.path, show(node.before, node.beforeSensitive), KNOWN_AFTER_APPLY));
    return;
  }
  const descend = isContainer(node.before) || isContainer(node.after) || isContainer(node.unknown);
  const leafOnOneSide =
    (node.before !== undefined && node.before !== null && !isContainer(node.before)) ||
    (node.after !== undefined && node.after !== null && !isContainer(node.after));
  if (descend && !leafOnOneSide && !mixedKinds(node.before, node.after)) {
    const keys = new Set([...keysOf(node.before), ...keysOf(node.after), ...keysOf(node.unknown)]);
    for (const key of keys) walk(child(node, key), out);
    return;
  }
  if (!jsonEqual(node.before, node.after)) {
    out.push(
      entry(
        node.path,
        show(node.before, node.beforeSensitive),
        show(node.after, node.afterSensitive),
      ),
    );
  }
}

function child(node: Node, key: PathStep): Node {
  return {
    path: [...node.path, key],
    before: childOf(node.before, key),
    after: childOf(node.after, key),
    unknown: childOf(node.unknown, key),
    beforeSensitive: subMap(node.beforeSensitive, key),
    afterSensitive: subMap(node.afterSensitive, key),
  };
}

function mixedKinds(a: Json | undefined, b: Json | undefined): boolean {
  return isContainer(a) && isContainer(b) && Array.isArray(a) !== Array.isArray(b);
}

function mask(value: Json | undefined): string | undefined {
  return value === undefined || value === null ? undefined : SENSITIVE;
}

function show(value: Json | undefined, sensitivity: SensitivityMap): string | undefined {
  return value === undefined || value === null
    ? undefined
    : formatValue(redact(value, sensitivity));
}

function entry(
  path: PathStep[],
  before: string | undefined,
  after: string | undefined,
): AttributeChange {
  return {
    path: path.length === 0 ? '(value)' : formatPath(path),
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}
