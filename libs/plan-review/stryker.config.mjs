// @ts-check
// StrykerJS for libs/plan-review: `npm run mutation -- plan-review` (README "Mutation testing").
import { strykerConfig } from '../../tools/mutation/stryker.base.mjs';

// bin.test.ts runs the CLI in child processes (a mutant there is not active in the child, and each
// run costs seconds); cli.test.ts drives the same CLI in-process through runCli.
export default strykerConfig('plan-review', { skipTests: ['bin.test.ts'] });
