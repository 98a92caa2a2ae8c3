import { fromDetails } from '../../results';
import type { Rule } from '../../types';

/** CIS AWS Foundations minimums. */
const MINIMUM_LENGTH = 14;
const MINIMUM_REUSE_PREVENTION = 24;
const CHARACTER_CLASSES = [
  'require_lowercase_characters',
  'require_uppercase_characters',
  'require_numbers',
  'require_symbols',
] as const;

export const iamPasswordPolicy: Rule = {
  id: 'PLT-IAM-PASSWORD-POLICY',
  checkov: 'CKV_AWS_10',
  trivy: 'AVD-AWS-0063',
  message: 'IAM account password policy is weaker than CIS asks for.',
  fix: `set minimum_password_length >= ${MINIMUM_LENGTH}, password_reuse_prevention >= ${MINIMUM_REUSE_PREVENTION} and require lowercase, uppercase, numbers and symbols`,
  explanation:
    'IAM user passwords guard console access; short, reused or simple passwords fall to guessing and credential stuffing.',
  level: 'error',
  appliesTo: ['aws_iam_account_password_policy'],
  evaluate: (policy) => {
    const length = policy.config['minimum_password_length'];
    const reuse = policy.config['password_reuse_prevention'];
    return fromDetails([
      ...(typeof length === 'number' && length >= MINIMUM_LENGTH
        ? []
        : [`minimum_password_length is ${String(length ?? 'not set')}, below ${MINIMUM_LENGTH}`]),
      ...(typeof reuse === 'number' && reuse >= MINIMUM_REUSE_PREVENTION
        ? []
        : [
            `password_reuse_prevention is ${String(reuse ?? 'not set')}, below ${MINIMUM_REUSE_PREVENTION}`,
          ]),
      ...CHARACTER_CLASSES.filter((name) => policy.config[name] !== true).map(
        (name) => `${name} is not true`,
      ),
    ]);
  },
};
