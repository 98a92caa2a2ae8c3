// A provider schema cut down to the types a workspace uses, in a stable form: documentation
// fields dropped, keys sorted, so the same inputs always write the same file.
import type { ProviderSchemas, SchemaAttribute, SchemaBlock, SchemaEntry } from './schema';

/** Fields of a block or attribute that only document it; the checker never reads them. */
const DOCUMENTATION = new Set(['description', 'description_kind']);

/** What to keep of one provider's schema. */
export interface SubsetRequest {
  /** Source address, e.g. registry.terraform.io/hashicorp/google. */
  readonly provider: string;
  readonly resources: readonly string[];
  readonly dataSources: readonly string[];
  /** A provider configuration block to include (e.g. derived from the cdktf binding). */
  readonly providerBlock?: SchemaBlock;
}

/**
 * The subset of `full` that `request` names. Throws, naming every one, when a requested type is
 * not in the provider's schema (a typo, or a type of another provider version).
 */
export function schemaSubset(full: ProviderSchemas, request: SubsetRequest): ProviderSchemas {
  const schema = full.provider_schemas[request.provider];
  if (!schema) throw new Error(`the schema document has no provider ${request.provider}`);
  const missing: string[] = [];
  const pick = (
    from: Readonly<Record<string, SchemaEntry>> | undefined,
    names: readonly string[],
    label: string,
  ) =>
    Object.fromEntries(
      [...new Set(names)].sort().flatMap((name) => {
        const entry = from?.[name];
        if (!entry) missing.push(`${label} ${name}`);
        return entry ? [[name, stripDocumentation(entry)]] : [];
      }),
    );
  const resource_schemas = pick(schema.resource_schemas, request.resources, 'resource');
  const data_source_schemas = pick(schema.data_source_schemas, request.dataSources, 'data source');
  if (missing.length > 0) throw new Error(`${request.provider} has no ${missing.join(', ')}`);
  return {
    format_version: full.format_version,
    provider_schemas: {
      [request.provider]: {
        ...(request.providerBlock
          ? { provider: { version: 0, block: request.providerBlock } }
          : {}),
        resource_schemas,
        data_source_schemas,
      },
    },
  };
}

/** A schema entry without documentation fields, walked by structure (an attribute may be named `description`). */
function stripDocumentation(entry: SchemaEntry): SchemaEntry {
  return { ...entry, block: stripBlock(entry.block) };
}

function withoutDocumentation<T extends object>(node: T): T {
  return Object.fromEntries(Object.entries(node).filter(([k]) => !DOCUMENTATION.has(k))) as T;
}

function stripAttributes(
  attributes: Readonly<Record<string, SchemaAttribute>>,
): Record<string, SchemaAttribute> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, attribute]) => {
      const stripped = withoutDocumentation(attribute);
      return [
        name,
        attribute.nested_type
          ? {
              ...stripped,
              nested_type: {
                ...attribute.nested_type,
                attributes: stripAttributes(attribute.nested_type.attributes),
              },
            }
          : stripped,
      ];
    }),
  );
}

function stripBlock(block: SchemaBlock): SchemaBlock {
  const stripped = withoutDocumentation(block);
  return {
    ...stripped,
    ...(block.attributes ? { attributes: stripAttributes(block.attributes) } : {}),
    ...(block.block_types
      ? {
          block_types: Object.fromEntries(
            Object.entries(block.block_types).map(([name, type]) => [
              name,
              { ...withoutDocumentation(type), block: stripBlock(type.block) },
            ]),
          ),
        }
      : {}),
  };
}

/** JSON with every object's keys sorted, two-space indented, ending in a newline. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
    );
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}
