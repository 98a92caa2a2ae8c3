// @ts-check
// StrykerJS for libs/plan-review: `npm run mutation -- plan-review` (README "Mutation testing").
import { strykerConfig } from '../../tools/mutation/stryker.base.mjs';

// cli.test.ts runs the CLI in child processes (a mutant there is not active in the child, and each
// run costs seconds); the CLI's logic is in modules with their own tests.
export default strykerConfig('plan-review', { skipTests: ['cli.test.ts'] });
