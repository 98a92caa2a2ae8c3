import type { AttributeChange } from '../plan/attribute-diff';
import { KNOWN_AFTER_APPLY } from '../plan/format-value';
import { code, escapeText, plural, row } from '../markdown/markdown';
import { SENSITIVE } from '../sensitive/scrubber';
import { icon, isDestructive, shortLabel } from './labels';
import { COUNT_KEYS, type PlanCounts, type PlanReview, type ResourceReview } from './model';
import { blastRadius, levelMark, reasonMarkdown, reasonText } from './risk-sections';

/** Low-risk creates of one stack listed before the rest fold into a collapsed section. */
export const CREATES_SHOWN = 10;

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

  /** True when anything was left out. */
  get any(): boolean {
    return this.attributes + this.lines + this.destroyRows > 0 || this.eyesReasons;
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
    omitted.attributes > 0 ? plural(omitted.attributes, 'attribute change') : '',
    omitted.lines > 0 ? plural(omitted.lines, 'resource/output line') : '',
    omitted.destroyRows > 0 ? plural(omitted.destroyRows, 'destroy/replace row') : '',
    omitted.eyesReasons ? 'high-risk reasons shortened' : '',
  ].filter(Boolean);
  const lines = [
    '> [!NOTE]',
    `> Shortened to fit one GitHub comment (${limit.toLocaleString('en-US')} characters): ${parts.join(', ')} left out. ` +
      (omitted.eyesReasons
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
  const lines = [
    `### 🛑 Destroys and replacements (${rows.length})`,
    '',
    row(header),
    row(header.map(() => '---')),
  ];
  for (const { review, resource } of shown) {
    const cells = [code(review.stack), addressCode(resource), `**${shortLabel(resource)}**`];
    if (!detail.compactDestroys) cells.push(why(resource));
    lines.push(row(cells));
  }
  if (shown.length < rows.length)
    lines.push(
      '',
      `**… and ${rows.length - shown.length} more destroys/replacements not listed.**`,
    );
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

/** One plan's section: its resources, drift and outputs. */
export function renderPlanSection(
  review: PlanReview,
  detail: DetailLevel,
  omitted: Omitted,
): string {
  const version = review.terraformVersion
    ? ` · terraform ${escapeText(review.terraformVersion)}`
    : '';
  const lines = [
    `### ${code(review.stack)}`,
    '',
    `${code(review.file)}${version} — ${terraformLine(review.counts)}`,
    '',
  ];
  let budget = detail.lines;
  const take = <T>(items: readonly T[]): readonly T[] => {
    const shown = items.slice(0, Math.max(0, budget));
    budget -= shown.length;
    omitted.lines += items.length - shown.length;
    return shown;
  };
  const collapsed: string[] = [];
  const resources = take(review.resources);
  if (review.resources.length === 0) lines.push('No resource changes.', '');
  const quietCreates = resources.filter((r) => r.kind === 'create' && r.risk.level === 'low');
  const folded = new Set(quietCreates.length > CREATES_SHOWN ? quietCreates : []);
  const foldedLines: string[] = [];
  for (const resource of resources) {
    const target = folded.has(resource) ? foldedLines : lines;
    target.push(
      `- ${icon(resource)} **${shortLabel(resource)}** ${addressCode(resource)}${resourceNotes(resource)}`,
    );
    attributeLines(
      resource.changes,
      resource.kind === 'create' || resource.kind === 'read',
      detail,
      omitted,
      target,
      collapsed,
      resource.address,
    );
  }
  if (foldedLines.length > 0)
    lines.push(
      '',
      `<details><summary>${plural(folded.size, 'low-risk create')}</summary>`,
      '',
      ...foldedLines,
      '',
      '</details>',
      '',
    );
  if (resources.length < review.resources.length) {
    lines.push(
      `- … ${plural(review.resources.length - resources.length, 'more resource')} not listed`,
    );
  }
  if (review.drift.length > 0) {
    lines.push('', `**Changed outside terraform (drift): ${review.drift.length}**`, '');
    const drift = take(review.drift);
    for (const entry of drift) {
      lines.push(`- ${code(entry.address)} ${entry.action}`);
      attributeLines(
        entry.changes,
        false,
        detail,
        omitted,
        lines,
        collapsed,
        `drift: ${entry.address}`,
      );
    }
    if (drift.length < review.drift.length)
      lines.push(`- … ${plural(review.drift.length - drift.length, 'more')} not listed`);
  }
  if (review.outputs.length > 0) {
    lines.push('', `**Output changes: ${review.outputs.length}**`, '');
    const outputs = take(review.outputs);
    for (const output of outputs)
      lines.push(
        `- ${code(output.name)}: ${valueChange(output.before, output.after, output.kind === 'create')}`,
      );
    if (outputs.length < review.outputs.length)
      lines.push(`- … ${plural(review.outputs.length - outputs.length, 'more')} not listed`);
  }
  if (collapsed.length > 0) {
    lines.push(
      '',
      '<details><summary>Changed attributes</summary>',
      '',
      ...collapsed,
      '',
      '</details>',
    );
  }
  if (review.resources.length + review.drift.length + review.outputs.length === 0)
    return `${lines.join('\n')}\n`;
  const [head, body] = [lines.slice(0, HEAD_LINES), lines.slice(HEAD_LINES)];
  return `${[...head, `<details><summary>${detailSummary(review)}</summary>`, '', ...body, '', '</details>'].join('\n')}\n`;
}

/** Lines of a plan section above its collapsed detail: title and terraform's line. */
const HEAD_LINES = 4;

/** "12 resource changes: 2 high, 1 medium · 1 drifted · 3 outputs". */
function detailSummary(review: PlanReview): string {
  const high = review.resources.filter((r) => r.risk.level === 'high').length;
  const medium = review.resources.filter((r) => r.risk.level === 'medium').length;
  const risk = [high > 0 ? `${high} high` : '', medium > 0 ? `${medium} medium` : '']
    .filter(Boolean)
    .join(', ');
  return [
    `${plural(review.resources.length, 'resource change')}${risk ? `: ${risk}` : ''}`,
    review.drift.length > 0 ? `${review.drift.length} drifted` : '',
    review.outputs.length > 0 ? plural(review.outputs.length, 'output change') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function attributeLines(
  changes: readonly AttributeChange[],
  isCreate: boolean,
  detail: DetailLevel,
  omitted: Omitted,
  inline: string[],
  collapsed: string[],
  title: string,
): void {
  if (changes.length === 0) return;
  const shown = changes.slice(0, Math.min(detail.attributes, omitted.attributesLeft));
  omitted.attributesLeft -= shown.length;
  omitted.attributes += changes.length - shown.length;
  if (shown.length === 0) return;
  const lines = shown.map(
    (change) => `  - ${code(change.path)}: ${valueChange(change.before, change.after, isCreate)}`,
  );
  if (shown.length < changes.length)
    lines.push(`  - … ${plural(changes.length - shown.length, 'more attribute')} not shown`);
  if (detail.collapse) collapsed.push(`- ${code(title)}`, ...lines);
  else inline.push(...lines);
}

function valueChange(
  before: string | undefined,
  after: string | undefined,
  isCreate: boolean,
): string {
  if (isCreate && before === undefined) return value(after);
  return `${value(before)} → ${value(after)}`;
}

function value(text: string | undefined): string {
  if (text === undefined) return '(none)';
  if (text === KNOWN_AFTER_APPLY || text === SENSITIVE) return `_${text}_`;
  return code(text);
}

function addressCode(resource: ResourceReview): string {
  return resource.deposed
    ? `${code(resource.address)} (deposed object ${code(resource.deposed)})`
    : code(resource.address);
}

function why(resource: ResourceReview): string {
  const reason = resource.reason
    ? escapeText(resource.reason)
    : resource.kind === 'delete'
      ? 'no reason given by terraform'
      : '';
  const forced =
    resource.replacePaths.length > 0
      ? `forced by ${resource.replacePaths.map(code).join(', ')}`
      : '';
  return [reason, forced, blastRadius(resource)].filter(Boolean).join('; ');
}

function resourceNotes(resource: ResourceReview): string {
  const notes: string[] = [];
  if (resource.constructPath) notes.push(`construct ${code(resource.constructPath)}`);
  if (resource.risk.level !== 'low')
    notes.push(
      `**${levelMark(resource.risk.level)}**: ${reasonMarkdown(reasonText(resource, Number.POSITIVE_INFINITY))}`,
    );
  if (resource.risk.tagsOnly) notes.push('tags only');
  if (resource.moved && resource.previousAddress)
    notes.push(`from ${code(resource.previousAddress)}`);
  if (resource.importing && resource.importId !== undefined)
    notes.push(`import id ${code(resource.importId)}`);
  const reason = why(resource);
  if (reason) notes.push(reason);
  return notes.length > 0 ? ` — ${notes.join('; ')}` : '';
}
