// Whether a value of terraform's JSON syntax converts to a cty type, as terraform's own
// conversion decides (measured against `terraform validate` in src/e2e): strings are templates;
// numbers and bools convert to strings; "true"/"false"/"1"/"0" to bools; numeric strings to
// numbers; arrays to lists, sets and tuples; objects to maps and objects.
import { stringKind } from './expressions';
import { type CtyType, typeName } from './schema';

/** One place where a value does not fit its type: a path below the value, and why. */
export interface TypeProblem {
  /** Path segments below the checked value: attribute names and `[0]` / `["key"]` selectors. */
  readonly path: readonly string[];
  readonly message: string;
  /** `unknown-attribute` for a key an object type does not have, else `wrong-type`. */
  readonly kind: 'wrong-type' | 'unknown-attribute';
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const BOOL = new Set(['true', 'false', '1', '0']);

/** Selector of a list element or map key in a path. */
export const index = (i: number): string => `[${i}]`;
export const key = (k: string): string => `[${JSON.stringify(k)}]`;

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `string ${JSON.stringify(truncate(value))}`;
  return `${typeof value} ${String(value)}`;
}

const truncate = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}...` : text);

/**
 * The problems of `value` against `type` (empty when it converts). A whole-string expression
 * (`${...}`) fits any type; a template with text around interpolations is a string, so it fits
 * primitive types (converted once known) but not collections. An object type's unknown keys are
 * reported too, although terraform drops them silently (see README: stricter than terraform).
 */
export function checkType(
  value: unknown,
  type: CtyType,
  path: readonly string[] = [],
): TypeProblem[] {
  if (value === null || value === undefined || type === 'dynamic') return [];
  const wrong = (expected: string): TypeProblem[] => [
    { path, kind: 'wrong-type', message: `${expected} required, got ${describe(value)}` },
  ];
  if (typeof value === 'string') {
    const kind = stringKind(value);
    if (kind === 'expression') return [];
    if (kind === 'template') return typeof type === 'string' ? [] : wrong(typeName(type));
  }
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
          ? []
          : wrong('string');
      case 'number':
        return typeof value === 'number' || (typeof value === 'string' && NUMBER.test(value.trim()))
          ? []
          : wrong('number');
      case 'bool':
        return typeof value === 'boolean' || (typeof value === 'string' && BOOL.has(value))
          ? []
          : wrong('bool');
      default:
        return [];
    }
  }
  const [kind, inner] = type;
  switch (kind) {
    case 'list':
    case 'set':
      if (!Array.isArray(value)) return wrong(typeName(type));
      return value.flatMap((element, i) => checkType(element, inner, [...path, index(i)]));
    case 'tuple': {
      const members = inner as readonly CtyType[];
      if (!Array.isArray(value) || value.length !== members.length)
        return wrong(`tuple of ${members.length} element(s)`);
      return value.flatMap((element, i) =>
        checkType(element, members[i] ?? 'dynamic', [...path, index(i)]),
      );
    }
    case 'map':
      if (!isObject(value)) return wrong(typeName(type));
      return Object.entries(value).flatMap(([k, v]) => checkType(v, inner, [...path, key(k)]));
    case 'object': {
      if (!isObject(value)) return wrong('object');
      const attributes = inner as Readonly<Record<string, CtyType>>;
      const optional = new Set((type as readonly unknown[])[2] as readonly string[] | undefined);
      const problems: TypeProblem[] = [];
      const missing = Object.keys(attributes)
        .filter((name) => !(name in value) && !optional.has(name))
        .sort();
      if (missing.length > 0)
        problems.push({
          path,
          kind: 'wrong-type',
          message: `object attribute(s) ${missing.map((m) => `"${m}"`).join(', ')} required (null where unused)`,
        });
      for (const [name, member] of Object.entries(value)) {
        const memberType = attributes[name];
        if (memberType === undefined)
          problems.push({
            path: [...path, name],
            kind: 'unknown-attribute',
            message: `the object type has no attribute "${name}" (terraform drops it silently)`,
          });
        else problems.push(...checkType(member, memberType, [...path, name]));
      }
      return problems;
    }
    default:
      return [];
  }
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
