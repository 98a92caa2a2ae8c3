// Provider schemas as `terraform providers schema -json` prints them: the types that decide
// what a placeholder for an unknown value looks like.

/** A cty type in terraform's JSON notation: "string", ["list", "string"], ["object", {...}]. */
export type CtyType = string | [string, unknown] | [string, unknown, unknown];

/** An attribute of a block. */
export interface SchemaAttribute {
  readonly type?: CtyType;
  readonly nested_type?: {
    readonly attributes: Record<string, SchemaAttribute>;
    readonly nesting_mode: 'single' | 'list' | 'set' | 'map';
  };
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
}

/** A block: its attributes and nested block types. */
export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<
    string,
    {
      readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
      readonly block: SchemaBlock;
      readonly min_items?: number;
      readonly max_items?: number;
    }
  >;
}

/** One provider's schema. */
export interface ProviderSchema {
  readonly resource_schemas?: Record<
    string,
    { readonly version: number; readonly block: SchemaBlock }
  >;
  readonly data_source_schemas?: Record<
    string,
    { readonly version: number; readonly block: SchemaBlock }
  >;
}

/** `terraform providers schema -json`. */
export interface ProviderSchemas {
  readonly format_version: string;
  readonly provider_schemas: Record<string, ProviderSchema>;
}

/** A node of a resource's schema tree, located by walking a value path. */
export type SchemaNode =
  | { readonly kind: 'block'; readonly block: SchemaBlock }
  | { readonly kind: 'type'; readonly type: CtyType }
  | { readonly kind: 'nested'; readonly attribute: SchemaAttribute }
  | { readonly kind: 'unknown' };

/** The schema of one resource type, or undefined when the provider does not have it. */
export function resourceSchema(
  schemas: ProviderSchemas,
  providerName: string,
  type: string,
): { readonly version: number; readonly block: SchemaBlock } | undefined {
  return schemas.provider_schemas[providerName]?.resource_schemas?.[type];
}

/** The schema node of a block's child `key`. */
export function childOf(node: SchemaNode, key: string | number): SchemaNode {
  switch (node.kind) {
    case 'block': {
      const attribute = node.block.attributes?.[String(key)];
      if (attribute?.nested_type) return { kind: 'nested', attribute };
      if (attribute?.type !== undefined) return { kind: 'type', type: attribute.type };
      const nested = node.block.block_types?.[String(key)];
      if (!nested) return { kind: 'unknown' };
      // list, set and map blocks hold elements; single and group blocks are the block itself
      return nested.nesting_mode === 'single' || nested.nesting_mode === 'group'
        ? { kind: 'block', block: nested.block }
        : { kind: 'type', type: ['__blocks', nested.block] };
    }
    case 'nested': {
      const nested = node.attribute.nested_type!;
      const block: SchemaBlock = { attributes: nested.attributes };
      if (nested.nesting_mode === 'single') return childOf({ kind: 'block', block }, key);
      return typeof key === 'number' || nested.nesting_mode === 'map'
        ? { kind: 'block', block }
        : { kind: 'unknown' };
    }
    case 'type': {
      const type = node.type;
      if (!Array.isArray(type)) return { kind: 'unknown' };
      const [kind, inner] = type;
      if (kind === '__blocks') return { kind: 'block', block: inner as SchemaBlock };
      if (kind === 'list' || kind === 'set' || kind === 'map')
        return { kind: 'type', type: inner as CtyType };
      if (kind === 'object') {
        const member = (inner as Record<string, CtyType>)[String(key)];
        return member === undefined ? { kind: 'unknown' } : { kind: 'type', type: member };
      }
      if (kind === 'tuple') {
        const member = (inner as CtyType[])[Number(key)];
        return member === undefined ? { kind: 'unknown' } : { kind: 'type', type: member };
      }
      return { kind: 'unknown' };
    }
    default:
      return { kind: 'unknown' };
  }
}
