import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject } from '../plan/types';
import { configItems, readConfigItems, stripMetadata } from './config-items';
import { diffStack, wholeStack } from './diff-configs';

const meta = { '//': { metadata: { path: 'stack/x' } } };

describe('the items of a synthesized configuration', () => {
  // built inside each test (see synth-diff.test.ts): code run at collection belongs to no test
  const items = () =>
    configItems({
      '//': { metadata: { version: '0.21.0' } },
      terraform: { backend: { s3: { bucket: 'state' } } },
      resource: { aws_vpc: { main: { ...meta, cidr_block: '10.0.0.0/16' } } },
      data: { aws_caller_identity: { me: { ...meta } } },
      output: { vpc_id: { value: 'x' } },
      variable: { region: { type: 'string' } },
      module: { net: { source: './net' } },
      locals: { tags: { a: 1 } },
      check: { health: { assert: [] } },
      provider: {
        aws: [{ region: 'eu-west-1' }, { region: 'us-east-1', alias: 'use1' }],
        google: { project: 'p' },
      },
      moved: [{ from: 'aws_s3_bucket.a', to: 'aws_s3_bucket.b' }, { to: 'aws_s3_bucket.c' }],
      import: { to: 'aws_s3_bucket.d', id: 'd' },
      removed: [{ from: 'aws_s3_bucket.e' }],
    } as JsonObject);

  it('addresses each block the way terraform does, and leaves the top-level // out', () => {
    expect([...items().keys()]).toEqual([
      'terraform',
      'aws_vpc.main',
      'data.aws_caller_identity.me',
      'output.vpc_id',
      'var.region',
      'module.net',
      'local.tags',
      'check.health',
      'provider.aws',
      'provider.aws.use1',
      'provider.google',
      'moved: aws_s3_bucket.a -> aws_s3_bucket.b',
      'moved: ? -> aws_s3_bucket.c',
      'import: aws_s3_bucket.d',
      'removed: aws_s3_bucket.e',
    ]);
  });

  it('keeps the block and type of each item, without cdktf metadata', () => {
    expect(items().get('aws_vpc.main')).toEqual({
      address: 'aws_vpc.main',
      block: 'resource',
      type: 'aws_vpc',
      body: { cidr_block: '10.0.0.0/16' },
    });
    expect(items().get('data.aws_caller_identity.me')).toEqual({
      address: 'data.aws_caller_identity.me',
      block: 'data',
      type: 'aws_caller_identity',
      body: {},
    });
    expect(items().get('terraform')?.block).toBe('terraform');
    expect(items().get('import: aws_s3_bucket.d')?.block).toBe('import');
  });

  it('strips metadata at every depth, inside lists too', () => {
    expect(stripMetadata({ '//': 1, a: [{ '//': 2, b: 1 }, 3], c: { '//': 3, d: null } })).toEqual({
      a: [{ b: 1 }, 3],
      c: { d: null },
    });
  });
});

describe('reading a cdk.tf.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'config-items-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('reads the items', () => {
    expect([
      ...readConfigItems(
        file('ok.json', JSON.stringify({ resource: { aws_vpc: { a: {} } } })),
      ).keys(),
    ]).toEqual(['aws_vpc.a']);
  });

  it('refuses a missing file, text that is not JSON, and JSON that is not a configuration, naming the file', () => {
    const missing = join(dir, 'missing.json');
    expect(() => readConfigItems(missing)).toThrow(`${missing}: cannot read the file (ENOENT)`);
    const bad = file('bad.json', '{ nope');
    expect(() => readConfigItems(bad)).toThrow(new RegExp(`^${bad}: not JSON \\(`));
    const list = file('list.json', '[]');
    expect(() => readConfigItems(list)).toThrow(
      `${list}: not a synthesized terraform configuration`,
    );
    const binary = file('binary.json', 'PK\u0003\u0004rest');
    expect(() => readConfigItems(binary)).toThrow(`${binary}: this is a binary plan file`);
  });
});

describe('diffStack', () => {
  const items = (config: JsonObject) => configItems(config);

  it('one item added and one removed is a change; lists are sorted', () => {
    const diffed = diffStack(
      's',
      items({
        resource: {
          aws_sqs_queue: { z: { n: 1 }, b: { n: 2 } },
          aws_sns_topic: { y: { n: 1 }, a: { n: 1 } },
        },
      }),
      items({
        resource: { aws_sqs_queue: { c: { n: 3 } }, aws_sns_topic: { y: { n: 2 }, a: { n: 2 } } },
      }),
    );
    expect(diffed.status).toBe('changed');
    expect(diffed.removed).toEqual(['aws_sqs_queue.b', 'aws_sqs_queue.z']);
    expect(diffed.changed.map((c) => c.address)).toEqual(['aws_sns_topic.a', 'aws_sns_topic.y']);
    expect(
      diffStack('s', items({ output: { a: { value: 1 } } }), items({ output: { b: { value: 1 } } }))
        .status,
    ).toBe('changed');
  });

  it('an identical stack is unchanged', () => {
    const config = { resource: { aws_vpc: { a: { cidr_block: '10.0.0.0/16' } } } };
    expect(diffStack('s', items(config), items(config))).toEqual({
      stack: 's',
      status: 'unchanged',
      added: [],
      removed: [],
      changed: [],
      renames: [],
    });
  });

  it('a resource whose body moved to a new name is a rename; a moved block names its target even when the body changed', () => {
    const base = items({ resource: { aws_sqs_queue: { a: { name: 'q' }, b: { name: 'r' } } } });
    const head = items({
      resource: { aws_sqs_queue: { a2: { name: 'q' }, b2: { name: 'r2' }, b3: { name: 'r' } } },
      moved: [{ from: 'aws_sqs_queue.b', to: 'aws_sqs_queue.b2' }],
    });
    expect(diffStack('s', base, head).renames).toEqual([
      { from: 'aws_sqs_queue.a', to: 'aws_sqs_queue.a2', movedBlock: false },
      { from: 'aws_sqs_queue.b', to: 'aws_sqs_queue.b2', movedBlock: true },
    ]);
  });

  it('a new name of another type, or one already taken, is not a rename', () => {
    const base = items({ resource: { aws_sqs_queue: { a: { name: 'q' }, b: { name: 'q' } } } });
    const head = items({
      resource: { aws_sqs_queue: { c: { name: 'q' } }, aws_sns_topic: { a: { name: 'q' } } },
    });
    expect(diffStack('s', base, head).renames).toEqual([
      { from: 'aws_sqs_queue.a', to: 'aws_sqs_queue.c', movedBlock: false },
    ]);
    const outputs = diffStack(
      's',
      items({ output: { a: { value: 1 } } }),
      items({ output: { b: { value: 1 } } }),
    );
    expect(outputs.renames).toEqual([]);
  });

  it('a whole stack added or removed lists every address on its side', () => {
    const config = items({ resource: { aws_vpc: { b: {}, a: {} } } });
    expect(wholeStack('s', config, 'added')).toMatchObject({
      status: 'added',
      added: ['aws_vpc.a', 'aws_vpc.b'],
      removed: [],
    });
    expect(wholeStack('s', config, 'removed')).toMatchObject({
      status: 'removed',
      added: [],
      removed: ['aws_vpc.a', 'aws_vpc.b'],
    });
  });
});
