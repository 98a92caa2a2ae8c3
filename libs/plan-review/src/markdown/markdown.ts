/** Largest markdown body GitHub accepts for one issue or pull-request comment is 65,536; keep a margin. */
export const GITHUB_COMMENT_LIMIT = 65_000;

/** Inline code that survives backticks inside the text. */
export function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // a space each side keeps a backtick at either end from joining the fence (any backtick inside
  // means a longer fence, so padding whenever there is one covers both ends)
  const pad = longestRun > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Escapes characters that markdown or GitHub's HTML would interpret in plain text. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>#~]/g, (char) => `\\${char}`);
}

/** A table cell: pipes escaped (GitHub honours `\|` even inside code spans), newlines flattened. */
export function cell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A table row from cells. */
export function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/**
 * A table shortened to the rows that fit, then `more` (the line that counts the rows left out,
 * when any were): no header when no row fits (a header without rows reads as "nothing to
 * check"), and a blank line between the table and `more` only when there is a table.
 */
export function shortenedTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  more?: string,
): string[] {
  const table =
    rows.length > 0 ? [row(header), row(header.map(() => '---')), ...rows.map(row)] : [];
  if (more === undefined) return table;
  return rows.length > 0 ? [...table, '', more] : [more];
}

/** "1 resource" / "2 resources". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
