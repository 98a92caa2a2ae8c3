import { fromDetails } from '../../results';
import type { PolicyStatement, Rule } from '../../types';
import { policyOf } from '../helpers';

/** Condition keys that narrow "anyone in that account" down to named principals or sources. */
const NARROWING_KEYS = [
  'aws:principalarn',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:principalorgid',
  'sts:externalid',
];

/** An account-wide principal: `*`, an account root ARN or a bare account id. */
const accountWide = (principal: string) =>
  principal === '*' ||
  /^arn:aws[a-z-]*:iam::\d{12}:root$/.test(principal) ||
  /^\d{12}$/.test(principal);

const narrowed = (s: PolicyStatement) =>
  Object.values(s.conditions).some((keys) =>
    Object.keys(keys).some((k) => NARROWING_KEYS.includes(k.toLowerCase())),
  );

export const iamCrossAccountTrust: Rule = {
  id: 'PLT-IAM-CROSS-ACCOUNT-TRUST',
  message: 'Role trusts a whole account (or anyone) without naming the principal or source.',
  fix: 'name the trusted role by ARN, or keep the account root and add an aws:PrincipalArn (or aws:SourceArn / sts:ExternalId) condition',
  explanation:
    'Trusting arn:<partition>:iam::<account>:root lets every principal that account allows to call sts:AssumeRole become this role: an administrator of the other account (or anyone who can edit a role there) gets in, past whatever gates the intended caller.',
  level: 'error',
  appliesTo: ['aws_iam_role'],
  evaluate: (role, stack) => {
    const policy = policyOf(role, stack, 'assume_role_policy');
    if (!policy) return fromDetails(['the trust policy cannot be read']);
    return fromDetails(
      policy.statements
        .filter((s) => s.effect === 'Allow' && !narrowed(s))
        .flatMap((s) =>
          [...(s.principals['AWS'] ?? []), ...(s.principals['*'] ?? [])]
            .filter(accountWide)
            .map(
              (p) =>
                `statement ${s.sid ?? '(no sid)'} trusts ${p} without an aws:PrincipalArn, aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or sts:ExternalId condition`,
            ),
        ),
    );
  },
};
