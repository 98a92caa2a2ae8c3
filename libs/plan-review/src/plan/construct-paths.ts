import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { isObject } from './json';
import type { Json } from './types';

/** Construct paths by resource address (`aws_vpc.main` → `network-dev/vpc/vpc`). */
export type ConstructPaths = ReadonlyMap<string, string>;

/** The file cdktf synthesizes per stack. */
const SYNTH_FILE = 'cdk.tf.json';

/** Reads cdktf's `//.metadata.path` of every resource and data source of a synthesized stack. */
export function constructPathsOf(config: Json): ConstructPaths {
  const paths = new Map<string, string>();
  const visit = (blocks: Json | undefined, prefix: string) => {
    if (!isObject(blocks ?? null)) return;
    for (const [type, byName] of Object.entries(blocks as Record<string, Json>)) {
      if (!isObject(byName)) continue;
      for (const [name, body] of Object.entries(byName)) {
        const meta = isObject(body) ? body['//'] : undefined;
        const metadata = isObject(meta ?? null)
          ? (meta as Record<string, Json>)['metadata']
          : undefined;
        const where = isObject(metadata ?? null)
          ? (metadata as Record<string, Json>)['path']
          : undefined;
        if (typeof where === 'string') paths.set(`${prefix}${type}.${name}`, where);
      }
    }
  };
  if (isObject(config)) {
    visit(config['resource'], '');
    visit(config['data'], 'data.');
  }
  return paths;
}

/** Reads a `cdk.tf.json`; throws {@link InputError} naming the file when it is not JSON. */
export function readConstructPaths(file: string): ConstructPaths {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(
      `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return constructPathsOf(JSON.parse(text) as Json);
  } catch (error) {
    throw new InputError(`${file}: not JSON (${(error as Error).message})`);
  }
}

/** The `cdk.tf.json` beside a plan file, when there is one. */
export function synthBeside(planFile: string): string | undefined {
  const candidate = path.join(path.dirname(planFile), SYNTH_FILE);
  return existsSync(candidate) ? candidate : undefined;
}
