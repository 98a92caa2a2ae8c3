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
