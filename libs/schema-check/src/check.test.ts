import { checkStackSchema } from './check';
import type { ProviderSchemas, SchemaBlock } from './schema';

/** A small provider, shaped like the real ones: SDKv2 blocks, a protocol-6 nested attribute. */
const bucket: SchemaBlock = {
  attributes: {
    id: { type: 'string', optional: true, computed: true },
    name: { type: 'string', required: true },
    location: { type: 'string', required: true },
    url: { type: 'string', computed: true },
    labels: { type: ['map', 'string'], optional: true },
    force_destroy: { type: 'bool', optional: true },
    rules: {
      optional: true,
      nested_type: {
        nesting_mode: 'list',
        attributes: {
          action: { type: 'string', required: true },
          etag: { type: 'string', computed: true },
        },
      },
    },
  },
  block_types: {
    versioning: {
      nesting_mode: 'list',
      max_items: 1,
      block: { attributes: { enabled: { type: 'bool', required: true } } },
    },
    encryption: {
      nesting_mode: 'list',
      min_items: 1,
      max_items: 1,
      block: { attributes: { default_kms_key_name: { type: 'string', required: true } } },
    },
    lifecycle_rule: {
      nesting_mode: 'list',
      block: {
        block_types: {
          action: {
            nesting_mode: 'single',
            block: { attributes: { type: { type: 'string', required: true } } },
          },
        },
      },
    },
  },
};

const schemas: ProviderSchemas = {
  format_version: '1.0',
  provider_schemas: {
    'registry.terraform.io/hashicorp/cloud': {
      provider: { block: { attributes: { project: { type: 'string', optional: true } } } },
      resource_schemas: { cloud_bucket: { version: 0, block: bucket } },
      data_source_schemas: {
        cloud_project: {
          version: 0,
          block: { attributes: { id: { type: 'string', required: true } } },
        },
      },
    },
  },
};

const good = {
  name: 'state',
  location: 'EU',
  encryption: { default_kms_key_name: '${cloud_key.k.id}' },
};

/** `address path kind` lines for a stack holding one cloud_bucket.b with `config`. */
function check(config: Record<string, unknown>, extra: Record<string, unknown> = {}): string[] {
  const report = checkStackSchema(
    { resource: { cloud_bucket: { b: config } }, ...extra },
    schemas,
    { stack: 'storage-dev' },
  );
  return report.findings.map((f) => `${f.address} ${f.path} ${f.kind}: ${f.message}`);
}

