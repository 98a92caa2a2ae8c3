import { fromDetails } from '../../results';
import type { PolicyStatement, Rule } from '../../types';
import { policyOf } from '../helpers';

const GITHUB = 'token.actions.githubusercontent.com';

/** Values of a condition key under StringEquals or StringLike. */
function conditionValues(
  statement: PolicyStatement,
  suffix: string,
): { key: string; values: string[] }[] {
  return ['StringEquals', 'StringLike'].flatMap((op) =>
    Object.entries(statement.conditions[op] ?? {})
      .filter(([key]) => key.endsWith(suffix))
      .map(([key, values]) => ({ key, values: [...values] })),
  );
}

export const iamRestrictedOidcTrust: Rule = {
  id: 'PLT-IAM-OIDC-TRUST',
  checkov: 'CKV_AWS_358',
  message: 'Role trusts web-identity (OIDC) tokens without pinning audience and subject.',
  fix: `require <issuer>:aud (sts.amazonaws.com for GitHub) and <issuer>:sub; for GitHub, sub = repo:<owner>/<repo>:<ref, pull_request or environment:NAME>`,
  explanation:
    'Without a subject condition any repository (or any workload of the identity provider) can assume the role.',
  level: 'error',
  appliesTo: ['aws_iam_role'],
  evaluate: (role, stack) => {
    const policy = policyOf(role, stack, 'assume_role_policy');
    if (!policy) return fromDetails(['the trust policy cannot be read']);
    const webIdentity = policy.statements.filter(
      (s) =>
        s.effect === 'Allow' &&
        (s.actions.includes('sts:AssumeRoleWithWebIdentity') ||
          (s.principals['Federated'] ?? []).length > 0),
    );
    if (webIdentity.length === 0) return { status: 'not-applicable' };
    return fromDetails(
      webIdentity.flatMap((s) => {
        const details: string[] = [];
        const aud = conditionValues(s, ':aud');
        const sub = conditionValues(s, ':sub');
        if (aud.length === 0) details.push('no aud condition');
        if (sub.length === 0) details.push('no sub condition');
        for (const { key, values } of aud) {
          if (key.startsWith(GITHUB) && values.some((v) => v !== 'sts.amazonaws.com'))
            details.push(`${key} is not sts.amazonaws.com`);
        }
        for (const { key, values } of sub) {
          for (const value of values) {
            if (value.trim() === '' || value === '*') details.push(`${key} allows any subject`);
            else if (
              key.startsWith(GITHUB) &&
              !/^repo:[A-Za-z0-9-]+\/[A-Za-z0-9._-]+:[^*]/.test(value)
            ) {
              details.push(
                `${key} "${value}" does not pin one repository and a ref, pull request or environment`,
              );
            }
          }
        }
        return details;
      }),
    );
  },
};
