import type { Json, JsonObject } from './types';

/** True for a JSON object (not null, not an array). */
export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a JSON object or array. */
export function isContainer(value: Json | undefined): value is JsonObject | Json[] {
  return typeof value === 'object' && value !== null;
}

/** The child of an object or array, or undefined. */
export function childOf(value: Json | undefined, key: string | number): Json | undefined {
  if (Array.isArray(value)) return typeof key === 'number' ? value[key] : undefined;
  if (isObject(value)) return typeof key === 'string' ? value[key] : undefined;
  return undefined;
}

/** Keys of an object or indexes of an array. */
export function keysOf(value: Json | undefined): (string | number)[] {
  if (Array.isArray(value)) return value.map((_, i) => i);
  if (isObject(value)) return Object.keys(value);
  return [];
}

/** Structural equality, treating a missing value like null (as terraform does). */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  const left = a ?? null;
  const right = b ?? null;
  if (left === right) return true;
  if (!isContainer(left) || !isContainer(right)) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const keys = new Set([...keysOf(left), ...keysOf(right)]);
  for (const key of keys) if (!jsonEqual(childOf(left, key), childOf(right, key))) return false;
  return true;
}

/** Every primitive leaf of a JSON value (strings, numbers, booleans). */
export function leaves(value: Json | undefined): (string | number | boolean)[] {
  if (value === undefined || value === null) return [];
  if (!isContainer(value)) return [value];
  return keysOf(value).flatMap((key) => leaves(childOf(value, key)));
}
