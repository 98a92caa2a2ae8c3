// The synthesized JSON of a stack (cdk.tf.json) against its providers' schemas: every resource,
// data source and provider block, attribute by attribute and block by block. Pure: no terraform,
// no provider binary, no network. What this does not catch (provider-side validators, conflicts
// between arguments, plan-time checks) is listed in the README.
import { checkType, index, isObject, key } from './cty';
import { stringKind } from './expressions';
import { BUILTIN_PROVIDER, BUILTIN_SCHEMA } from './builtin';
import {
  providerAddress,
  type ProviderSchemas,
  type SchemaAttribute,
  type SchemaBlock,
  type SchemaBlockType,
} from './schema';

/** What is wrong. */
export type FindingKind =
  /** an attribute the schema does not have (a scalar value) */
  | 'unknown-attribute'
  /** a block type the schema does not have (an object or array value, or a dynamic block) */
  | 'unknown-block'
  /** a required attribute that is not set (a reference counts as set) */
  | 'missing-required'
  /** an attribute only the provider sets */
  | 'computed-only'
  /** a value that does not convert to the attribute's type, or a block that is not an object */
  | 'wrong-type'
  /** fewer blocks than the schema's min_items */
  | 'too-few-blocks'
  /** more blocks than the schema's max_items (or more than one of a single block) */
  | 'too-many-blocks'
  /** a resource or data source type the provider does not have */
  | 'unknown-type';

/** One problem: where (stack, resource address, attribute path) and what. */
export interface SchemaFinding {
  readonly stack: string;
  /** `google_storage_bucket.state`, `data.google_project.this`, `provider.google` */
  readonly address: string;
  /** Attribute path below the resource: `node_config.shielded_instance_config`, `rule[0].action`; empty for the resource itself. */
  readonly path: string;
  readonly kind: FindingKind;
  readonly message: string;
}

/** A block the checker could not check: no schema was given for its provider. */
export interface UncheckedBlock {
  readonly address: string;
  /** The provider's source address, e.g. registry.terraform.io/hashicorp/random. */
  readonly provider: string;
}

/** The outcome of checking one stack. */
export interface StackSchemaReport {
  readonly findings: readonly SchemaFinding[];
  /** Blocks whose provider has no schema in the given document (listed, never silently passed). */
  readonly unchecked: readonly UncheckedBlock[];
  /** How many resources, data sources and provider blocks were checked. */
  readonly checked: number;
}

/** Meta-arguments of resources and data sources: terraform's own, not the provider's. */
const META_ARGUMENTS = new Set([
  '//',
  'count',
  'for_each',
  'depends_on',
  'lifecycle',
  'provider',
  'provisioner',
  'connection',
]);
/** Meta-arguments of a provider block. */
const PROVIDER_META = new Set(['//', 'alias', 'version']);

type Json = Record<string, unknown>;
type Emit = (path: readonly string[], kind: FindingKind, message: string) => void;

/**
 * Checks a synthesized stack against provider schemas.
 *
 * @param json the stack's cdk.tf.json content
 * @param schemas schemas in the `terraform providers schema -json` layout, keyed by source address
 * @param options.stack the stack's name, carried into every finding
 */
