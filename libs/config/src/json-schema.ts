import { z } from 'zod';
import { environmentSchema } from './schema/environment';

/**
 * JSON Schema of an environment file, for editors (yaml-language-server). Every field carries
 * its description (the zod `.meta()` of the schema), its default and, where it helps, an
 * example, so an editor shows them on hover. Cross-field rules (CIDR layout, production rules,
 * cross-file uniqueness) are enforced only at load.
 */
export function environmentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(environmentSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}

type JsonSchemaNode = {
  readonly properties?: Readonly<Record<string, JsonSchemaNode & { description?: string }>>;
  readonly items?: JsonSchemaNode | readonly JsonSchemaNode[];
  readonly additionalProperties?: JsonSchemaNode | boolean;
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly oneOf?: readonly JsonSchemaNode[];
  readonly allOf?: readonly JsonSchemaNode[];
};

/**
 * The dotted paths (`services[].route.host`) of every property of a JSON schema that has no
 * description: in nested objects, list items, record values and every branch of a union.
 */
export function fieldsWithoutDescription(schema: unknown, path = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as JsonSchemaNode;
  const missing: string[] = [];
  for (const [name, property] of Object.entries(node.properties ?? {})) {
    const at = path ? `${path}.${name}` : name;
    if (!property.description) missing.push(at);
    missing.push(...fieldsWithoutDescription(property, at));
  }
  const items = Array.isArray(node.items) ? node.items : node.items ? [node.items] : [];
  for (const item of items) missing.push(...fieldsWithoutDescription(item, `${path}[]`));
  if (typeof node.additionalProperties === 'object')
    missing.push(...fieldsWithoutDescription(node.additionalProperties, `${path}.*`));
  for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
    missing.push(...fieldsWithoutDescription(branch, path));
  return missing;
}
