import type { Rule } from './types';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The rule pack as a markdown document: one row per rule, generated, never copied by hand. */
export function ruleTable(rules: readonly Rule[]): string {
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (r) =>
        `| ${r.id} | ${r.checkov ?? '—'} | ${r.trivy ?? '—'} | ${r.level} | ${cell(r.message)} | ${cell(r.fix)} |`,
    );
  return [
    '# Policy rules',
    '',
    'Generated from `PLATFORM_RULES` (libs/policy/src/rules) by `npx nx run policy:rules-doc`; a test',
    'fails when this file is out of date. Every rule runs at synth on every stack; `error` fails it.',
    '',
    '| rule | checkov | trivy | level | what it finds | fix |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
