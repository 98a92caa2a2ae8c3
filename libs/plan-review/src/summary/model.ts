import type { ActionKind } from '../plan/actions';
import type { AttributeChange } from '../plan/attribute-diff';
import type { CostChange } from '../cost/cost-changes';
import type { Risk } from '../risk/types';
import type { Scrubber } from '../sensitive/scrubber';

/** The eight numbers a reviewer reads first; add/change/destroy equal terraform's own "Plan:" line. */
export interface PlanCounts {
  /** Objects created, replacements included (terraform's "to add"). */
  readonly add: number;
  /** Objects updated in place (terraform's "to change"). */
  readonly change: number;
  /** Objects destroyed, replacements included (terraform's "to destroy"). */
  readonly destroy: number;
  /** Replacements (each also counted in add and, unless forgotten, in destroy). */
  readonly replace: number;
  /** Objects imported by import blocks. */
  readonly import: number;
  /** Objects whose address changes by a moved block. */
  readonly move: number;
  /** Objects removed from state without being destroyed (`removed` blocks, destroy = false). */
  readonly forget: number;
  /** Relevant objects changed outside terraform. */
  readonly drift: number;
}

/** The names of the counts, in report order. */
export const COUNT_KEYS = [
  'add',
  'change',
  'destroy',
  'replace',
  'import',
  'move',
  'forget',
  'drift',
] as const;

/** One resource instance the plan touches. All strings are safe to print. */
export interface ResourceReview {
  readonly address: string;
  /** The old address when a moved block renames the resource. */
  readonly previousAddress?: string;
  readonly type: string;
  readonly mode: 'managed' | 'data';
  /** Deposed object key, for leftovers of create_before_destroy. */
  readonly deposed?: string;
  readonly kind: ActionKind;
  /** Terraform's raw actions list. */
  readonly actions: readonly string[];
  /** The action in words. */
  readonly action: string;
  /** Terraform's `action_reason`, raw. */
  readonly reasonCode?: string;
  /** The reason in words. */
  readonly reason?: string;
  /** Attribute paths that forced a replacement. */
  readonly replacePaths: readonly string[];
  readonly importing: boolean;
  /** The import id (or identity, as JSON) when importing. */
  readonly importId?: string;
  readonly moved: boolean;
  readonly changes: readonly AttributeChange[];
  /** The risk rules' verdict: level, reasons, tags-only. Data sources are always `low`. */
  readonly risk: Risk;
  /** Blast radius of a destroy or replacement: configuration objects that reference it. */
  readonly referencedBy: readonly string[];
  /** The cdktf construct path, when the stack's `cdk.tf.json` was found. */
  readonly constructPath?: string;
  /** What about this change usually moves the bill (counts, sizes), when anything does. */
  readonly cost?: CostChange;
}

/** One object changed outside terraform. */
export interface DriftReview {
  readonly address: string;
  readonly kind: ActionKind;
  readonly action: string;
  readonly changes: readonly AttributeChange[];
}

/** One root output whose value changes. */
export interface OutputReview {
  readonly name: string;
  readonly kind: ActionKind;
  readonly sensitive: boolean;
  readonly before?: string;
  readonly after?: string;
}

/** Everything plan-review learned from one plan file. */
export interface PlanReview {
  readonly file: string;
  readonly stack: string;
  readonly terraformVersion?: string;
  readonly formatVersion: string;
  readonly counts: PlanCounts;
  /** Sorted by severity, then address. */
  readonly resources: readonly ResourceReview[];
  readonly drift: readonly DriftReview[];
  readonly outputs: readonly OutputReview[];
  /** Every sensitive value of the plan, for the final scrub of rendered reports. */
  readonly scrubber: Scrubber;
}

/** Sums counts. */
export function addCounts(items: readonly PlanCounts[]): PlanCounts {
  const total = {
    add: 0,
    change: 0,
    destroy: 0,
    replace: 0,
    import: 0,
    move: 0,
    forget: 0,
    drift: 0,
  };
  for (const counts of items) for (const key of COUNT_KEYS) total[key] += counts[key];
  return total;
}
