// Provider schemas as `terraform providers schema -json` prints them (format 1.0): the parts the
// checker reads. Descriptions and other documentation fields may be present; they are ignored.

/** A cty type in terraform's JSON notation: "string", ["list", "string"], ["object", {...}]. */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', CtyType]
  | readonly ['object', Readonly<Record<string, CtyType>>]
  | readonly ['object', Readonly<Record<string, CtyType>>, readonly string[]]
  | readonly ['tuple', readonly CtyType[]];

/** How nested attributes or blocks repeat. */
export type NestingMode = 'single' | 'group' | 'list' | 'set' | 'map';

/** An attribute of a block: a cty `type`, or (plugin protocol 6) a `nested_type` of attributes. */
export interface SchemaAttribute {
  readonly type?: CtyType;
  readonly nested_type?: {
    readonly attributes: Readonly<Record<string, SchemaAttribute>>;
    readonly nesting_mode: Exclude<NestingMode, 'group'>;
    readonly min_items?: number;
    readonly max_items?: number;
  };
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

/** A nested block type of a block. */
export interface SchemaBlockType {
  readonly nesting_mode: NestingMode;
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

/** A block: its attributes and nested block types. */
export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly block_types?: Readonly<Record<string, SchemaBlockType>>;
  readonly deprecated?: boolean;
}

/** A resource, data source or provider configuration schema. */
export interface SchemaEntry {
  readonly version?: number;
  readonly block: SchemaBlock;
}

/** One provider's schema. */
export interface ProviderSchema {
  /** The provider's own configuration block. */
  readonly provider?: SchemaEntry;
  readonly resource_schemas?: Readonly<Record<string, SchemaEntry>>;
  readonly data_source_schemas?: Readonly<Record<string, SchemaEntry>>;
}

/** `terraform providers schema -json`: provider schemas keyed by source address. */
export interface ProviderSchemas {
  readonly format_version: string;
  readonly provider_schemas: Readonly<Record<string, ProviderSchema>>;
}

/**
 * A provider source as terraform writes it in schema documents: `google` and `hashicorp/google`
 * become `registry.terraform.io/hashicorp/google`.
 */
export function providerAddress(source: string): string {
  const parts = source.toLowerCase().split('/');
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `registry.terraform.io/${parts[0]}/${parts[1]}`;
  return parts.join('/');
}

/** Readable name of a cty type: `list of string`, `object`, `map of number`. */
export function typeName(type: CtyType): string {
  if (typeof type === 'string') return type;
  const [kind, inner] = type;
  if (kind === 'list' || kind === 'set' || kind === 'map')
    return `${kind} of ${typeName(inner as CtyType)}`;
  return kind;
}
