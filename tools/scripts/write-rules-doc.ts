// Writes libs/policy/RULES.md from the rule pack: npx nx run policy:rules-doc
import { PLATFORM_RULES, ruleTable } from '@platform/policy';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const target = join(__dirname, '..', '..', 'libs', 'policy', 'RULES.md');
writeFileSync(target, ruleTable(PLATFORM_RULES));
console.log(`wrote ${target} (${PLATFORM_RULES.length} rules)`);
