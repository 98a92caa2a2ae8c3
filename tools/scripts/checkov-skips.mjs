#!/usr/bin/env node
// The checkov checks behind the policy suppressions synth honoured (dist/apps/*/policy-report.json),
// as a comma-separated --skip-check list; each one is printed with its reasons on stderr so the
// CI log shows why it is skipped. Needs the rule → checkov mapping of libs/policy.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const rulesDir = join('libs', 'policy', 'src', 'rules');
const checkovOf = new Map();
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path);
    const source = readFileSync(path, 'utf8');
    const id = /id: '([A-Z0-9-]+)'/.exec(source)?.[1];
    const checkov = /checkov: '([A-Z0-9_]+)'/.exec(source)?.[1];
    if (id && checkov) checkovOf.set(id, checkov);
  });
walk(rulesDir);

const skips = new Map();
for (const app of existsSync(join('dist', 'apps')) ? readdirSync(join('dist', 'apps')) : []) {
  const report = join('dist', 'apps', app, 'policy-report.json');
  if (!existsSync(report)) continue;
  for (const entries of Object.values(JSON.parse(readFileSync(report, 'utf8')).suppressions)) {
    for (const { rule, path, reason } of entries) {
      const check = checkovOf.get(rule);
      if (!check) continue;
      skips.set(check, [...(skips.get(check) ?? []), `${path}: ${reason}`]);
    }
  }
}
for (const [check, reasons] of skips) console.error(`skip ${check}:\n  ${reasons.join('\n  ')}`);
process.stdout.write([...skips.keys()].sort().join(','));
