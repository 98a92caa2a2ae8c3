#!/usr/bin/env node
// A checkov baseline (`checkov --baseline FILE`) made from the policy suppressions synth honoured
// (dist/apps/*/policy-report.json): each suppression accepts its checkov check on the suppressed
// resources only, never on every resource. Each accepted pair is printed with its reason on
// stderr so the CI log shows why. Needs the rule → checkov mapping of libs/policy.
//   node tools/scripts/checkov-baseline.mjs dist/checkov.baseline   (paths relative to dist/apps)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const output = process.argv[2];
if (!output) {
  console.error('usage: checkov-baseline.mjs OUTPUT_FILE');
  process.exit(2);
}
const root = join('dist', 'apps');
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

/** `type.name` of every resource of a synthesized stack, with its construct path. */
function resourcesOf(file) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, config]) => ({
      address: `${type}.${name}`,
      path: config['//']?.metadata?.path ?? '',
    })),
  );
}

const files = new Map(); // checkov file path → resource → Set(check ids)
let problems = 0;
for (const app of existsSync(root) ? readdirSync(root).sort() : []) {
  const report = join(root, app, 'policy-report.json');
  if (!existsSync(report)) continue;
  const suppressions = JSON.parse(readFileSync(report, 'utf8')).suppressions;
  for (const [stack, entries] of Object.entries(suppressions)) {
    const file = join(root, app, 'stacks', stack, 'cdk.tf.json');
    const resources = resourcesOf(file);
    for (const { rule, path, reason } of entries) {
      const check = checkovOf.get(rule);
      if (!check) continue;
      const covered = resources.filter((r) => r.path === path || r.path.startsWith(`${path}/`));
      if (covered.length === 0) {
        console.error(`${stack}: suppression of ${rule} at ${path} matches no resource`);
        problems++;
      }
      const key = `/${app}/stacks/${stack}/cdk.tf.json`;
      const byResource = files.get(key) ?? new Map();
      files.set(key, byResource);
      for (const { address } of covered) {
        byResource.set(address, (byResource.get(address) ?? new Set()).add(check));
        console.error(`accept ${check} on ${stack} ${address}: ${reason}`);
      }
    }
  }
}
const baseline = {
  failed_checks: [...files.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, byResource]) => ({
      file,
      findings: [...byResource.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([resource, checks]) => ({ resource, check_ids: [...checks].sort() })),
    })),
};
writeFileSync(output, `${JSON.stringify(baseline, null, 2)}\n`);
process.exit(problems > 0 ? 1 : 0);
