import { destroysObject } from '../plan/actions';
import { riskRank, type RiskLevel } from '../risk/types';
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
  /** Terraform's reason in words (with the attributes that forced a replacement), or the risk reasons. */
  readonly why: string;
  /** `destroy`: a protected resource destroyed or replaced; `risk`: a change at or above `--fail-on`. */
  readonly kind: 'destroy' | 'risk';
  /** The risk level of the change (risk findings). */
  readonly level?: RiskLevel;
  /** The rule that protects it. */
  readonly protectedBy: ProtectRule;
  /** The exception that lets it through, if any. */
  readonly allowedBy?: AllowRule;
}

/** Options of {@link runGuard}. */
export interface GuardOptions {
  /**
   * Also fail on every managed change whose risk is at this level or above (`high`, `medium`).
   * @default undefined — only protected destroys fail
   */
  readonly failOn?: Exclude<RiskLevel, 'low'>;
}

/** What the guard found: violations fail the check, allowed findings are reported. */
export interface GuardResult {
  readonly violations: readonly GuardFinding[];
  readonly allowed: readonly GuardFinding[];
  readonly plansChecked: number;
  /** The `--fail-on` level, when risk was checked. */
  readonly failOn?: Exclude<RiskLevel, 'low'>;
}

/**
 * Finds protected resources that a plan destroys or replaces. A rule matches a resource type or
 * an address (with or without instance keys); forgetting is not destroying, and neither is a
 * replacement whose old object is forgotten. Allow rules match the full address.
 */
export function runGuard(
  reviews: readonly PlanReview[],
  config: GuardConfig,
  options: GuardOptions = {},
): GuardResult {
  const violations: GuardFinding[] = [];
  const allowed: GuardFinding[] = [];
  const { failOn } = options;
  for (const review of reviews) {
    for (const resource of review.resources) {
      if (resource.mode !== 'managed') continue;
      const protectedBy = destroysObject(resource.kind)
        ? config.protect.find((rule) => protects(rule, resource))
        : undefined;
      // failOn is never low, so a low-risk change is never at or above it
      const risky = failOn !== undefined && riskRank(resource.risk.level) <= riskRank(failOn);
      if (!protectedBy && !risky) continue;
      const allowedBy = config.allow.find((rule) => matchesGlob(rule.address, resource.address));
      const finding: GuardFinding = {
        stack: review.stack,
        file: review.file,
        address: resource.deposed
          ? `${resource.address} (deposed ${resource.deposed})`
          : resource.address,
        action: resource.action,
        ...(protectedBy
          ? { kind: 'destroy', why: why(resource), protectedBy }
          : {
              kind: 'risk',
              level: resource.risk.level,
              why: resource.risk.reasons.map((r) => r.text).join('; '),
              protectedBy: {
                match: `--fail-on ${failOn}`,
                reason: `${resource.risk.level} risk`,
              },
            }),
        ...(allowedBy ? { allowedBy } : {}),
      };
      (allowedBy ? allowed : violations).push(finding);
    }
  }
  return { violations, allowed, plansChecked: reviews.length, ...(failOn ? { failOn } : {}) };
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
