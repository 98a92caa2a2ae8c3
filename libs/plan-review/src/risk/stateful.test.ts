import type { Json } from '../plan/types';
import { assessRisk } from './assess';
import type { RiskInput } from './types';

/** The reasons of one change, as `[rule] text`. */
function reasons(type: string, before: Json, after: Json): string[] {
  const change: RiskInput = {
    address: `${type}.x`,
    type,
    kind: 'update',
    before,
    after,
    afterUnknown: {},
  };
  return assessRisk(change, []).reasons.map((r) => `[${r.rule}] ${r.text}`);
}

describe('deletion protection switched off', () => {
  it('an ECR repository whose force_delete is switched on is high: a destroy takes its images', () => {
    expect(reasons('aws_ecr_repository', { force_delete: false }, { force_delete: true })).toEqual([
      '[deletion-protection-off] deletion protection switched off (`force_delete` false → true: a destroy takes the contents)',
    ]);
  });

  it('switching force_delete off again is not a risk', () => {
    expect(reasons('aws_ecr_repository', { force_delete: true }, { force_delete: false })).toEqual(
      [],
    );
  });
});

describe('stateful resources destroyed or replaced', () => {
  const risk = (type: string, kind: RiskInput['kind']) =>
    assessRisk(
      {
        address: `${type}.x`,
        type,
        kind,
        before: {},
        after: kind === 'delete' ? null : {},
        afterUnknown: {},
      },
      [],
    ).reasons.map((r) => `${r.level} [${r.rule}] ${r.text}`);

  it('a destroy says what is lost; a replacement says it comes back empty', () => {
    expect(risk('aws_dynamodb_table', 'delete')).toEqual([
      'high [stateful-destroyed] a table is destroyed',
    ]);
    expect(risk('google_kms_key_ring', 'replace')).toEqual([
      'high [stateful-destroyed] a KMS key ring (and every key in it) is replaced: destroyed and created anew, empty',
    ]);
  });

  it('an update, a create or a forget of a stateful resource loses nothing; neither does destroying what holds no data', () => {
    for (const kind of ['update', 'create', 'forget'] as const)
      expect(risk('aws_s3_bucket', kind)).toEqual([]);
    expect(risk('aws_iam_role', 'delete')).toEqual([]);
  });
});

describe('each deletion protection attribute', () => {
  it.each([
    'deletion_protection',
    'deletion_protection_enabled',
    'enable_deletion_protection',
    'termination_protection',
    'disable_api_termination',
  ])('%s true → false is high, on update or replace; false → true is not', (key) => {
    const text = `[deletion-protection-off] deletion protection switched off (\`${key}\` true → false)`;
    expect(reasons('aws_lb', { [key]: true }, { [key]: false })).toEqual([text]);
    expect(reasons('aws_lb', { [key]: false }, { [key]: true })).toEqual([]);
    expect(reasons('aws_lb', { [key]: true }, {})).toEqual([]);
    expect(
      assessRisk(
        {
          address: 'aws_lb.x',
          type: 'aws_lb',
          kind: 'replace',
          before: { [key]: true },
          after: { [key]: false },
          afterUnknown: {},
        },
        [],
      ).reasons.map((r) => `[${r.rule}] ${r.text}`),
    ).toEqual([text]);
    expect(
      assessRisk(
        {
          address: 'aws_lb.x',
          type: 'aws_lb',
          kind: 'create',
          before: { [key]: true },
          after: { [key]: false },
          afterUnknown: {},
        },
        [],
      ).reasons,
    ).toEqual([]);
  });

  it('a bucket whose force_destroy is switched on: a destroy takes its objects', () => {
    expect(reasons('aws_s3_bucket', { force_destroy: false }, { force_destroy: true })).toEqual([
      '[deletion-protection-off] deletion protection switched off (`force_destroy` false → true: a destroy takes the contents)',
    ]);
    expect(reasons('aws_s3_bucket', {}, { force_destroy: true })).toEqual([]);
  });
});

describe('deletion protection that was never on', () => {
  it('unset → false is not switched off', () => {
    expect(reasons('aws_db_instance', {}, { deletion_protection: false })).toEqual([]);
  });
});
