import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { policyOf } from '../helpers';

export const iamTrustPolicyNoResource: Rule = {
  id: 'PLT-IAM-TRUST-NO-RESOURCE',
  message: 'Role trust policy has a Resource element.',
  fix: 'leave resources out of assume-role (trust) statements: the role itself is the resource',
  explanation:
    'IAM rejects a trust policy with a Resource element ("Has prohibited field Resource"): the apply would fail after a green plan.',
  level: 'error',
  appliesTo: ['aws_iam_role'],
  evaluate: (role, stack) => {
    const policy = policyOf(role, stack, 'assume_role_policy');
    if (!policy) return fromDetails(['the trust policy cannot be read']);
    return fromDetails(
      policy.statements
        .filter((s) => s.resources.length > 0)
        .map((s) => `statement ${s.sid ?? '(no sid)'} names resources ${s.resources.join(', ')}`),
    );
  },
};
