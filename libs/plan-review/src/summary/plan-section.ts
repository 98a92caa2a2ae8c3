import type { AttributeChange } from '../plan/attribute-diff';
import { KNOWN_AFTER_APPLY } from '../plan/format-value';
import { code, escapeText, plural } from '../markdown/markdown';
import { SENSITIVE } from '../sensitive/scrubber';
import { icon, shortLabel } from './labels';
import { terraformLine, type DetailLevel, type Omitted } from './markdown-sections';
import type { PlanReview, ResourceReview } from './model';
import { levelMark, reasonMarkdown, reasonText } from './risk-sections';
import { addressCode, why } from './resource-text';

/** Low-risk creates of one stack listed before the rest fold into a collapsed section. */
export const CREATES_SHOWN = 10;

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
  if (review.resources.length === 0) lines.push('No resource changes.');
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
      lines.push(
        `- … ${plural(review.drift.length - drift.length, 'more drifted object')} not listed`,
      );
  }
  if (review.outputs.length > 0) {
    lines.push('', `**Output changes: ${review.outputs.length}**`, '');
    const outputs = take(review.outputs);
    for (const output of outputs)
      lines.push(
        `- ${code(output.name)}: ${valueChange(output.before, output.after, output.kind === 'create')}`,
      );
    if (outputs.length < review.outputs.length)
      lines.push(`- … ${plural(review.outputs.length - outputs.length, 'more output')} not listed`);
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
