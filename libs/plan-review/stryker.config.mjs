// @ts-check
// StrykerJS for libs/plan-review: `npm run mutation -- plan-review` (README "Mutation testing").
import { strykerConfig } from '../../tools/mutation/stryker.base.mjs';

// Left out of mutation runs, each for seconds per mutant: bin.test.ts runs the CLI in child
// processes (a mutant is not active there; cli.test.ts drives the same CLI in-process), and
// real-terraform-plans.test.ts runs terraform init and plan in its beforeAll for every mutant it
// covers (the unit tests check the same logic on built plans).
export default strykerConfig('plan-review', {
  skipTests: ['bin.test.ts', 'real-terraform-plans.test.ts'],
});
