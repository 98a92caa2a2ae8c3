import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject } from '../plan/types';
import { configItems, type ConfigItem } from './config-items';
import { configSensitivity } from './config-sensitivity';
import { findSynthStacks } from './find-stacks';
import { preventDestroyRemoved } from './prevent-destroy';

describe('prevent_destroy removed', () => {
  const items = (config: JsonObject) => configItems(config);
  const kept = { lifecycle: { prevent_destroy: true } };

  it('finds a resource that loses it, and one that leaves with it; sorted by address', () => {
    const base = items({
      resource: { aws_s3_bucket: { z: kept, a: kept, same: kept }, aws_kms_key: { k: kept } },
    });
    const head = items({
      resource: {
        aws_s3_bucket: {
          z: { lifecycle: {} },
          a: { lifecycle: { prevent_destroy: false } },
          same: kept,
        },
      },
    });
    expect(preventDestroyRemoved('st', base, head)).toEqual([
      { stack: 'st', address: 'aws_kms_key.k', resourceRemoved: true },
      { stack: 'st', address: 'aws_s3_bucket.a', resourceRemoved: false },
      { stack: 'st', address: 'aws_s3_bucket.z', resourceRemoved: false },
    ]);
  });

  it('ignores resources that never had it, and blocks that are not resources', () => {
    const base = items({
      resource: { aws_s3_bucket: { b: {} } },
      data: { aws_s3_bucket: { d: kept } },
    });
    expect(preventDestroyRemoved('st', base, items({}))).toEqual([]);
  });
});

describe('finding stacks in a synth output', () => {
  const root = mkdtempSync(join(tmpdir(), 'find-stacks-'));
  const write = (...parts: string[]) => {
    mkdirSync(join(root, ...parts.slice(0, -1)), { recursive: true });
    writeFileSync(join(root, ...parts), '{}');
  };
  write('apps', 'network', 'stacks', 'network-dev', 'cdk.tf.json');
  write('apps', 'a', 'stacks', 'shared', 'cdk.tf.json');
  write('apps', 'b', 'stacks', 'shared', 'cdk.tf.json');
  write('apps', 'b', 'stacks', 'other', 'not-a-stack.json');
  write('apps', 'b', 'node_modules', 'x', 'cdk.tf.json');
  write('apps', 'b', '.terraform', 'y', 'cdk.tf.json');
  write('.git', 'z', 'cdk.tf.json');

  it('names each stack after its folder, and stacks of the same name by their path', () => {
    expect([...findSynthStacks(root).keys()]).toEqual([
      'apps/a/stacks/shared',
      'apps/b/stacks/shared',
      'network-dev',
    ]);
    expect(findSynthStacks(root).get('network-dev')).toBe(
      join(root, 'apps', 'network', 'stacks', 'network-dev', 'cdk.tf.json'),
    );
  });

  it('a folder that cannot be read is bad input naming it', () => {
    expect(() => findSynthStacks(join(root, 'missing'))).toThrow(
      `${join(root, 'missing')}: cannot read the folder (ENOENT)`,
    );
  });
});

describe('what a config diff never shows', () => {
  const item = (block: string, body: JsonObject): ConfigItem => ({
    address: `${block}.x`,
    block,
    body,
  });

  it('a sensitive variable default and a sensitive output value', () => {
    expect(configSensitivity(item('variable', { sensitive: true, default: 'p' }))).toEqual({
      default: true,
    });
    expect(configSensitivity(item('output', { sensitive: true, value: 'p' }))).toEqual({
      value: true,
    });
    expect(configSensitivity(item('output', { sensitive: false, value: 'p' }))).toEqual({
      sensitive: false,
      value: false,
    });
    expect(configSensitivity(item('resource', { sensitive: true, value: 'p' }))).toEqual({
      sensitive: false,
      value: false,
    });
  });

  it.each([
    'password',
    'db_pass',
    'client_secret',
    'github_token',
    'private_key',
    'privatekey',
    'access_key',
    'accesskey',
    'credentials',
    'api_key',
    'APIKEY',
  ])('values under %s, at any depth', (key) => {
    expect(configSensitivity(item('resource', { a: [{ [key]: 'v', name: 'n' }] }))).toEqual({
      a: [{ [key]: true, name: false }],
    });
  });
});
