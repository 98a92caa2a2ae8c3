import type { ActionKind } from '../plan/actions';
import type { Json } from '../plan/types';

/** Risk levels, most severe first. */
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;

/** One of {@link RISK_LEVELS}. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The rank of a level: 0 for high; lower is more severe. */
export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/** What a risk rule reads: one managed resource change with its raw before/after values. */
export interface RiskInput {
  readonly address: string;
  readonly type: string;
  readonly kind: ActionKind;
  /** The object before the change; null or absent for a create. */
  readonly before: Json | undefined;
  /** The object after the change; null or absent for a delete. */
  readonly after: Json | undefined;
  /** `true` or a structure of booleans parallel to `after`: values known only after apply. */
  readonly afterUnknown: Json | undefined;
  /** The stack's own AWS accounts (the provider's `allowed_account_ids`), when the plan shows them. */
  readonly accounts?: readonly string[];
}

/** A rule: data (id, level, what it finds) plus a small pure function giving reasons in words. */
export interface RiskRule {
  /** Stable id, kebab-case, e.g. `stateful-destroyed`. */
  readonly id: string;
  /** The level every reason of this rule gives. */
  readonly level: Exclude<RiskLevel, 'low'>;
  /** One line for the rule table: what the rule finds. */
  readonly finds: string;
  /** The reasons this change trips the rule; empty when it does not apply. */
  readonly check: (change: RiskInput) => readonly string[];
}

/** One reason with the rule and level that gave it. */
export interface RiskReason {
  readonly rule: string;
  readonly level: Exclude<RiskLevel, 'low'>;
  readonly text: string;
}

/** The risk of one resource change: the highest level of its reasons, `low` without any. */
export interface Risk {
  readonly level: RiskLevel;
  /** Sorted by level, then rule order. */
  readonly reasons: readonly RiskReason[];
  /** An update whose changed attributes are all tags or labels (`tags`, `tags_all`, `labels`, `terraform_labels`, `effective_labels`). */
  readonly tagsOnly: boolean;
}
