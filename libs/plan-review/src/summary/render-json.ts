import type { RiskLevel } from '../risk/types';
import { Scrubber } from '../sensitive/scrubber';
import { highRisk } from './risk-sections';
import type { CostChange } from '../cost/cost-changes';
import { monthlyDelta, type PriceFile } from '../cost/prices';
import { costRows } from './cost-section';
import {
  addCounts,
  COUNT_KEYS,
  type PlanCounts,
  type PlanReview,
  type ResourceReview,
} from './model';

/** One resource in the JSON report. */
export interface JsonResource {
  readonly address: string;
  readonly previousAddress?: string;
  readonly deposed?: string;
  readonly actions: readonly string[];
  /** The action in words. */
  readonly action: string;
  /** Terraform's action_reason in words, or null. */
  readonly reason: string | null;
  readonly replacePaths: readonly string[];
  readonly importId?: string;
  /** Changed attribute paths with display-safe values. */
  readonly changes: readonly { path: string; before?: string; after?: string }[];
  /** The risk rules' verdict. */
  readonly risk: {
    readonly level: RiskLevel;
    readonly reasons: readonly { rule: string; level: RiskLevel; text: string }[];
    readonly tagsOnly: boolean;
  };
  /** Blast radius of a destroy or replacement: configuration objects referencing it. */
  readonly referencedBy: readonly string[];
  /** The cdktf construct path, when the stack's cdk.tf.json was found. */
  readonly constructPath?: string;
}

/** One entry of "What needs your eyes": a high-risk change. */
export interface JsonEyesEntry {
  readonly stack: string;
  readonly file: string;
  readonly address: string;
  readonly action: string;
  readonly level: RiskLevel;
  readonly reasons: readonly string[];
  readonly referencedBy: readonly string[];
}

/** The JSON report: totals and one entry per plan, with the same eight counts. */
export interface JsonSummary {
  /** Every high-risk change of every plan, first, as in the markdown. */
  readonly needsYourEyes: readonly JsonEyesEntry[];
  readonly total: PlanCounts;
  /** Changes that usually move the bill; `monthly` only from a given price file. */
  readonly costChanges: readonly (CostChange & {
    stack: string;
    monthly?: number;
  })[];
  /** The price file's date, currency and source, when one was given. */
  readonly prices?: { date: string; currency: string; source: string };
  readonly plans: readonly (PlanCounts & {
    file: string;
    stack: string;
    resources: readonly JsonResource[];
  })[];
}

/** Builds the JSON report (every string scrubbed of sensitive values). */
export function summaryToJson(
  reviews: readonly PlanReview[],
  options: { readonly prices?: PriceFile } = {},
): JsonSummary {
  const { prices } = options;
  const scrubber = new Scrubber();
  for (const review of reviews) scrubber.merge(review.scrubber);
  const summary: JsonSummary = {
    needsYourEyes: highRisk(reviews).map(({ review, resource }) => ({
      stack: review.stack,
      file: review.file,
      address: resource.address,
      action: resource.action,
      level: resource.risk.level,
      reasons: resource.risk.reasons.map((r) => r.text),
      referencedBy: resource.referencedBy,
    })),
    total: pickCounts(addCounts(reviews.map((r) => r.counts))),
    costChanges: costRows(reviews).map(({ review, cost }) => {
      const monthly = prices ? monthlyDelta(cost, prices) : undefined;
      return { stack: review.stack, ...cost, ...(monthly !== undefined ? { monthly } : {}) };
    }),
    ...(prices
      ? { prices: { date: prices.date, currency: prices.currency, source: prices.source } }
      : {}),
    plans: reviews.map((review) => ({
      file: review.file,
      stack: review.stack,
      ...pickCounts(review.counts),
      resources: review.resources.map(toJsonResource),
    })),
  };
  return scrubber.scrubDeep(summary);
}

/** The JSON report as text, with a final scrub of escaped spellings. */
export function renderSummaryJson(
  reviews: readonly PlanReview[],
  options: { readonly prices?: PriceFile } = {},
): string {
  const scrubber = new Scrubber();
  for (const review of reviews) scrubber.merge(review.scrubber);
  return scrubber.scrub(`${JSON.stringify(summaryToJson(reviews, options), null, 2)}\n`);
}

function pickCounts(counts: PlanCounts): PlanCounts {
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, counts[key]])) as unknown as PlanCounts;
}

function toJsonResource(resource: ResourceReview): JsonResource {
  return {
    address: resource.address,
    ...(resource.previousAddress ? { previousAddress: resource.previousAddress } : {}),
    ...(resource.deposed ? { deposed: resource.deposed } : {}),
    actions: resource.actions,
    action: resource.action,
    reason: resource.reason ?? null,
    replacePaths: resource.replacePaths,
    ...(resource.importId !== undefined ? { importId: resource.importId } : {}),
    changes: resource.changes,
    risk: {
      level: resource.risk.level,
      reasons: resource.risk.reasons.map((r) => ({ rule: r.rule, level: r.level, text: r.text })),
      tagsOnly: resource.risk.tagsOnly,
    },
    referencedBy: resource.referencedBy,
    ...(resource.constructPath ? { constructPath: resource.constructPath } : {}),
  };
}