export function checkStackSchema(
  json: Json,
  schemas: ProviderSchemas,
  options: { readonly stack: string },
): StackSchemaReport {
  const findings: SchemaFinding[] = [];
  const unchecked: UncheckedBlock[] = [];
  let checked = 0;
  const required = (((json['terraform'] ?? {}) as Json)['required_providers'] ?? {}) as Record<
    string,
    { source?: string } | string
  >;
  const sourceOf = (local: string): string => {
    const entry = required[local];
    if (local === 'terraform' && entry === undefined) return BUILTIN_PROVIDER;
    const source = typeof entry === 'object' && entry?.source ? entry.source : local;
    return providerAddress(source);
  };
  const emitFor =
    (address: string): Emit =>
    (path, kind, message) =>
      findings.push({ stack: options.stack, address, path: renderPath(path), kind, message });

  for (const mode of ['resource', 'data'] as const) {
    const byType = (json[mode] ?? {}) as Record<string, Record<string, unknown>>;
    for (const [type, instances] of Object.entries(byType)) {
      for (const [name, body] of Object.entries(instances ?? {})) {
        const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
        const config = isObject(body) ? body : {};
        const provider = sourceOf(providerLocalName(type, config['provider']));
        const schema =
          schemas.provider_schemas[provider] ??
          (provider === BUILTIN_PROVIDER ? BUILTIN_SCHEMA : undefined);
        if (!schema) {
          unchecked.push({ address, provider });
          continue;
        }
        checked++;
        const entry = (mode === 'data' ? schema.data_source_schemas : schema.resource_schemas)?.[
          type
        ];
        const emit = emitFor(address);
        if (!entry) {
          emit(
            [],
            'unknown-type',
            `${provider} has no ${mode === 'data' ? 'data source' : 'resource type'} "${type}"`,
          );
          continue;
        }
        checkBlock(config, entry.block, [], emit, META_ARGUMENTS);
      }
    }
  }

  const providers = (json['provider'] ?? {}) as Record<string, unknown>;
  for (const [local, blocks] of Object.entries(providers)) {
    const provider = sourceOf(local);
    const entry = schemas.provider_schemas[provider]?.provider;
    (Array.isArray(blocks) ? blocks : [blocks]).forEach((body, i) => {
      const config = isObject(body) ? body : {};
      const alias = typeof config['alias'] === 'string' ? `.${config['alias']}` : '';
      const address = `provider.${local}${alias || (i > 0 ? `[${i}]` : '')}`;
      if (!entry) {
        unchecked.push({ address, provider });
        return;
      }
      checked++;
      checkBlock(config, entry.block, [], emitFor(address), PROVIDER_META);
    });
  }

  const order = (a: SchemaFinding, b: SchemaFinding) =>
    a.address.localeCompare(b.address) ||
    a.path.localeCompare(b.path) ||
    a.kind.localeCompare(b.kind);
  return {
    findings: findings.sort(order),
    unchecked: unchecked.sort((a, b) => a.address.localeCompare(b.address)),
    checked,
  };
}

/** The provider local name a resource uses: its `provider` meta-argument, else its type's prefix. */
function providerLocalName(type: string, provider: unknown): string {
  if (typeof provider === 'string' && provider !== '') {
    return provider.replace(/^\$\{/, '').replace(/\}$/, '').split('.')[0] ?? provider;
  }
  return type.split('_')[0] ?? type;
}

/** `a.b[0]["k"].c` from path segments. */
function renderPath(path: readonly string[]): string {
  return path.reduce(
    (text, segment) =>
      segment.startsWith('[') ? `${text}${segment}` : text === '' ? segment : `${text}.${segment}`,
    '',
  );
}

/** The body of a block: attributes, nested blocks and `dynamic` blocks. */
function checkBlock(
  config: Json,
  block: SchemaBlock,
  path: readonly string[],
  emit: Emit,
  ignore: ReadonlySet<string> = new Set(),
): void {
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  const dynamic = new Set<string>();

  for (const [name, value] of Object.entries(config)) {
    if (ignore.has(name)) continue;
    const here = [...path, name];
    if (name === 'dynamic' && !(name in attributes) && !(name in blockTypes)) {
      for (const blockName of checkDynamic(value, block, here, emit)) dynamic.add(blockName);
      continue;
    }
    const attribute = attributes[name];
    if (attribute) {
      checkAttribute(value, attribute, name, here, emit);
      continue;
    }
    const blockType = blockTypes[name];
    if (blockType) {
      checkBlocks(value, blockType, name, here, emit);
      continue;
    }
    const blockish = isObject(value) || (Array.isArray(value) && value.some(isObject));
    emit(
      here,
      blockish ? 'unknown-block' : 'unknown-attribute',
      `no attribute or block type named "${name}"${suggestion(name, [...Object.keys(attributes), ...Object.keys(blockTypes)])}`,
    );
  }

  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required && (config[name] === undefined || config[name] === null))
      emit([...path, name], 'missing-required', `required attribute "${name}" is not set`);
  }
  for (const [name, blockType] of Object.entries(blockTypes)) {
    if (dynamic.has(name)) continue; // how many blocks a dynamic block makes is known at plan time
    const count = blockCount(config[name]);
    const min = blockType.min_items ?? 0;
    const max =
      blockType.nesting_mode === 'single' || blockType.nesting_mode === 'group'
        ? 1
        : (blockType.max_items ?? 0);
    if (count < min)
      emit(
        [...path, name],
        'too-few-blocks',
        `at least ${min} "${name}" block(s) required, got ${count}`,
      );
    if (max > 0 && count > max)
      emit(
        [...path, name],
        'too-many-blocks',
        `at most ${max} "${name}" block(s) allowed, got ${count}`,
      );
  }
}

