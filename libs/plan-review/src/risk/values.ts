import { isObject } from '../plan/json';
import type { Json, JsonObject } from '../plan/types';

/** The value at a path of object keys and list indexes, or undefined. */
export function at(value: Json | undefined, ...path: (string | number)[]): Json | undefined {
  let current = value;
  for (const step of path) {
    if (Array.isArray(current) && typeof step === 'number') current = current[step];
    else if (isObject(current) && typeof step === 'string') current = current[step];
    else return undefined;
  }
  return current;
}

/** The objects of a nested block (terraform gives blocks as lists of objects). */
export function blocks(value: Json | undefined, key: string): JsonObject[] {
  const list = at(value, key);
  return Array.isArray(list) ? list.filter(isObject) : [];
}

/** The strings of a list (or a single string), else none. */
export function strings(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** True when the value is set: not null, not false, not "", not an empty list or object. */
export function isSet(value: Json | undefined): boolean {
  if (value === undefined || value === null || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}
