// The committed google schema: the full provider schema (not installed here, kept outside the
// repository) cut down to the types the workspace uses, plus the provider block as the cdktf
// binding declares it (the full schema has none).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { providerBlockFromBinding, type BindingFactory } from './binding';
import { committedSchemaFile } from './committed';
import {
  GOOGLE_BASELINE_RESOURCES,
  GOOGLE_BINDING,
  GOOGLE_PROVIDER,
  GOOGLE_SCAN_ROOTS,
} from './google';
import { usedProviderTypes } from './provider-imports';
import type { ProviderSchemas, SchemaBlock } from './schema';
import { schemaSubset, stableJson } from './subset';

/** The provider version the installed binding pins (its package.json `cdktf.provider.version`). */
export function googleProviderVersion(root: string): string {
  const pkg = JSON.parse(
    readFileSync(require.resolve(`${GOOGLE_BINDING}/package.json`, { paths: [root] }), 'utf8'),
  ) as { cdktf?: { provider?: { version?: string } } };
  const version = pkg.cdktf?.provider?.version;
  if (!version) throw new Error(`${GOOGLE_BINDING} does not say which provider version it pins`);
  return version;
}

/** Where the full schema is looked for: $GOOGLE_PROVIDER_SCHEMA, else ../shared/provider-schemas beside the workspace. */
export function defaultGoogleSource(root: string, version: string): string {
  return (
    process.env['GOOGLE_PROVIDER_SCHEMA'] ??
    join(root, '..', 'shared', 'provider-schemas', `google-${version}.json.gz`)
  );
}

/** Reads a schema document, gzipped or not. */
export function readSchemaDocument(file: string): ProviderSchemas {
  const bytes = readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return JSON.parse(text) as ProviderSchemas;
}

/** The google provider block the binding can emit. */
export function googleProviderBlockFromBinding(root: string): SchemaBlock {
  // loaded here only: the checker itself never needs cdktf
  const resolve = (id: string) => require.resolve(id, { paths: [root] });
  const cdktf = require(resolve('cdktf')) as typeof import('cdktf');
  const { GoogleProvider } = require(
    resolve(`${GOOGLE_BINDING}/lib/provider`),
  ) as typeof import('@cdktf/provider-google/lib/provider');
  const create: BindingFactory = (config) =>
    new GoogleProvider(
      new cdktf.TerraformStack(new cdktf.App({ stackTraces: false }), 'binding'),
      'google',
      config as never,
    ) as unknown as ReturnType<BindingFactory>;
  return providerBlockFromBinding(create);
}

/** Resource and data source types of the google provider in synthesized stacks below `dir`. */
export function typesInSynthesizedStacks(dir: string): {
  resources: string[];
  dataSources: string[];
} {
  const resources = new Set<string>();
  const dataSources = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'cdk.tf.json') {
        const json = JSON.parse(readFileSync(path, 'utf8')) as Record<
          string,
          Record<string, unknown>
        >;
        for (const type of Object.keys(json['resource'] ?? {}))
          if (type.startsWith('google_')) resources.add(type);
        for (const type of Object.keys(json['data'] ?? {}))
          if (type.startsWith('google_')) dataSources.add(type);
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { resources: [...resources].sort(), dataSources: [...dataSources].sort() };
}

/** The committed google schema's content and where it goes. */
export interface GoogleSubset {
  /** Relative to the workspace root. */
  readonly file: string;
  readonly text: string;
  readonly resources: readonly string[];
  readonly dataSources: readonly string[];
}

/**
 * Builds the committed google schema: the baseline types, every type the TypeScript below
 * libs/ and apps/ deep-imports from the binding, and (optionally) every google type in
 * synthesized stacks below `stacksDir`.
 */
export function buildGoogleSubset(options: {
  readonly root: string;
  readonly source?: string;
  readonly stacksDir?: string;
}): GoogleSubset {
  const { root } = options;
  const version = googleProviderVersion(root);
  const source = options.source ?? defaultGoogleSource(root, version);
  if (!existsSync(source))
    throw new Error(
      `no google ${version} schema at ${source}: pass --source FILE or set GOOGLE_PROVIDER_SCHEMA (a \`terraform providers schema -json\` document, gzipped or not)`,
    );
  const used = usedProviderTypes(
    GOOGLE_SCAN_ROOTS.map((r) => join(root, r)),
    GOOGLE_BINDING,
    root,
  );
  const synthesized = options.stacksDir
    ? typesInSynthesizedStacks(options.stacksDir)
    : { resources: [], dataSources: [] };
  const resources = [
    ...new Set([
      ...GOOGLE_BASELINE_RESOURCES,
      ...used.filter((u) => u.mode === 'resource').map((u) => u.type),
      ...synthesized.resources,
    ]),
  ].sort();
  const dataSources = [
    ...new Set([
      ...used.filter((u) => u.mode === 'data').map((u) => u.type),
      ...synthesized.dataSources,
    ]),
  ].sort();
  const subset = schemaSubset(readSchemaDocument(source), {
    provider: GOOGLE_PROVIDER,
    resources,
    dataSources,
    providerBlock: googleProviderBlockFromBinding(root),
  });
  const document = {
    '//': [
      `hashicorp/google ${version} (the version ${GOOGLE_BINDING} pins): the resource and data source schemas the workspace uses, from the provider's own schema (\`terraform providers schema -json\` layout), documentation fields dropped.`,
      `The provider block is derived from the cdktf binding (${GOOGLE_BINDING}/lib/provider): the keys and types it can emit; the provider's own schema is not available.`,
      'Generated by `npx nx run schema-check:schema-subset` (tools/scripts/provider-schema-subset.ts); do not edit by hand.',
    ],
    ...subset,
  };
  return {
    file: relative(root, join(root, committedSchemaFile('google', version))),
    text: stableJson(document),
    resources,
    dataSources,
  };
}