/** Blocks written as a JSON object (one block) or an array of objects. */
function blockCount(value: unknown): number {
  if (value === undefined || value === null) return 0;
  return Array.isArray(value) ? value.length : 1;
}

function checkAttribute(
  value: unknown,
  attribute: SchemaAttribute,
  name: string,
  path: readonly string[],
  emit: Emit,
): void {
  if (value === undefined || value === null) return;
  if (attribute.computed && !attribute.optional && !attribute.required) {
    emit(path, 'computed-only', `"${name}" is set by the provider and cannot be configured`);
    return;
  }
  if (attribute.nested_type) {
    checkNestedAttribute(value, attribute.nested_type, name, path, emit);
    return;
  }
  if (attribute.type === undefined) return;
  for (const problem of checkType(value, attribute.type)) {
    emit([...path, ...problem.path], problem.kind, problem.message);
  }
}

/** A plugin-protocol-6 nested attribute: objects of attributes, single or repeated. */
function checkNestedAttribute(
  value: unknown,
  nested: NonNullable<SchemaAttribute['nested_type']>,
  name: string,
  path: readonly string[],
  emit: Emit,
): void {
  if (typeof value === 'string' && stringKind(value) === 'expression') return;
  const block: SchemaBlock = { attributes: nested.attributes };
  const object = (element: unknown, at: readonly string[]) => {
    if (typeof element === 'string' && stringKind(element) === 'expression') return;
    if (!isObject(element))
      emit(at, 'wrong-type', `"${name}" elements are objects, got ${shape(element)}`);
    else checkBlock(element, block, at, emit);
  };
  switch (nested.nesting_mode) {
    case 'single':
      object(value, path);
      return;
    case 'map':
      if (!isObject(value))
        emit(path, 'wrong-type', `"${name}" is a map of objects, got ${shape(value)}`);
      else for (const [k, v] of Object.entries(value)) object(v, [...path, key(k)]);
      return;
    default: {
      if (!Array.isArray(value)) {
        emit(
          path,
          'wrong-type',
          `"${name}" is a ${nested.nesting_mode} of objects, got ${shape(value)}`,
        );
        return;
      }
      value.forEach((element, i) => object(element, [...path, index(i)]));
      if (nested.min_items && value.length < nested.min_items)
        emit(
          path,
          'too-few-blocks',
          `at least ${nested.min_items} "${name}" element(s) required, got ${value.length}`,
        );
      if (nested.max_items && value.length > nested.max_items)
        emit(
          path,
          'too-many-blocks',
          `at most ${nested.max_items} "${name}" element(s) allowed, got ${value.length}`,
        );
    }
  }
}

