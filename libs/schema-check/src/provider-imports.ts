// Which resource and data source types a workspace's TypeScript uses from a cdktf provider
// package: its deep imports (`@cdktf/provider-google/lib/storage-bucket`), each module's
// terraform type read from the module itself (`StorageBucket.tfResourceType = "google_storage_bucket"`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The module names deep-imported from `pkg` in `text`: `storage-bucket` for `<pkg>/lib/storage-bucket`. */
export function deepImports(text: string, pkg: string): string[] {
  const escaped = pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const pattern = new RegExp(`['"\`]${escaped}/lib/([a-z0-9-]+)(?:/index(?:\\.js)?)?['"\`]`, 'g');
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1] ?? ''))].sort();
}

/** Every `.ts` file below `roots` (node_modules, dist and hidden folders skipped). */
export function typescriptFiles(roots: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist')
        continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  for (const root of roots) if (existsSync(root)) walk(root);
  return files.sort();
}

/** A used type: resource or data source, its terraform name, and the files that import it. */
export interface UsedType {
  readonly mode: 'resource' | 'data';
  readonly type: string;
  readonly module: string;
  readonly files: readonly string[];
}

/**
 * The provider types the TypeScript files below `roots` deep-import from `pkg` (resolved from
 * `resolveFrom`). The `provider` module and modules without a terraform type are left out.
 */
export function usedProviderTypes(
  roots: readonly string[],
  pkg: string,
  resolveFrom: string,
): UsedType[] {
  const byModule = new Map<string, string[]>();
  for (const file of typescriptFiles(roots)) {
    for (const module of deepImports(readFileSync(file, 'utf8'), pkg)) {
      byModule.set(module, [...(byModule.get(module) ?? []), file]);
    }
  }
  const libDir = join(
    dirname(require.resolve(`${pkg}/package.json`, { paths: [resolveFrom] })),
    'lib',
  );
  return [...byModule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([module, files]) => {
      if (module === 'provider') return [];
      const type = terraformTypeOfModule(join(libDir, module, 'index.js'));
      if (!type) return [];
      return [
        { mode: module.startsWith('data-') ? 'data' : 'resource', type, module, files },
      ] as UsedType[];
    });
}

/** The `tfResourceType` a binding module declares, or undefined. */
export function terraformTypeOfModule(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  return /\.tfResourceType = "([a-z0-9_]+)"/.exec(readFileSync(file, 'utf8'))?.[1];
}
