import { code, plural, shortenedTable } from '../markdown/markdown';
import type { RiskLevel } from '../risk/types';
import { shortLabel } from './labels';
import type { PlanReview, ResourceReview } from './model';

/** Blast-radius names listed before the rest collapses to "and N more". */
export const REFERRERS_SHOWN = 3;

const LEVEL_MARK: Record<RiskLevel, string> = { high: '🔴 high', medium: '🟠 medium', low: '' };

/** The marker of a level (`🔴 high`), empty for low. */
export function levelMark(level: RiskLevel): string {
  return LEVEL_MARK[level];
}

/** Every high-risk change of every plan, in report order (stack, then severity, then address). */
export function highRisk(
  reviews: readonly PlanReview[],
): { review: PlanReview; resource: ResourceReview }[] {
  return reviews.flatMap((review) =>
    review.resources
      .filter((r) => r.risk.level === 'high')
      .map((resource) => ({ review, resource })),
  );
}

/** The reasons of a change in words, cut to `maxChars` (0: none) with a count of what was cut. */
export function reasonText(resource: ResourceReview, maxChars: number): string {
  const texts = resource.risk.reasons.map((r) => r.text);
  if (maxChars <= 0 || texts.length === 0) return '';
  const full = texts.join('; ');
  if (full.length <= maxChars) return full;
  const first = texts[0].length > maxChars ? `${texts[0].slice(0, maxChars - 1)}…` : texts[0];
  return texts.length > 1 ? `${first} (+${texts.length - 1} more)` : first;
}

/** Reason text as markdown: the rules quote values in code spans; HTML is neutralized. */
export function reasonMarkdown(text: string): string {
  return text.replace(/[<>]/g, (c) => `\\${c}`);
}

/** "referenced by 4: `a`, `b`, `c` and 1 more" for a destroy or replacement, else empty. */
export function blastRadius(resource: ResourceReview): string {
  const refs = resource.referencedBy;
  if (refs.length === 0) return '';
  const shown = refs.slice(0, REFERRERS_SHOWN).map(code).join(', ');
  const more = refs.length > REFERRERS_SHOWN ? ` and ${refs.length - REFERRERS_SHOWN} more` : '';
  return `referenced by ${refs.length}: ${shown}${more}`;
}

/**
 * "What needs your eyes": every high-risk change across all plans with its reasons, and how many
 * medium ones wait in the stack details. `maxReasonChars` shortens the reasons (0 leaves them out);
 * addresses and levels always stay.
 */
export function renderEyesSection(
  reviews: readonly PlanReview[],
  maxReasonChars: number,
  maxRows = Number.POSITIVE_INFINITY,
): string {
  const rows = highRisk(reviews);
  const medium = reviews.reduce(
    (n, r) => n + r.resources.filter((x) => x.risk.level === 'medium').length,
    0,
  );
  const mediumNote =
    medium > 0 ? ` ${plural(medium, 'medium-risk change')} in the stack details.` : '';
  if (rows.length === 0)
    return `### 👀 What needs your eyes\n\nNo high-risk change found by the risk rules.${mediumNote}\n`;
  const header =
    maxReasonChars > 0 ? ['stack', 'address', 'action', 'why'] : ['stack', 'address', 'action'];
  const shown = rows.slice(0, maxRows);
  const cells = shown.map(({ review, resource }) => {
    const cells = [code(review.stack), code(resource.address), `**${shortLabel(resource)}**`];
    if (maxReasonChars > 0) {
      const radius = blastRadius(resource);
      cells.push(
        reasonMarkdown(reasonText(resource, maxReasonChars)) + (radius ? `; ${radius}` : ''),
      );
    }
    return cells;
  });
  const lines = [
    `### 👀 What needs your eyes (${rows.length} high-risk)`,
    '',
    ...shortenedTable(
      header,
      cells,
      shown.length < rows.length
        ? `**… and ${rows.length - shown.length} more high-risk changes not listed: see the full report.**`
        : undefined,
    ),
  ];
  if (mediumNote) lines.push('', mediumNote.trim());
  return `${lines.join('\n')}\n`;
}
