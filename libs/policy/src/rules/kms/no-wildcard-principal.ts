import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { policyOf, wildcardPrincipalFindings } from '../helpers';

export const kmsNoWildcardPrincipal: Rule = {
  id: 'PLT-KMS-NO-WILDCARD-PRINCIPAL',
  checkov: 'CKV_AWS_33',
  message: 'KMS key policy is missing or allows any principal.',
  fix: 'give the key an explicit policy whose Allow statements name accounts, roles or services, never "*"',
  explanation:
    'A key policy is the only gate to the data the key protects; "*" opens it to every AWS account.',
  level: 'error',
  appliesTo: ['aws_kms_key'],
  evaluate: (key, stack) => {
    const policy = policyOf(key, stack, 'policy');
    if (!policy) return fromDetails(['the key has no policy this rule can read']);
    return fromDetails(wildcardPrincipalFindings(policy));
  },
};
