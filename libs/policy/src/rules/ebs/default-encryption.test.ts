import { checkStack } from '../../engine';
import { ebsDefaultEncryption } from './default-encryption';

const check = (setting: Record<string, unknown>) =>
  checkStack({ resource: { aws_ebs_encryption_by_default: { setting } } }, [
    ebsDefaultEncryption,
  ]).findings.flatMap((f) => f.details);

describe('PLT-EBS-DEFAULT-ENCRYPTION', () => {
  it('passes encryption by default switched on', () => {
    expect(check({ enabled: true })).toEqual([]);
  });

  it('flags encryption by default switched off', () => {
    expect(check({ enabled: false })).toEqual(['enabled is false']);
  });
});