describe('checking a synthesized stack against a provider schema', () => {
  it('a resource that fits its schema has no findings; meta-arguments are terraform’s, not the provider’s', () => {
    expect(
      check({
        ...good,
        labels: { team: 'platform', cost: 1 },
        versioning: [{ enabled: true }],
        lifecycle_rule: [{ action: { type: 'Delete' } }],
        rules: [{ action: 'x' }],
        '//': { metadata: { path: 'storage-dev/bucket' } },
        count: 2,
        depends_on: ['cloud_key.k'],
        lifecycle: { prevent_destroy: true },
        provider: 'cloud.west',
      }),
    ).toEqual([]);
  });

  it('names the stack, the resource address and the attribute path of every finding', () => {
    const report = checkStackSchema(
      { resource: { cloud_bucket: { b: { ...good, labels: ['a'] } } } },
      schemas,
      { stack: 'storage-dev' },
    );
    expect(report.findings).toEqual([
      {
        stack: 'storage-dev',
        address: 'cloud_bucket.b',
        path: 'labels',
        kind: 'wrong-type',
        message: 'map of string required, got an array',
      },
    ]);
    expect(report.checked).toBe(1);
  });

  it('reports unknown attributes and blocks, suggesting the closest name', () => {
    expect(check({ ...good, force_destroyy: true, versionning: { enabled: true } })).toEqual([
      'cloud_bucket.b force_destroyy unknown-attribute: no attribute or block type named "force_destroyy" (did you mean "force_destroy"?)',
      'cloud_bucket.b versionning unknown-block: no attribute or block type named "versionning" (did you mean "versioning"?)',
    ]);
    expect(check({ ...good, lifecycle_rule: [{ action: { type: 'Delete', age: 3 } }] })).toEqual([
      'cloud_bucket.b lifecycle_rule[0].action.age unknown-attribute: no attribute or block type named "age"',
    ]);
  });

  it('reports missing required attributes: null is missing, a reference is present', () => {
    expect(check({ ...good, name: null, location: '${var.location}' })).toEqual([
      'cloud_bucket.b name missing-required: required attribute "name" is not set',
    ]);
    expect(check({ ...good, versioning: { enabled: null } })).toEqual([
      'cloud_bucket.b versioning.enabled missing-required: required attribute "enabled" is not set',
    ]);
  });

  it('reports attributes only the provider sets, at any depth', () => {
    expect(check({ ...good, url: 'gs://x', rules: [{ action: 'a', etag: 'e' }] })).toEqual([
      'cloud_bucket.b rules[0].etag computed-only: "etag" is set by the provider and cannot be configured',
      'cloud_bucket.b url computed-only: "url" is set by the provider and cannot be configured',
    ]);
    expect(check({ ...good, id: 'optional and computed: settable' })).toEqual([]);
  });

  it('reports nesting counts outside min_items/max_items, and a single block given twice', () => {
    expect(
      check({ name: 'n', location: 'l', versioning: [{ enabled: true }, { enabled: false }] }),
    ).toEqual([
      'cloud_bucket.b encryption too-few-blocks: at least 1 "encryption" block(s) required, got 0',
      'cloud_bucket.b versioning too-many-blocks: at most 1 "versioning" block(s) allowed, got 2',
    ]);
    expect(
      check({ ...good, lifecycle_rule: [{ action: [{ type: 'a' }, { type: 'b' }] }] }),
    ).toEqual([
      'cloud_bucket.b lifecycle_rule[0].action too-many-blocks: at most 1 "action" block(s) allowed, got 2',
    ]);
  });

  it('a block written as a reference is an error (terraform wants a dynamic block)', () => {
    expect(check({ ...good, versioning: '${var.versioning}' })).toEqual([
      'cloud_bucket.b versioning wrong-type: "versioning" blocks are written as a JSON object or an array of objects, got the expression "${var.versioning}" (a reference cannot stand for a block: use a dynamic block)',
    ]);
  });

  it('a dynamic block counts as present for min_items, and its content is checked', () => {
    expect(
      check({
        name: 'n',
        location: 'l',
        dynamic: {
          encryption: {
            for_each: '${var.keys}',
            content: { default_kms_key_name: '${encryption.value}', rotation: 1 },
          },
        },
      }),
    ).toEqual([
      'cloud_bucket.b dynamic.encryption.content.rotation unknown-attribute: no attribute or block type named "rotation"',
    ]);
    expect(check({ ...good, dynamic: { encryptions: { for_each: [], content: {} } } })).toEqual([
      'cloud_bucket.b dynamic.encryptions unknown-block: dynamic block of an unknown block type "encryptions" (did you mean "encryption"?)',
    ]);
  });

  it('checks nested attributes (plugin protocol 6): shape, required members, counts', () => {
    expect(check({ ...good, rules: { action: 'a' } })).toEqual([
      'cloud_bucket.b rules wrong-type: "rules" is a list of objects, got an object',
    ]);
    expect(check({ ...good, rules: [{}] })).toEqual([
      'cloud_bucket.b rules[0].action missing-required: required attribute "action" is not set',
    ]);
    expect(check({ ...good, rules: '${var.rules}' })).toEqual([]);
  });

  it('checks data sources, and the provider block against the provider schema', () => {
    expect(
      checkStackSchema(
        {
          data: { cloud_project: { p: {} } },
          provider: { cloud: [{ project: 'p' }, { alias: 'west', projekt: 'p' }] },
        },
        schemas,
        { stack: 's' },
      ).findings.map((f) => `${f.address} ${f.path} ${f.kind}`),
    ).toEqual([
      'data.cloud_project.p id missing-required',
      'provider.cloud.west projekt unknown-attribute',
    ]);
  });

  it('knows terraform’s built-in provider (remote state reads) without being given its schema', () => {
    expect(
      checkStackSchema(
        {
          data: {
            terraform_remote_state: {
              network: { backend: 'gcs', config: { bucket: 'b', prefix: 'p' } },
              broken: { config: {} },
            },
          },
        },
        schemas,
        { stack: 's' },
      ).findings.map((f) => `${f.address} ${f.path} ${f.kind}`),
    ).toEqual(['data.terraform_remote_state.broken backend missing-required']);
  });

  it('an unknown type is a finding; a provider without a schema is listed as unchecked, never passed silently', () => {
    const report = checkStackSchema(
      {
        terraform: {
          required_providers: {
            cloud: { source: 'hashicorp/cloud' },
            other: { source: 'acme/other' },
          },
        },
        resource: {
          cloud_buckit: { b: {} },
          other_thing: { t: {} },
          cloud_bucket: { beta: { ...good, provider: 'other' } },
        },
        provider: { other: [{}] },
      },
      schemas,
      { stack: 's' },
    );
    expect(report.findings.map((f) => `${f.address} ${f.kind}: ${f.message}`)).toEqual([
      'cloud_buckit.b unknown-type: registry.terraform.io/hashicorp/cloud has no resource type "cloud_buckit"',
    ]);
    expect(report.unchecked).toEqual([
      { address: 'cloud_bucket.beta', provider: 'registry.terraform.io/acme/other' },
      { address: 'other_thing.t', provider: 'registry.terraform.io/acme/other' },
      { address: 'provider.other', provider: 'registry.terraform.io/acme/other' },
    ]);
  });
});
