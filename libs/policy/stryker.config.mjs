// @ts-check
// StrykerJS for libs/policy: `npm run mutation -- policy` (README "Mutation testing").
import { strykerConfig } from '../../tools/mutation/stryker.base.mjs';

// aspect.test.ts synthesizes cdktf stacks through the whole pack: seconds for every mutant of
// every rule. The rules are killed by their own fixture tests; the aspect keeps its own suite.
// rules/harness.ts builds the rules' test fixtures: test code, not behaviour to mutate.
export default strykerConfig('policy', {
  skipTests: ['aspect.test.ts'],
  mutate: ['!libs/policy/src/rules/harness.ts'],
});