/** Nested blocks of one type: objects (one per block), in the shape the nesting mode allows. */
function checkBlocks(
  value: unknown,
  blockType: SchemaBlockType,
  name: string,
  path: readonly string[],
  emit: Emit,
): void {
  if (value === undefined || value === null) return;
  if (blockType.nesting_mode === 'map') {
    if (!isObject(value)) {
      emit(
        path,
        'wrong-type',
        `"${name}" blocks are a JSON object keyed by label, got ${shape(value)}`,
      );
      return;
    }
    for (const [label, body] of Object.entries(value)) {
      for (const [i, element] of (Array.isArray(body) ? body : [body]).entries()) {
        const at = Array.isArray(body) ? [...path, key(label), index(i)] : [...path, key(label)];
        if (isObject(element)) checkBlock(element, blockType.block, at, emit);
        else emit(at, 'wrong-type', `a "${name}" block is a JSON object, got ${shape(element)}`);
      }
    }
    return;
  }
  if (isObject(value)) {
    checkBlock(value, blockType.block, path, emit);
    return;
  }
  if (!Array.isArray(value)) {
    emit(
      path,
      'wrong-type',
      `"${name}" blocks are written as a JSON object or an array of objects, got ${shape(value)} (a reference cannot stand for a block: use a dynamic block)`,
    );
    return;
  }
  value.forEach((element, i) => {
    if (isObject(element)) checkBlock(element, blockType.block, [...path, index(i)], emit);
    else
      emit(
        [...path, index(i)],
        'wrong-type',
        `a "${name}" block is a JSON object, got ${shape(element)}`,
      );
  });
}

/**
 * `dynamic` blocks: `{ "<block type>": { "for_each": ..., "iterator"?, "labels"?, "content": {...} } }`.
 * The content is checked as a block of that type (attribute-as-block lists too); returns the block
 * types it generates, whose counts are known only at plan time.
 */
function checkDynamic(
  value: unknown,
  block: SchemaBlock,
  path: readonly string[],
  emit: Emit,
): string[] {
  if (!isObject(value)) {
    emit(path, 'wrong-type', `"dynamic" is a JSON object keyed by block type, got ${shape(value)}`);
    return [];
  }
  const names: string[] = [];
  for (const [name, specs] of Object.entries(value)) {
    names.push(name);
    const blockType = block.block_types?.[name];
    const attributeBlock = attributeAsBlock(block.attributes?.[name]);
    if (!blockType && !attributeBlock) {
      emit(
        [...path, name],
        'unknown-block',
        `dynamic block of an unknown block type "${name}"${suggestion(name, Object.keys(block.block_types ?? {}))}`,
      );
      continue;
    }
    for (const [i, spec] of (Array.isArray(specs) ? specs : [specs]).entries()) {
      const at = Array.isArray(specs) ? [...path, name, index(i)] : [...path, name];
      if (!isObject(spec)) {
        emit(at, 'wrong-type', `a dynamic block is a JSON object, got ${shape(spec)}`);
        continue;
      }
      if (spec['for_each'] === undefined)
        emit([...at, 'for_each'], 'missing-required', 'a dynamic block needs for_each');
      const content = spec['content'];
      if (!isObject(content)) {
        emit([...at, 'content'], 'missing-required', 'a dynamic block needs a content object');
        continue;
      }
      if (blockType) checkBlock(content, blockType.block, [...at, 'content'], emit);
      // an attribute written as blocks: unset members are null (terraform fills them in)
      else checkBlock(content, { attributes: attributeBlock }, [...at, 'content'], emit);
    }
  }
  return names;
}

/** The members of a list or set of objects (SDKv2's attributes that may be written as blocks). */
function attributeAsBlock(
  attribute: SchemaAttribute | undefined,
): Record<string, SchemaAttribute> | undefined {
  const type = attribute?.type;
  if (!Array.isArray(type) || (type[0] !== 'list' && type[0] !== 'set')) return undefined;
  const element = type[1];
  if (!Array.isArray(element) || element[0] !== 'object') return undefined;
  return Object.fromEntries(
    Object.entries(element[1] as Record<string, never>).map(([k, t]) => [
      k,
      { type: t, optional: true },
    ]),
  );
}

function shape(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return stringKind(value) === 'literal' ? 'a string' : `the expression ${JSON.stringify(value)}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** ` (did you mean "x"?)` for the closest known name, when one is close. */
function suggestion(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}
