import { IAM_RULES } from './iam';
import { NETWORK_RULES } from './network';
import { PROTECTION_RULES } from './protection';
import { STATEFUL_RULES } from './stateful';
import type { RiskRule } from './types';

/** Every risk rule, in report order. RISK-RULES.md is generated from this list. */
export const RISK_RULES: readonly RiskRule[] = [
  ...STATEFUL_RULES,
  ...NETWORK_RULES,
  ...IAM_RULES,
  ...PROTECTION_RULES,
];
