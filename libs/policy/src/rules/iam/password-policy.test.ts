import { checkStack } from '../../engine';
import { iamPasswordPolicy } from './password-policy';

/** A copy of `object` without `keys`: the fixture with one setting left out. */
const without = (object: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

const cis = {
  minimum_password_length: 14,
  password_reuse_prevention: 24,
  require_lowercase_characters: true,
  require_uppercase_characters: true,
  require_numbers: true,
  require_symbols: true,
  max_password_age: 90,
};
const check = (policy: Record<string, unknown>) =>
  checkStack({ resource: { aws_iam_account_password_policy: { policy } } }, [
    iamPasswordPolicy,
  ]).findings.flatMap((f) => f.details);

describe('PLT-IAM-PASSWORD-POLICY', () => {
  it('passes a CIS-strength password policy', () => {
    expect(check(cis)).toEqual([]);
  });

  it('flags short, reusable passwords without symbols', () => {
    expect(
      check({
        ...cis,
        minimum_password_length: 8,
        password_reuse_prevention: 3,
        require_symbols: false,
      }),
    ).toEqual([
      'minimum_password_length is 8, below 14',
      'password_reuse_prevention is 3, below 24',
      'require_symbols is not true',
    ]);
  });

  it('fails closed on a policy that leaves the length to the AWS default', () => {
    expect(check(without(cis, 'minimum_password_length'))).toEqual([
      'minimum_password_length is not set, below 14',
    ]);
  });
});
