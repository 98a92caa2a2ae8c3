import { RISK_RULES } from './rules';
import type { RiskRule } from './types';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The risk rules as a markdown document, generated, never copied by hand. */
export function riskRuleTable(rules: readonly RiskRule[] = RISK_RULES): string {
  return [
    '# Risk rules of plan-review',
    '',
    'Generated from `RISK_RULES` (libs/plan-review/src/risk) by',
    '`node libs/plan-review/bin/plan-review.js rules > libs/plan-review/RISK-RULES.md`; a test fails',
    'when this file is out of date. A change gets the highest level of the rules it trips; a',
    'change that trips none is `low` (an update of tags alone is marked "tags only").',
    '',
    '| rule | level | what it finds |',
    '|---|---|---|',
    ...rules.map((r) => `| ${r.id} | ${r.level} | ${cell(r.finds)} |`),
    '',
  ].join('\n');
}
