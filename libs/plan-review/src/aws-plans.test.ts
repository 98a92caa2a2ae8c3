import { AWS_SCENARIOS, awsPlanLine, reviewAws } from '../test-fixtures/aws-plans';
import { terraformLine } from './summary/markdown-sections';

describe('committed AWS plans (real terraform and hashicorp/aws, offline)', () => {
  it.each(AWS_SCENARIOS)('%s: the counts equal terraform\'s own "Plan:" line', (scenario) => {
    expect(terraformLine(reviewAws(scenario).counts)).toBe(awsPlanLine(scenario));
  });
});
