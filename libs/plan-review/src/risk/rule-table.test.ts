import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { riskRuleTable } from './rule-table';
import { RISK_RULES } from './rules';

describe('risk rule documentation', () => {
  it('libs/plan-review/RISK-RULES.md lists every rule with its level (regenerate with "plan-review rules")', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'RISK-RULES.md'), 'utf8')).toBe(
      riskRuleTable(),
    );
  });

  it('gives every rule a unique id and a level that is not low', () => {
    const ids = RISK_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(RISK_RULES.every((r) => r.level === 'high' || r.level === 'medium')).toBe(true);
  });
});
