import { GITHUB_COMMENT_LIMIT } from '../markdown/markdown';
import { Scrubber } from '../sensitive/scrubber';
import { isDestructive } from './labels';
import {
  Omitted,
  renderCountsTable,
  renderDestroyTable,
  renderHeader,
  renderOmittedNote,
  renderPlanSection,
  type DetailLevel,
} from './markdown-sections';
import { addCounts, type PlanReview } from './model';

/** Options of {@link renderSummaryMarkdown}. */
export interface MarkdownOptions {
  /**
   * Longest report in characters.
   * @default 65,000 — one GitHub comment
   */
  readonly limit?: number;
}

const ALL = Number.POSITIVE_INFINITY;

/** From everything to the bare minimum; the first level that fits the limit wins. */
const LEVELS: readonly DetailLevel[] = [
  { attributes: ALL, collapse: false, lines: ALL, compactDestroys: false, destroyRows: ALL },
  { attributes: ALL, collapse: true, lines: ALL, compactDestroys: false, destroyRows: ALL },
  { attributes: 20, collapse: true, lines: ALL, compactDestroys: false, destroyRows: ALL },
  { attributes: 5, collapse: true, lines: ALL, compactDestroys: false, destroyRows: ALL },
  { attributes: 0, collapse: true, lines: ALL, compactDestroys: false, destroyRows: ALL },
  { attributes: 0, collapse: true, lines: 50, compactDestroys: false, destroyRows: ALL },
  { attributes: 0, collapse: true, lines: 0, compactDestroys: false, destroyRows: ALL },
  { attributes: 0, collapse: true, lines: 0, compactDestroys: true, destroyRows: ALL },
];

/**
 * Renders reviews as one GitHub comment: headline counts and a warning, the table of destroys and
 * replacements (all stacks), counts per stack, then one section per plan. Past the limit,
 * attribute lists are collapsed and trimmed, then resource lines; the counts and the destroy
 * table are kept (only a destroy list that alone exceeds the limit is cut, with a loud note).
 * Every sensitive value the plans hold is scrubbed from the result.
 */
export function renderSummaryMarkdown(reviews: readonly PlanReview[], options: MarkdownOptions = {}): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const scrubber = new Scrubber();
  for (const review of reviews) scrubber.merge(review.scrubber);
  let text = '';
  for (const level of LEVELS) {
    text = scrubber.scrub(renderAt(reviews, level, limit));
    if (text.length <= limit) return text;
  }
  const destructive = reviews.reduce((n, r) => n + r.resources.filter(isDestructive).length, 0);
  for (let rows = Math.floor(destructive / 2); rows >= 0; rows = rows === 0 ? -1 : Math.floor(rows / 2)) {
    text = scrubber.scrub(renderAt(reviews, { ...LEVELS[LEVELS.length - 1], destroyRows: rows }, limit));
    if (text.length <= limit) return text;
  }
  return text;
}

function renderAt(reviews: readonly PlanReview[], detail: DetailLevel, limit: number): string {
  const total = addCounts(reviews.map((r) => r.counts));
  const destructive = reviews.reduce((n, r) => n + r.resources.filter(isDestructive).length, 0);
  const omitted = new Omitted();
  const destroyTable = renderDestroyTable(reviews, detail, omitted);
  const sections = reviews.map((review) => renderPlanSection(review, detail, omitted));
  return [
    renderHeader(total, reviews, destructive),
    renderOmittedNote(omitted, limit),
    destroyTable,
    renderCountsTable(reviews, total),
    ...sections,
  ]
    .filter((part) => part !== '')
    .join('\n');
}
