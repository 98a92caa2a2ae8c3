// Writes libs/policy/RULES.md from the rule packs: npx nx run policy:rules-doc
import { documentedPacks, GCP_RULES, PLATFORM_RULES, ruleDocument } from '@platform/policy';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const target = join(__dirname, '..', '..', 'libs', 'policy', 'RULES.md');
writeFileSync(target, ruleDocument(documentedPacks(PLATFORM_RULES, GCP_RULES)));
console.log(`wrote ${target} (${PLATFORM_RULES.length} AWS rules, ${GCP_RULES.length} GCP rules)`);
