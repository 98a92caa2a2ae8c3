import type { Rule } from '../../types';
import { policyRule } from '../helpers';

const ATTRIBUTE: Record<string, string> = {
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
};

export const iamNoWildcardAction: Rule = {
  id: 'PLT-IAM-NO-WILDCARD-ACTION',
  checkov: 'CKV_AWS_63',
  trivy: 'AVD-AWS-0057',
  message: 'IAM policy allows every action ("*" or "service:*").',
  fix: 'list the actions the role needs; keep action lists in one place per capability',
  explanation:
    "Wildcard actions grant today's and all future permissions of a service: least privilege starts with naming actions.",
  level: 'error',
  appliesTo: Object.keys(ATTRIBUTE),
  evaluate: policyRule(ATTRIBUTE, (policy) =>
    policy.statements
      .filter((s) => s.effect === 'Allow')
      .flatMap((s) =>
        [
          ...s.actions.filter((a) => a === '*' || a.endsWith(':*')),
          ...(s.notActions.length > 0 ? ['NotAction'] : []),
        ].map((a) => `statement ${s.sid ?? '(no sid)'} allows ${a}`),
      ),
  ),
};
