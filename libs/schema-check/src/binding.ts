// A provider configuration block's schema, read from a cdktf provider binding instead of the
// provider binary: the keys the binding can emit, with the types it declares for them. Used where
// the provider's own schema is not at hand (the google schema on these machines has no provider
// block). Weaker than the provider's schema: it says nothing of required keys or block counts.
import type { CtyType, SchemaAttribute, SchemaBlock, SchemaBlockType } from './schema';

/** One entry of a binding's `synthesizeHclAttributes()`. */
export interface HclAttribute {
  readonly value: unknown;
  readonly isBlock: boolean;
  /** `simple`, `list`, `set`, `map` or `struct`. */
  readonly type: string;
  /** `string`, `boolean`, `number`, `stringList`, `stringMap`, … or the nested block's class. */
  readonly storageClassType: string;
}

/** What the binding needs: build a provider from a config object, read its HCL attributes. */
export type BindingFactory = (config: object) => {
  synthesizeHclAttributes(): Record<string, HclAttribute>;
};

const SCALARS: Readonly<Record<string, CtyType>> = {
  string: 'string',
  number: 'number',
  boolean: 'bool',
  stringList: ['list', 'string'],
  numberList: ['list', 'number'],
  booleanList: ['list', 'bool'],
  stringMap: ['map', 'string'],
  numberMap: ['map', 'number'],
  booleanMap: ['map', 'bool'],
};

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A config object whose every property reads `value` (the `blocks` properties: one nested block). */
function probe(value: unknown, blocks: ReadonlySet<string> = new Set()): object {
  const nested = probe.bind(undefined, value, new Set());
  return new Proxy(
    {},
    {
      get: (_, property) =>
        typeof property !== 'string' ? undefined : blocks.has(property) ? [nested()] : value,
    },
  );
}

/**
 * The configuration block a binding can emit: every attribute with its declared type, every
 * nested block (nesting `list`/`set`/`single`, one level deep, without min/max counts: the
 * binding does not say).
 *
 * @param create builds the binding's provider from a config object, e.g.
 *   `(config) => new GoogleProvider(new TerraformStack(new App(), 's'), 'google', config)`
 */
export function providerBlockFromBinding(create: BindingFactory): SchemaBlock {
  // every property set: the binding emits every key it knows, with its kind
  const first = create(probe('x')).synthesizeHclAttributes();
  const blockKeys = Object.entries(first)
    .filter(([, a]) => a.isBlock)
    .map(([name]) => name);
  // once more with one nested block per block key, to read the nested blocks' own keys
  const second = create(probe('x', new Set(blockKeys.map(camel)))).synthesizeHclAttributes();
  const attributes: Record<string, SchemaAttribute> = {};
  const blockTypes: Record<string, SchemaBlockType> = {};
  for (const [name, attribute] of Object.entries(second).sort(([a], [b]) => a.localeCompare(b))) {
    if (attribute.isBlock) {
      const element = (Array.isArray(attribute.value) ? attribute.value[0] : attribute.value) as
        Record<string, HclAttribute> | undefined;
      blockTypes[name] = {
        nesting_mode:
          attribute.type === 'set' ? 'set' : attribute.type === 'struct' ? 'single' : 'list',
        block: { attributes: scalarAttributes(element ?? {}) },
      };
    } else {
      attributes[name] = { type: SCALARS[attribute.storageClassType] ?? 'dynamic', optional: true };
    }
  }
  return { attributes, block_types: blockTypes };
}

function scalarAttributes(attrs: Record<string, HclAttribute>): Record<string, SchemaAttribute> {
  return Object.fromEntries(
    Object.entries(attrs)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, a]) => [
        name,
        { type: SCALARS[a.storageClassType] ?? 'dynamic', optional: true },
      ]),
  );
}
