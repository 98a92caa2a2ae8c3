// The provider schemas of a stack's providers, made once by terraform itself
// (`terraform providers schema -json`) and kept beside the plugin cache, keyed by the providers'
// versions.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ProviderSchemas } from './schema';
import { firstError, init, terraform, type TerraformSetup } from './terraform';

/** The schemas of the providers a synthesized stack requires (resource schemas only). */
export async function providerSchemas(
  setup: TerraformSetup,
  source: string,
): Promise<ProviderSchemas> {
  const stack = JSON.parse(readFileSync(source, 'utf8')) as {
    terraform?: { required_providers?: Record<string, { source?: string; version?: string }> };
  };
  const required = stack.terraform?.required_providers ?? {};
  const key = Object.entries(required)
    .map(([name, p]) => `${name}-${p.version ?? 'any'}`)
    .sort()
    .join('_');
  const cached = join(dirname(setup.pluginCache), `schemas-${key || 'none'}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as ProviderSchemas;
  const work = mkdtempSync(join(tmpdir(), 'offline-plan-schema-'));
  try {
    writeFileSync(
      join(work, 'main.tf.json'),
      JSON.stringify({ terraform: { required_providers: required } }),
    );
    const initialized = await init(setup, work);
    if (initialized.code !== 0)
      throw new Error(`provider schemas: init failed: ${firstError(initialized)}`);
    const shown = await terraform(setup, work, ['providers', 'schema', '-json']);
    if (shown.code !== 0) throw new Error(`provider schemas: ${firstError(shown)}`);
    const full = JSON.parse(shown.stdout) as ProviderSchemas;
    const slim: ProviderSchemas = {
      format_version: full.format_version,
      provider_schemas: Object.fromEntries(
        Object.entries(full.provider_schemas).map(([name, schema]) => [
          name,
          { resource_schemas: schema.resource_schemas ?? {} },
        ]),
      ),
    };
    writeFileSync(`${cached}.${process.pid}`, JSON.stringify(slim));
    // rename is atomic: concurrent runs never read a half-written file
    renameSync(`${cached}.${process.pid}`, cached);
    return slim;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
