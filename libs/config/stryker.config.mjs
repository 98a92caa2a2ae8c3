// @ts-check
// StrykerJS for libs/config: `npm run mutation -- config` (README "Mutation testing").
import { strykerConfig } from '../../tools/mutation/stryker.base.mjs';

export default strykerConfig('config');
