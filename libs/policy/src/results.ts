import type { RuleResult } from './types';

/** The rule does not concern this resource. */
export const notApplicable = (): RuleResult => ({ status: 'not-applicable' });
/** The resource follows the rule. */
export const compliant = (): RuleResult => ({ status: 'compliant' });
/** The resource breaks the rule; each detail says where. */
export const nonCompliant = (...details: string[]): RuleResult => ({
  status: 'non-compliant',
  details,
});
/** Compliant when there are no details, else non-compliant with them. */
export const fromDetails = (details: readonly string[]): RuleResult =>
  details.length === 0 ? compliant() : nonCompliant(...details);
