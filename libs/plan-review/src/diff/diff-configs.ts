import { changedAttributes, type AttributeChange } from '../plan/attribute-diff';
import { compareText } from '../plan/compare';
import { jsonEqual } from '../plan/json';
import type { ConfigItem } from './config-items';
import { configSensitivity } from './config-sensitivity';

/** A resource or data source that disappeared while one of the same type and body appeared. */
export interface Rename {
  readonly from: string;
  readonly to: string;
  /** True when a `moved` block in HEAD covers it, so terraform moves instead of replacing. */
  readonly movedBlock: boolean;
}

/** The differences inside one stack present on both sides. */
export interface StackDiff {
  readonly stack: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly {
    readonly address: string;
    readonly changes: readonly AttributeChange[];
  }[];
  readonly renames: readonly Rename[];
}

/** Compares the items of one stack, BASE -> HEAD. */
export function diffStack(
  stack: string,
  base: Map<string, ConfigItem>,
  head: Map<string, ConfigItem>,
): StackDiff {
  const added = [...head.keys()].filter((a) => !base.has(a)).sort(compareText);
  const removed = [...base.keys()].filter((a) => !head.has(a)).sort(compareText);
  const changed = [...head.keys()]
    .filter((a) => base.has(a))
    .sort(compareText)
    .map((address) => ({
      address,
      changes: itemChanges(base.get(address) as ConfigItem, head.get(address) as ConfigItem),
    }))
    .filter((c) => c.changes.length > 0);
  const renames = findRenames(
    removed.map((a) => base.get(a) as ConfigItem),
    added.map((a) => head.get(a) as ConfigItem),
    head,
  );
  const status = added.length + removed.length + changed.length > 0 ? 'changed' : 'unchanged';
  return { stack, status, added, removed, changed, renames };
}

/** A stack present on one side only: everything in it is added or removed. */
export function wholeStack(
  stack: string,
  items: Map<string, ConfigItem>,
  status: 'added' | 'removed',
): StackDiff {
  const addresses = [...items.keys()].sort(compareText);
  return {
    stack,
    status,
    added: status === 'added' ? addresses : [],
    removed: status === 'removed' ? addresses : [],
    changed: [],
    renames: [],
  };
}

function itemChanges(before: ConfigItem, after: ConfigItem): AttributeChange[] {
  if (jsonEqual(before.body, after.body)) return [];
  return changedAttributes({
    actions: ['update'],
    before: before.body,
    after: after.body,
    before_sensitive: configSensitivity(before),
    after_sensitive: configSensitivity(after),
  });
}

function findRenames(
  removed: ConfigItem[],
  added: ConfigItem[],
  head: Map<string, ConfigItem>,
): Rename[] {
  const moved = new Set(
    [...head.values()]
      .filter((i) => i.block === 'moved')
      .map((i) => i.address.replace(/^moved: /, '')),
  );
  const renames: Rename[] = [];
  const taken = new Set<string>();
  for (const old of removed) {
    if (!old.type) continue;
    const target =
      added.find(
        (a) =>
          a.type === old.type &&
          !taken.has(a.address) &&
          moved.has(`${old.address} -> ${a.address}`),
      ) ??
      added.find(
        (a) => a.type === old.type && !taken.has(a.address) && jsonEqual(a.body, old.body),
      );
    if (!target) continue;
    taken.add(target.address);
    renames.push({
      from: old.address,
      to: target.address,
      movedBlock: moved.has(`${old.address} -> ${target.address}`),
    });
  }
  return renames;
}
