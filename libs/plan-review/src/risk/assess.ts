import type { AttributeChange } from '../plan/attribute-diff';
import { RISK_RULES } from './rules';
import { riskRank, type Risk, type RiskInput, type RiskReason, type RiskRule } from './types';

/** Tags (AWS) and labels (GCP: the configured, the provider's and the effective ones). */
const TAG_PATH = /^(tags|tags_all|labels|terraform_labels|effective_labels)(\.|\[|$)/;

/** True for an update whose changed attributes are all tags or labels. */
export function isTagsOnly(kind: RiskInput['kind'], changes: readonly AttributeChange[]): boolean {
  return kind === 'update' && changes.length > 0 && changes.every((c) => TAG_PATH.test(c.path));
}

/** Runs the rules on one change: its level is that of its worst reason, `low` without any. */
export function assessRisk(
  change: RiskInput,
  changes: readonly AttributeChange[],
  rules: readonly RiskRule[] = RISK_RULES,
): Risk {
  const reasons: RiskReason[] = [];
  for (const rule of rules)
    for (const text of rule.check(change)) reasons.push({ rule: rule.id, level: rule.level, text });
  reasons.sort((a, b) => riskRank(a.level) - riskRank(b.level));
  return {
    level: reasons[0]?.level ?? 'low',
    reasons,
    tagsOnly: isTagsOnly(change.kind, changes),
  };
}
