// The provider schemas the workspace commits (tools/provider-schemas), so a fresh clone checks
// stacks offline, and which of them a synthesized stack needs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { providerAddress, type ProviderSchemas } from './schema';

/** Where committed schemas live, relative to the workspace root. */
export const SCHEMA_DIR = join('tools', 'provider-schemas');

/** The committed schema file of a provider version: `<name>-<version>.subset.json`. */
export const committedSchemaFile = (name: string, version: string): string =>
  join(SCHEMA_DIR, `${name}-${version}.subset.json`);

/** The providers a stack requires: local name, source address and exact version (when pinned). */
export function requiredProviders(
  json: Record<string, unknown>,
): { local: string; address: string; name: string; version: string | undefined }[] {
  const required = (((json['terraform'] ?? {}) as Record<string, unknown>)['required_providers'] ??
    {}) as Record<string, { source?: string; version?: string } | string>;
  return Object.entries(required).map(([local, entry]) => {
    const source = typeof entry === 'object' && entry.source ? entry.source : local;
    const address = providerAddress(source);
    const version = typeof entry === 'object' ? entry.version?.trim() : entry;
    return {
      local,
      address,
      name: address.split('/').pop() ?? local,
      version: version && /^\d+\.\d+\.\d+$/.test(version) ? version : undefined,
    };
  });
}

/** Schemas merged into one document (later documents add providers, never replace one). */
export function mergeSchemas(documents: readonly ProviderSchemas[]): ProviderSchemas {
  const provider_schemas: Record<string, ProviderSchemas['provider_schemas'][string]> = {};
  for (const document of documents)
    for (const [address, schema] of Object.entries(document.provider_schemas))
      provider_schemas[address] ??= schema;
  return { format_version: documents[0]?.format_version ?? '1.0', provider_schemas };
}

/**
 * The committed schemas a stack's providers need, from `root`/tools/provider-schemas, and the
 * providers that have none (their blocks go unchecked; a version that is not pinned exactly
 * cannot be matched).
 */
export function committedSchemasFor(
  json: Record<string, unknown>,
  root: string,
): { schemas: ProviderSchemas; files: string[]; missing: string[] } {
  const documents: ProviderSchemas[] = [];
  const files: string[] = [];
  const missing: string[] = [];
  for (const provider of requiredProviders(json)) {
    const file = provider.version
      ? committedSchemaFile(provider.name, provider.version)
      : undefined;
    if (file && existsSync(join(root, file))) {
      documents.push(JSON.parse(readFileSync(join(root, file), 'utf8')) as ProviderSchemas);
      files.push(file);
    } else {
      missing.push(`${provider.address} ${provider.version ?? '(version not pinned)'}`);
    }
  }
  return { schemas: mergeSchemas(documents), files, missing };
}
