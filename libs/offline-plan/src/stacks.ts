// Which synthesized stacks exist, and where their plans go.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A synthesized stack: its app (family), name and cdk.tf.json. */
export interface StackRef {
  readonly app: string;
  readonly stack: string;
  readonly source: string;
}

/**
 * Providers an offline plan stands in for (placeholder credentials, the provider's skip flags,
 * schema-typed placeholders): the AWS provider only.
 */
export const OFFLINE_PROVIDERS: readonly string[] = ['aws'];

/**
 * Why a stack cannot be planned offline (it needs a provider offline plans do not cover, e.g.
 * the google provider, which is not installed here), or undefined when it can.
 */
export function offlineGap(ref: StackRef): string | undefined {
  const json = JSON.parse(readFileSync(ref.source, 'utf8')) as {
    terraform?: { required_providers?: Record<string, unknown> };
  };
  const others = Object.keys(json.terraform?.required_providers ?? {}).filter(
    (p) => !OFFLINE_PROVIDERS.includes(p),
  );
  return others.length > 0
    ? `needs the ${others.join(', ')} provider, which offline plans do not cover: validate checks it against the provider's schema instead`
    : undefined;
}

/** The app (family) of a stack name: network-dev → network. */
export function appOf(stack: string): string {
  return stack.replace(/-[^-]+$/, '');
}

/** Every stack of the given apps under `<outputRoot>/dist/apps`, in name order. */
export function stacksOfApps(outputRoot: string, apps: readonly string[]): StackRef[] {
  return apps.flatMap((app) => {
    const dir = join(outputRoot, 'dist', 'apps', app, 'stacks');
    if (!existsSync(dir))
      throw new Error(`${dir} does not exist: synthesize ${app} first (npx nx run ${app}:synth)`);
    return readdirSync(dir)
      .sort()
      .filter((name) => existsSync(join(dir, name, 'cdk.tf.json')))
      .map((stack) => ({ app, stack, source: join(dir, stack, 'cdk.tf.json') }));
  });
}

/** Every app with synthesized stacks under `<outputRoot>/dist/apps`. */
export function synthesizedApps(outputRoot: string): string[] {
  const dir = join(outputRoot, 'dist', 'apps');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((app) => existsSync(join(dir, app, 'stacks')))
        .sort()
    : [];
}

/** The stack by name (network-dev), from its app's synthesized output. */
export function stackByName(outputRoot: string, stack: string): StackRef {
  const app = appOf(stack);
  const source = join(outputRoot, 'dist', 'apps', app, 'stacks', stack, 'cdk.tf.json');
  if (!existsSync(source))
    throw new Error(`${source} does not exist: synthesize it first (npx nx run ${app}:synth)`);
  return { app, stack, source };
}

/** Where a stack's plan artifacts go: dist/plans/<app>/<stack>. */
export function planDir(
  outputRoot: string,
  ref: { app: string; stack: string },
  kind = '',
): string {
  return join(outputRoot, 'dist', 'plans', ...(kind ? [kind] : []), ref.app, ref.stack);
}

/** Runs `work` over `items`, at most `concurrency` at a time, results in input order. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.max(1, Math.min(concurrency, items.length)) },
    async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    },
  );
  await Promise.all(workers);
  return results;
}
