import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors';
import { readGuardConfig } from './guard-config';

const dir = mkdtempSync(join(tmpdir(), 'guard-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('a project guard config file', () => {
  it('reads protect and allow rules, each with its reason', () => {
    const path = file(
      'ok.json',
      JSON.stringify({
        protect: [{ match: 'aws_sqs_queue', reason: 'queues hold messages' }],
        allow: [{ address: 'aws_s3_bucket.old', reason: 'moving it' }],
      }),
    );
    expect(readGuardConfig(path)).toEqual({
      protect: [{ match: 'aws_sqs_queue', reason: 'queues hold messages' }],
      allow: [{ address: 'aws_s3_bucket.old', reason: 'moving it' }],
    });
  });

  it('a missing file is bad input naming the file and the error code', () => {
    const path = join(dir, 'missing.json');
    expect(() => readGuardConfig(path)).toThrow(InputError);
    expect(() => readGuardConfig(path)).toThrow(`${path}: cannot read the guard config (ENOENT)`);
  });

  it('bytes that are not text are bad input saying so, not "cannot read"', () => {
    const path = join(dir, 'binary.json');
    writeFileSync(path, Buffer.from([0x7b, 0xc3, 0x28, 0xa0, 0xa1, 0x7d]));
    expect(() => readGuardConfig(path)).toThrow(
      `${path}: not a text file (neither UTF-8 nor UTF-16)`,
    );
  });

  it('text that is not JSON is bad input naming the file', () => {
    const path = file('bad.json', '{ protect: ');
    expect(() => readGuardConfig(path)).toThrow(InputError);
    expect(() => readGuardConfig(path)).toThrow(
      new RegExp(`^${path}: guard config is not JSON \\(`),
    );
  });

  it('a rule without a reason is bad input naming the file and the field', () => {
    const path = file('no-reason.json', JSON.stringify({ protect: [{ match: 'aws_sqs_queue' }] }));
    expect(() => readGuardConfig(path)).toThrow(
      new RegExp(`^${path}: invalid guard config \\(protect\\.0\\.reason: `),
    );
    const root = file('root.json', '[]');
    expect(() => readGuardConfig(root)).toThrow(`${root}: invalid guard config ((root): `);
  });
});
