import { readFileSync } from 'node:fs';
import { InputError } from '../errors';
import { decodeText } from '../plan/decode';
import { isObject } from '../plan/json';
import type { Json, JsonObject } from '../plan/types';

/** One addressable block of a synthesized configuration. */
export interface ConfigItem {
  /** `aws_vpc.main`, `data.aws_iam_policy_document.x`, `output.vpc_id`, `moved: a -> b`, ... */
  readonly address: string;
  /** The top-level block it came from: resource, data, output, variable, module, provider, ... */
  readonly block: string;
  /** The resource type for resource and data blocks. */
  readonly type?: string;
  /** The block's body without cdktf's `//` metadata. */
  readonly body: Json;
}

/** Reads a `cdk.tf.json` into its addressable items, keyed by address. */
export function readConfigItems(file: string): Map<string, ConfigItem> {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(readFileSync(file), file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `${file}: ${code ? `cannot read the file (${code})` : `not JSON (${(error as Error).message})`}`,
    );
  }
  if (!isObject(data as Json))
    throw new InputError(`${file}: not a synthesized terraform configuration`);
  return configItems(data as JsonObject);
}

/** Splits a terraform JSON configuration into addressable items, dropping `//` metadata keys. */
export function configItems(config: JsonObject): Map<string, ConfigItem> {
  const items = new Map<string, ConfigItem>();
  const add = (item: ConfigItem): void => {
    items.set(item.address, item);
  };
  for (const [block, value] of Object.entries(config)) {
    if (block === '//') continue;
    const body = stripMetadata(value);
    if (block === 'resource' || block === 'data') {
      for (const [type, byName] of entries(body)) {
        for (const [name, item] of entries(byName)) {
          add({
            address: `${block === 'data' ? 'data.' : ''}${type}.${name}`,
            block,
            type,
            body: item,
          });
        }
      }
    } else if (block === 'moved' || block === 'import' || block === 'removed') {
      for (const item of Array.isArray(body) ? body : [body])
        add({ address: blockAddress(block, item), block, body: item });
    } else if (block === 'provider') {
      for (const [name, configs] of entries(body)) {
        for (const item of Array.isArray(configs) ? configs : [configs]) {
          const alias =
            isObject(item) && typeof item['alias'] === 'string' ? `.${item['alias']}` : '';
          add({ address: `provider.${name}${alias}`, block, body: item });
        }
      }
    } else if (['output', 'variable', 'module', 'locals', 'check'].includes(block)) {
      const prefix = {
        output: 'output',
        variable: 'var',
        module: 'module',
        locals: 'local',
        check: 'check',
      }[block];
      for (const [name, item] of entries(body))
        add({ address: `${prefix}.${name}`, block, body: item });
    } else {
      add({ address: block, block, body });
    }
  }
  return items;
}

/** A copy without the `//` keys cdktf writes (construct paths, stack traces). */
export function stripMetadata(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '//')
      .map(([key, item]) => [key, stripMetadata(item)]),
  );
}

function entries(value: Json): [string, Json][] {
  return isObject(value) ? Object.entries(value) : [];
}

function blockAddress(block: string, item: Json): string {
  const field = (key: string): string =>
    isObject(item) && typeof item[key] === 'string' ? (item[key] as string) : '?';
  if (block === 'moved') return `moved: ${field('from')} -> ${field('to')}`;
  if (block === 'import') return `import: ${field('to')}`;
  return `removed: ${field('from')}`;
}
