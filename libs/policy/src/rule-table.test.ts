import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleTable } from './rule-table';
import { PLATFORM_RULES } from './rules';

describe('rule documentation', () => {
  it('libs/policy/RULES.md lists every rule of the pack (run nx run policy:rules-doc after a change)', () => {
    expect(readFileSync(join(__dirname, '..', 'RULES.md'), 'utf8')).toBe(ruleTable(PLATFORM_RULES));
  });
});
