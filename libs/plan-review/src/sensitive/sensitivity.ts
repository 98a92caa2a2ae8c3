import { childOf } from '../plan/json';
import type { Json, PathStep } from '../plan/types';
import { SENSITIVE } from './scrubber';

/**
 * A sensitivity map as terraform writes it (`before_sensitive`, `after_sensitive`,
 * `sensitive_values`): `true` marks everything below as sensitive, an object or array of
 * booleans marks parts, anything else (false, missing) marks nothing.
 */
export type SensitivityMap = Json | undefined;

/** True when the map marks this exact node (or one of its ancestors, already walked) sensitive. */
export function isMarked(map: SensitivityMap): boolean {
  return map === true;
}

/** The part of a sensitivity map below one path step; `true` stays `true`. */
export function subMap(map: SensitivityMap, step: PathStep): SensitivityMap {
  if (map === true) return true;
  return childOf(map, step);
}

/** A copy of `value` with every part the map marks sensitive replaced by `(sensitive)`. */
export function redact(value: Json | undefined, map: SensitivityMap): Json | undefined {
  if (value === undefined || value === null) return value;
  if (map === true) return SENSITIVE;
  if (typeof value !== 'object' || typeof map !== 'object' || map === null) return value;
  if (Array.isArray(value)) return value.map((item, i) => redact(item, childOf(map, i)) ?? null);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redact(item, childOf(map, key)) ?? null]),
  );
}
