import { GITHUB_COMMENT_LIMIT } from '../markdown/markdown';
import { Scrubber } from '../sensitive/scrubber';
import { isDestructive } from './labels';
import {
  Omitted,
  renderCountsTable,
  renderDestroyTable,
  renderHeader,
  renderOmittedNote,
  type DetailLevel,
} from './markdown-sections';
import { addCounts, type PlanReview } from './model';
import { highRisk, renderEyesSection } from './risk-sections';
import { renderPlanSection } from './plan-section';
import type { PriceFile } from '../cost/prices';
import { costRows, renderCostSection } from './cost-section';

/** Options of {@link renderSummaryMarkdown}. */
export interface MarkdownOptions {
  /**
   * Longest report in characters.
   * @default 65,000 — one GitHub comment
   */
  readonly limit?: number;
  /**
   * Dated unit prices for the cost-relevant changes.
   * @default none — counts and sizes only, no amounts
   */
  readonly prices?: PriceFile;
}

const ALL = Number.POSITIVE_INFINITY;

/** Attribute changes per resource once a report must be trimmed. */
const TRIMMED_ATTRIBUTES = 10;

const FULL: DetailLevel = {
  attributes: ALL,
  attributeTotal: ALL,
  collapse: false,
  lines: ALL,
  compactDestroys: false,
  destroyRows: ALL,
  eyesReasons: ALL,
  eyesRows: ALL,
  costRows: ALL,
};

/** Characters of reasons per high-risk row once even the destroy table had to be cut. */
const SHORT_REASONS = 80;

/**
 * Renders reviews as one GitHub comment: headline counts and a warning, the table of destroys and
 * replacements (all stacks), counts per stack, then one section per plan. Past the limit,
 * attribute lists are collapsed into `<details>` and trimmed (as many per resource as fit), then
 * resource lines; the counts and the destroy table are kept. Only a destroy list that alone
 * exceeds the limit is cut, with a loud note. Every sensitive value the plans hold is scrubbed.
 */
export function renderSummaryMarkdown(
  reviews: readonly PlanReview[],
  options: MarkdownOptions = {},
): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const scrubber = new Scrubber();
  for (const review of reviews) scrubber.merge(review.scrubber);
  const render = (detail: DetailLevel): string =>
    scrubber.scrub(renderAt(reviews, detail, limit, options.prices));
  const fits = (detail: DetailLevel): boolean => render(detail).length <= limit;

  if (fits(FULL)) return render(FULL);
  const collapsed = { ...FULL, collapse: true };
  if (fits(collapsed)) return render(collapsed);
  const bareLines = { ...collapsed, attributes: 0, attributeTotal: 0 };
  if (fits(bareLines)) {
    const trimmed = { ...collapsed, attributes: TRIMMED_ATTRIBUTES };
    const most = largest(totalAttributes(reviews), (n) => fits({ ...trimmed, attributeTotal: n }));
    return render({ ...trimmed, attributeTotal: most });
  }
  const noLines = { ...bareLines, lines: 0, costRows: 0 };
  if (fits(noLines)) {
    const cost = largest(costRows(reviews).length, (n) => fits({ ...noLines, costRows: n }));
    const most = largest(maxLines(reviews), (n) => fits({ ...noLines, costRows: cost, lines: n }));
    return render({ ...noLines, costRows: cost, lines: most });
  }
  const compact = { ...noLines, compactDestroys: true };
  if (fits(compact)) return render(compact);
  const noDestroyRows = { ...compact, destroyRows: 0 };
  if (fits(noDestroyRows)) {
    const rows = largest(countDestructive(reviews), (n) => fits({ ...compact, destroyRows: n }));
    return render({ ...compact, destroyRows: rows });
  }
  // The high-risk list is trimmed last: its reasons shortened, then left out; never its rows.
  const shortReasons = { ...noDestroyRows, eyesReasons: SHORT_REASONS };
  if (fits(shortReasons)) return render(shortReasons);
  const bare = { ...noDestroyRows, eyesReasons: 0 };
  if (fits(bare)) return render(bare);
  // Thousands of high-risk changes: the limit still holds, with a loud note.
  const rows = largest(highRisk(reviews).length, (n) => fits({ ...bare, eyesRows: n }));
  return render({ ...bare, eyesRows: rows });
}

/** The largest n in [0, max] for which `ok(n)` holds, assuming ok is monotone and ok(0). */
function largest(max: number, ok: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ok(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

function totalAttributes(reviews: readonly PlanReview[]): number {
  return reviews.reduce(
    (n, r) => n + [...r.resources, ...r.drift].reduce((m, e) => m + e.changes.length, 0),
    0,
  );
}

function maxLines(reviews: readonly PlanReview[]): number {
  return Math.max(0, ...reviews.map((r) => r.resources.length + r.drift.length + r.outputs.length));
}

function countDestructive(reviews: readonly PlanReview[]): number {
  return reviews.reduce((n, r) => n + r.resources.filter(isDestructive).length, 0);
}

function renderAt(
  reviews: readonly PlanReview[],
  detail: DetailLevel,
  limit: number,
  prices: PriceFile | undefined,
): string {
  const total = addCounts(reviews.map((r) => r.counts));
  const destructive = countDestructive(reviews);
  const omitted = new Omitted(detail.attributeTotal);
  omitted.eyesReasons = detail.eyesReasons !== ALL;
  omitted.eyesRows = Math.max(0, highRisk(reviews).length - detail.eyesRows);
  const eyes = renderEyesSection(reviews, detail.eyesReasons, detail.eyesRows);
  const destroyTable = renderDestroyTable(reviews, detail, omitted);
  const sections = reviews.map((review) => renderPlanSection(review, detail, omitted));
  return [
    renderHeader(total, reviews, destructive),
    renderOmittedNote(omitted, limit),
    eyes,
    destroyTable,
    renderCostSection(reviews, prices, detail.costRows),
    renderCountsTable(reviews, total),
    ...sections,
  ]
    .filter((part) => part !== '')
    .join('\n');
}
