import type { Rule } from './types';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A rule pack as the documentation names it. */
export interface RulePackDoc {
  /** Section title, e.g. `AWS`. */
  readonly title: string;
  /** How code reaches the pack, e.g. `` `GCP_RULES` ``. */
  readonly source: string;
  readonly rules: readonly Rule[];
}

/** One pack as a markdown table: one row per rule, sorted by id. */
export function ruleTable(rules: readonly Rule[]): string {
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (r) =>
        `| ${r.id} | ${r.checkov ?? '—'} | ${r.trivy ?? '—'} | ${r.level} | ${cell(r.message)} | ${cell(r.fix)} |`,
    );
  return [
    '| rule | checkov | trivy | level | what it finds | fix |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The rule packs as a markdown document, generated, never copied by hand. */
export function ruleDocument(packs: readonly RulePackDoc[]): string {
  return [
    '# Policy rules',
    '',
    'Generated from the rule packs (libs/policy/src/rules) by `npx nx run policy:rules-doc`; a test',
    "fails when this file is out of date. Every stack runs its cloud's pack at synth; `error` fails it.",
    '',
    ...packs.flatMap((pack) => [
      `## ${pack.title} (${pack.source}, ${pack.rules.length} rules)`,
      '',
      ruleTable(pack.rules),
      '',
    ]),
  ].join('\n');
}

/** The packs RULES.md documents. */
export const documentedPacks = (aws: readonly Rule[], gcp: readonly Rule[]): RulePackDoc[] => [
  { title: 'AWS', source: '`PLATFORM_RULES`', rules: aws },
  { title: 'GCP', source: '`GCP_RULES`', rules: gcp },
];
