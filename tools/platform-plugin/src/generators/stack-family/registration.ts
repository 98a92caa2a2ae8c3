import type { Tree } from '@nx/devkit';

/** Where the list of families lives: PlatformStack's `family` is typed by it. */
export const NAMING_FILE = 'libs/config/src/naming.ts';
const README = 'README.md';

/** Appends the family to STACK_FAMILIES (last: it depends on the earlier ones at most). */
export function addStackFamily(tree: Tree, name: string): string[] {
  const text = tree.read(NAMING_FILE, 'utf8');
  if (text === null) return [];
  const match = /export const STACK_FAMILIES = \[([\s\S]*?)\] as const;/.exec(text);
  if (!match) {
    throw new Error(`${NAMING_FILE}: no "export const STACK_FAMILIES = [...] as const;" to extend`);
  }
  const listed = [...(match[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
  if (listed.includes(name)) return [];
  const body = (match[1] ?? '').replace(/,?\s*$/, '');
  const updated = `export const STACK_FAMILIES = [${body},\n  '${name}',\n] as const;`;
  tree.write(NAMING_FILE, text.replace(match[0], updated));
  return [`${NAMING_FILE}: STACK_FAMILIES += '${name}'`];
}

/** Adds a row to the README's "Stack families" table, after its last row. */
export function addFamilyRow(
  tree: Tree,
  name: string,
  description: string,
  reads: readonly string[],
): string[] {
  const text = tree.read(README, 'utf8');
  if (text === null) return [];
  const lines = text.split('\n');
  const heading = lines.findIndex((l) => /^#+\s+Stack families\s*$/.test(l));
  if (heading < 0) return [];
  const start = lines.findIndex((l, i) => i > heading && l.startsWith('|'));
  if (start < 0) return [];
  let end = start;
  while (lines[end + 1]?.startsWith('|')) end++;
  const rows = lines.slice(start, end + 1);
  if (rows.some((row) => row.split('|')[1]?.includes(name) && row.includes(`\`${name}-<env>\``))) {
    return [];
  }
  const row = `| [${name}](apps/${name}) | \`${name}-<env>\` | ${description} | ${reads.length > 0 ? reads.join(', ') : '—'} |`;
  lines.splice(end + 1, 0, row);
  tree.write(README, lines.join('\n'));
  return [`${README}: families table += ${name}`];
}
