import { destroysObject } from '../plan/actions';
import type { PlanReview, ResourceReview } from '../summary/model';
import type { AllowRule, GuardConfig, ProtectRule } from './guard-config';
import { matchesGlob, withoutInstanceKeys } from './glob';

/** A protected resource the plan would destroy or replace. */
export interface GuardFinding {
  readonly stack: string;
  readonly file: string;
  readonly address: string;
  /** The action in words. */
  readonly action: string;
  /** Terraform's reason in words, with the attributes that forced a replacement. */
  readonly why: string;
  /** The rule that protects it. */
  readonly protectedBy: ProtectRule;
  /** The exception that lets it through, if any. */
  readonly allowedBy?: AllowRule;
}

/** What the guard found: violations fail the check, allowed findings are reported. */
export interface GuardResult {
  readonly violations: readonly GuardFinding[];
  readonly allowed: readonly GuardFinding[];
  readonly plansChecked: number;
}

/**
 * Finds protected resources that a plan destroys or replaces. A rule matches a resource type or
 * an address (with or without instance keys); forgetting is not destroying, and neither is a
 * replacement whose old object is forgotten. Allow rules match the full address.
 */
export function runGuard(reviews: readonly PlanReview[], config: GuardConfig): GuardResult {
  const violations: GuardFinding[] = [];
  const allowed: GuardFinding[] = [];
  for (const review of reviews) {
    for (const resource of review.resources) {
      if (resource.mode !== 'managed' || !destroysObject(resource.kind)) continue;
      const protectedBy = config.protect.find((rule) => protects(rule, resource));
      if (!protectedBy) continue;
      const allowedBy = config.allow.find((rule) => matchesGlob(rule.address, resource.address));
      const finding: GuardFinding = {
        stack: review.stack,
        file: review.file,
        address: resource.deposed
          ? `${resource.address} (deposed ${resource.deposed})`
          : resource.address,
        action: resource.action,
        why: why(resource),
        protectedBy,
        ...(allowedBy ? { allowedBy } : {}),
      };
      (allowedBy ? allowed : violations).push(finding);
    }
  }
  return { violations, allowed, plansChecked: reviews.length };
}

function protects(rule: ProtectRule, resource: ResourceReview): boolean {
  return [resource.type, resource.address, withoutInstanceKeys(resource.address)].some((text) =>
    matchesGlob(rule.match, text),
  );
}

function why(resource: ResourceReview): string {
  const forced =
    resource.replacePaths.length > 0 ? `forced by ${resource.replacePaths.join(', ')}` : '';
  return [resource.reason ?? 'no reason given by terraform', forced].filter(Boolean).join('; ');
}
