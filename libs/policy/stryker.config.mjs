// @ts-check
// StrykerJS for libs/policy: `npm run mutation -- policy` (README "Mutation testing").
import { partName, strykerConfig } from '../../tools/mutation/stryker.base.mjs';

// aspect.test.ts synthesizes cdktf stacks through the whole pack: seconds for every mutant of
// every rule. The rules are killed by their own fixture tests; the aspect itself is measured by
// its own part, the one run that keeps that suite:
//   MUTATION_PART=aspect npm run mutation -- policy --mutate libs/policy/src/aspect.ts
// rules/harness.ts builds the rules' test fixtures: test code, not behaviour to mutate.
export default strykerConfig('policy', {
  skipTests: partName() === 'aspect' ? [] : ['aspect.test.ts'],
  mutate: ['!libs/policy/src/rules/harness.ts'],
});
