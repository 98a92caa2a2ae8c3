import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkStackSchema } from './check';
import { committedSchemasFor } from './committed';
import { GOOGLE_BINDING, GOOGLE_PROVIDER, GOOGLE_SCAN_ROOTS } from './google';
import {
  buildGoogleSubset,
  defaultGoogleSource,
  googleProviderBlockFromBinding,
  googleProviderVersion,
} from './google-subset';
import { usedProviderTypes } from './provider-imports';
import type { ProviderSchemas } from './schema';
import { gcpStackJson } from './test-fixtures/gcp-stack';

const ROOT = join(__dirname, '..', '..', '..');
const version = googleProviderVersion(ROOT);
const committedFile = join(ROOT, 'tools', 'provider-schemas', `google-${version}.subset.json`);
const committed = JSON.parse(readFileSync(committedFile, 'utf8')) as ProviderSchemas;
const google = committed.provider_schemas[GOOGLE_PROVIDER]!;

const findings = (json: Record<string, unknown>) =>
  checkStackSchema(json, committedSchemasFor(json, ROOT).schemas, {
    stack: 'gcp-dev',
  }).findings.map((f) => `${f.address} ${f.path} ${f.kind}`);

describe('the committed google schema', () => {
  it('holds every google type the workspace deep-imports from the binding (run nx run schema-check:schema-subset when this fails)', () => {
    const used = usedProviderTypes(
      GOOGLE_SCAN_ROOTS.map((r) => join(ROOT, r)),
      GOOGLE_BINDING,
      ROOT,
    );
    const missing = used
      .filter((u) =>
        u.mode === 'data'
          ? !google.data_source_schemas?.[u.type]
          : !google.resource_schemas?.[u.type],
      )
      .map(
        (u) =>
          `${u.mode} ${u.type} (imported by ${u.files.map((f) => f.slice(ROOT.length + 1)).join(', ')})`,
      );
    expect(missing).toEqual([]);
  });

  it('drops documentation fields, never an attribute that happens to be named description', () => {
    const account = google.resource_schemas?.['google_service_account']?.block;
    expect(account?.attributes?.['description']).toEqual({ optional: true, type: 'string' });
    expect(JSON.stringify(google)).not.toContain('description_kind');
  });

  it('carries the provider block the binding can emit (regenerate after a binding upgrade)', () => {
    expect(google.provider?.block).toEqual(googleProviderBlockFromBinding(ROOT));
  });

  const source = defaultGoogleSource(ROOT, version);
  (existsSync(source) ? it : it.skip)(
    'is what the generator writes from the full provider schema (checked where that schema is at hand)',
    () => {
      const built = JSON.parse(buildGoogleSubset({ root: ROOT, source }).text) as ProviderSchemas;
      const fresh = built.provider_schemas[GOOGLE_PROVIDER]!;
      for (const [type, entry] of Object.entries(fresh.resource_schemas ?? {}))
        expect([type, google.resource_schemas?.[type]]).toEqual([type, entry]);
      for (const [type, entry] of Object.entries(fresh.data_source_schemas ?? {}))
        expect([type, google.data_source_schemas?.[type]]).toEqual([type, entry]);
    },
  );
});

describe('a GCP stack synthesized by the cdktf binding, against the committed schema', () => {
  it('a representative platform stack has no findings: binding and schema agree', () => {
    const json = gcpStackJson();
    const report = checkStackSchema(json, committedSchemasFor(json, ROOT).schemas, {
      stack: 'gcp-dev',
    });
    expect(report.findings).toEqual([]);
    expect(report.unchecked).toEqual([]);
    expect(report.checked).toBeGreaterThan(15);
  });

  it('escape-hatch overrides that break the schema are reported with their resource address and path', () => {
    const json = gcpStackJson((stack) => {
      stack.bucket.addOverride('versioning.enabled', 'yes');
      stack.bucket.addOverride('self_link', 'x');
      stack.cluster.addOverride('private_cluster_config.enable_private_nodez', true);
      stack.cluster.addOverride('release_channel', [{ channel: 'REGULAR' }, { channel: 'RAPID' }]);
      stack.key.addOverride('name', null);
      stack.subnet.addOverride('log_config.flow_sampling', 'half');
    });
    expect(findings(json)).toEqual([
      'google_compute_subnetwork.subnet log_config.flow_sampling wrong-type',
      'google_container_cluster.cluster private_cluster_config.enable_private_nodez unknown-attribute',
      'google_container_cluster.cluster release_channel too-many-blocks',
      'google_kms_crypto_key.key name missing-required',
      'google_storage_bucket.artifacts self_link computed-only',
      'google_storage_bucket.artifacts versioning.enabled wrong-type',
    ]);
  });

  it('the provider block is checked against the binding’s keys and types', () => {
    const json = gcpStackJson((stack) => {
      const provider = stack.node.findChild('google') as unknown as {
        addOverride(p: string, v: unknown): void;
      };
      provider.addOverride('regoin', 'europe-west1');
      provider.addOverride('scopes', 'https://www.googleapis.com/auth/cloud-platform');
    });
    expect(findings(json)).toEqual([
      'provider.google regoin unknown-attribute',
      'provider.google scopes wrong-type',
    ]);
  });
});
