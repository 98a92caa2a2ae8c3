// @ts-check
// StrykerJS for libs/plan-review: `npm run mutation -- plan-review` (README "Mutation testing").
import { strykerConfig } from '../../tools/mutation/stryker.base.mjs';

export default strykerConfig('plan-review');
