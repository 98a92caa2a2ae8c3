import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentedPacks, ruleDocument } from './rule-table';
import { PLATFORM_RULES } from './rules';
import { GCP_RULES } from './rules/gcp-pack';

describe('rule documentation', () => {
  it('libs/policy/RULES.md lists every rule of every pack (run nx run policy:rules-doc after a change)', () => {
    expect(readFileSync(join(__dirname, '..', 'RULES.md'), 'utf8')).toBe(
      ruleDocument(documentedPacks(PLATFORM_RULES, GCP_RULES)),
    );
  });
});
