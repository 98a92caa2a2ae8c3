import { code, plural, row, shortenedTable } from '../markdown/markdown';
import { isDestructive, shortLabel } from './labels';
import { COUNT_KEYS, type PlanCounts, type PlanReview } from './model';
import { addressCode, why } from './resource-text';

/** How much detail a rendering keeps; levels go from everything to the bare minimum. */
export interface DetailLevel {
  /** Attribute changes listed per resource. */
  readonly attributes: number;
  /** Attribute changes listed in the whole report, filled in report order. */
  readonly attributeTotal: number;
  /** Attribute lists sit in a collapsed `<details>` block per stack. */
  readonly collapse: boolean;
  /** Resource, drift and output lines listed per stack (the destroy table is separate). */
  readonly lines: number;
  /** The destroy table drops its reason column. */
  readonly compactDestroys: boolean;
  /** Rows of the destroy table; below the total only in the last resort. */
  readonly destroyRows: number;
  /** Characters of reasons per row of "What needs your eyes"; 0 leaves reasons out. */
  readonly eyesReasons: number;
  /** Rows of "What needs your eyes"; below the total only when addresses alone cannot fit. */
  readonly eyesRows: number;
  /** Rows of "Cost-relevant changes"; trimmed with the resource lines. */
  readonly costRows: number;
}

/** What a rendering left out, for the note at the top, and the attribute lines it may still use. */
export class Omitted {
  constructor(public attributesLeft: number) {}

  attributes = 0;
  lines = 0;
  destroyRows = 0;
  /** The reasons of "What needs your eyes" were shortened or left out. */
  eyesReasons = false;
  /** High-risk changes left out of "What needs your eyes" (the limit cannot hold even their addresses). */
  eyesRows = 0;

  /** True when anything was left out. */
  get any(): boolean {
    return this.attributes + this.lines + this.destroyRows + this.eyesRows > 0 || this.eyesReasons;
  }
}

/** "Plan: 1 to import, 3 to add, 1 to change, 2 to destroy." as terraform words it. */
export function terraformLine(counts: PlanCounts): string {
  const importPart = counts.import > 0 ? `${counts.import} to import, ` : '';
  const forgetPart = counts.forget > 0 ? `, ${counts.forget} to forget` : '';
  return `Plan: ${importPart}${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy${forgetPart}.`;
}

/** The top: headline counts and the unmissable warning. */
export function renderHeader(
  total: PlanCounts,
  reviews: readonly PlanReview[],
  destructive: number,
): string {
  const extras = [
    plural(total.replace, 'replacement'),
    plural(total.import, 'import'),
    plural(total.move, 'move'),
    plural(total.forget, 'forget'),
    `${total.drift} drifted`,
  ].join(' · ');
  const stacks = new Set(reviews.map((r) => r.stack)).size;
  const lines = [
    '## Terraform plan review',
    '',
    `**${terraformLine(total)}** ${extras} — ${plural(stacks, 'stack')}, ${plural(reviews.length, 'plan')}`,
    '',
  ];
  if (destructive > 0) {
    lines.push(
      '> [!CAUTION]',
      `> **${plural(total.destroy, 'object')} will be destroyed** (${plural(total.replace, 'replacement')} included). ` +
        'Check every row of "Destroys and replacements" before approving.',
      '',
    );
  } else {
    lines.push('> [!NOTE]', '> Nothing will be destroyed or replaced.', '');
  }
  if (total.forget > 0) {
    lines.push(
      `> [!WARNING]`,
      `> ${plural(total.forget, 'object')} will be forgotten: removed from state, left running and no longer managed.`,
      '',
    );
  }
  return lines.join('\n');
}

/** The note that says what a shortened report left out. */
export function renderOmittedNote(omitted: Omitted, limit: number): string {
  if (!omitted.any) return '';
  const parts = [
    omitted.eyesRows > 0 ? plural(omitted.eyesRows, 'high-risk row') : '',
    omitted.destroyRows > 0 ? plural(omitted.destroyRows, 'destroy/replace row') : '',
    omitted.lines > 0 ? plural(omitted.lines, 'resource/output line') : '',
    omitted.attributes > 0 ? plural(omitted.attributes, 'attribute change') : '',
  ].filter(Boolean);
  const what = [
    parts.length > 0 ? `${parts.join(', ')} left out` : '',
    omitted.eyesReasons ? 'high-risk reasons shortened' : '',
  ].filter(Boolean);
  const lines = [
    '> [!NOTE]',
    `> Shortened to fit one GitHub comment (${limit.toLocaleString('en-US')} characters): ${what.join('; ')}. ` +
      (omitted.eyesRows > 0
        ? '**Not even every high-risk address fits: the full report (the workflow artifact, or `plan-review summarize --format json`) lists them all.** '
        : omitted.eyesReasons
          ? '**Even the high-risk list did not fit: every high-risk address and its level are listed, their reasons are shortened or left out; the full report (the workflow artifact, or `plan-review summarize --format json`) has them.** '
          : omitted.destroyRows > 0
            ? '**The destroy/replace list itself did not fit: see the JSON report for the rest.** '
            : 'The counts, the high-risk list and the destroy/replace list are complete. ') +
      'Run `plan-review summarize --format json` for everything.',
    '',
  ];
  return lines.join('\n');
}

/** The table of every destroy and replacement, all stacks. */
export function renderDestroyTable(
  reviews: readonly PlanReview[],
  detail: DetailLevel,
  omitted: Omitted,
): string {
  const rows = reviews.flatMap((review) =>
    review.resources.filter(isDestructive).map((resource) => ({ review, resource })),
  );
  if (rows.length === 0) return '';
  const shown = rows.slice(0, detail.destroyRows);
  omitted.destroyRows += rows.length - shown.length;
  const header = detail.compactDestroys
    ? ['stack', 'address', 'action']
    : ['stack', 'address', 'action', 'why'];
  const cells = shown.map(({ review, resource }) => {
    const cells = [code(review.stack), addressCode(resource), `**${shortLabel(resource)}**`];
    if (!detail.compactDestroys) cells.push(why(resource));
    return cells;
  });
  const lines = [
    `### 🛑 Destroys and replacements (${rows.length})`,
    '',
    ...shortenedTable(
      header,
      cells,
      shown.length < rows.length
        ? `**… and ${rows.length - shown.length} more destroys/replacements not listed.**`
        : undefined,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The table of counts per plan. */
export function renderCountsTable(reviews: readonly PlanReview[], total: PlanCounts): string {
  const stackCounts = new Map<string, number>();
  for (const review of reviews)
    stackCounts.set(review.stack, (stackCounts.get(review.stack) ?? 0) + 1);
  const header = ['stack', ...COUNT_KEYS];
  const lines = [
    '### Stacks',
    '',
    row(header),
    row(header.map((_, i) => (i === 0 ? '---' : '--:'))),
  ];
  for (const review of reviews) {
    const name =
      (stackCounts.get(review.stack) ?? 0) > 1
        ? `${code(review.stack)} (${code(review.file)})`
        : code(review.stack);
    lines.push(row([name, ...COUNT_KEYS.map((key) => String(review.counts[key]))]));
  }
  if (reviews.length > 1)
    lines.push(row(['**total**', ...COUNT_KEYS.map((key) => `**${total[key]}**`)]));
  return `${lines.join('\n')}\n`;
}
