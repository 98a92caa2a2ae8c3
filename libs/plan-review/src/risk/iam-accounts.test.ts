import { plan, rc } from '../../test-fixtures/builders';
import { summarizePlan } from '../summary/summarize';

const trust = (account: string) =>
  JSON.stringify({
    Statement: [
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
      },
    ],
  });
const keyPolicy = JSON.stringify({
  Statement: [
    {
      Effect: 'Allow',
      Action: 'kms:*',
      Resource: '*',
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
    },
  ],
});
const pinned = {
  configuration: {
    provider_config: {
      aws: { expressions: { allowed_account_ids: { constant_value: ['111111111111'] } } },
    },
  },
};
const riskOf = (after: object, type: string, extra = {}) =>
  summarizePlan(plan([rc(`${type}.x`, ['create'], { after: after as never })], extra), {
    file: 'p.json',
  }).resources[0].risk;

describe('IAM risk of new resources', () => {
  it('a new role trusting another account is high when the stack pins its own account', () => {
    expect(
      riskOf({ assume_role_policy: trust('999999999999') }, 'aws_iam_role', pinned).reasons[0].text,
    ).toBe(
      'trust policy: principal of another account `AWS:arn:aws:iam::999999999999:root` allowed',
    );
    expect(
      riskOf({ assume_role_policy: trust('111111111111') }, 'aws_iam_role', pinned).level,
    ).toBe('low');
  });

  it('does not guess "another account" when no account of the stack is known', () => {
    expect(riskOf({ assume_role_policy: trust('999999999999') }, 'aws_iam_role').level).toBe('low');
  });

  it('a new KMS key with the default key policy (kms:* for the account root on the key) is low', () => {
    expect(riskOf({ policy: keyPolicy }, 'aws_kms_key', pinned).level).toBe('low');
  });

  it('a new identity policy granting kms:* on * is high', () => {
    expect(
      riskOf({ policy: keyPolicy.replace(/,"Principal":\{[^}]*\}/, '') }, 'aws_iam_policy').level,
    ).toBe('high');
  });
});

describe('risk reasons and secrets', () => {
  it('never quote a value the plan marks sensitive, however short', () => {
    const review = summarizePlan(
      plan([
        rc('aws_cloudwatch_log_group.x', ['update'], {
          before: { kms_key_id: 'k9z' },
          after: { kms_key_id: null },
          before_sensitive: { kms_key_id: true },
          after_sensitive: {},
        }),
      ]),
      { file: 'p.json' },
    );
    const text = review.resources[0].risk.reasons.map((r) => r.text).join(' ');
    expect(text).toContain('encryption weakened: `kms_key_id` "(sensitive)" → unset');
    expect(text).not.toContain('k9z');
  });
});

describe('EKS endpoint exposure', () => {
  const cluster = (cidrs: string[]) => ({
    name: 'main',
    vpc_config: [{ endpoint_public_access: true, public_access_cidrs: cidrs }],
  });

  it('a public endpoint whose allowed networks become 0.0.0.0/0 is high', () => {
    const review = summarizePlan(
      plan([
        rc('aws_eks_cluster.main', ['update'], {
          before: cluster(['203.0.113.0/24']),
          after: cluster(['0.0.0.0/0']),
        }),
      ]),
      { file: 'p.json' },
    );
    expect(review.resources[0].risk.reasons.map((r) => r.rule)).toEqual(['made-public']);
  });

  it('narrowing the allowed networks is low', () => {
    const review = summarizePlan(
      plan([
        rc('aws_eks_cluster.main', ['update'], {
          before: cluster(['0.0.0.0/0']),
          after: cluster(['203.0.113.0/24']),
        }),
      ]),
      { file: 'p.json' },
    );
    expect(review.resources[0].risk.level).toBe('low');
  });
});
