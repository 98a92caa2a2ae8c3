import { checkStack } from '../../engine';
import { guarddutyEnabled } from './enabled';

const check = (detector: Record<string, unknown>) =>
  checkStack({ resource: { aws_guardduty_detector: { detector } } }, [
    guarddutyEnabled,
  ]).findings.flatMap((f) => f.details);

describe('PLT-GUARDDUTY-ENABLED', () => {
  it('passes an enabled detector, and one that relies on the provider default (enabled)', () => {
    expect(check({ enable: true, finding_publishing_frequency: 'FIFTEEN_MINUTES' })).toEqual([]);
    expect(check({ finding_publishing_frequency: 'SIX_HOURS' })).toEqual([]);
  });

  it('flags a suspended detector', () => {
    expect(check({ enable: false })).toEqual(['enable is false']);
  });
});
