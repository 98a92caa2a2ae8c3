// @ts-check
// StrykerJS for libs/policy: `npm run mutation -- policy` (README "Mutation testing").
import { strykerConfig } from '../../tools/mutation/stryker.base.mjs';

export default strykerConfig('policy');
