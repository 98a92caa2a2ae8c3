import type { PolicyStatement, Rule } from '../../types';
import { policyRule } from '../helpers';
import { covers } from './privilege-escalation';

const ATTRIBUTE: Record<string, string> = {
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
};

const hasPassedToService = (s: PolicyStatement) =>
  Object.values(s.conditions).some((keys) =>
    Object.keys(keys).some((k) => k.toLowerCase() === 'iam:passedtoservice'),
  );

export const iamPassRoleScoped: Rule = {
  id: 'PLT-IAM-PASSROLE-SCOPED',
  message:
    'IAM policy allows iam:PassRole on every role, or without an iam:PassedToService condition.',
  fix: 'list the roles (or the platform name prefix) and add iam:PassedToService with the services they go to',
  explanation:
    'PassRole on "*" lets the holder hand any role, an administrator one included, to EC2, Lambda or CodeBuild and run code with it; without iam:PassedToService a role meant for ECS tasks can be given to any service.',
  level: 'error',
  appliesTo: Object.keys(ATTRIBUTE),
  evaluate: policyRule(ATTRIBUTE, (policy) =>
    policy.statements
      .filter((s) => s.effect === 'Allow' && s.actions.some((a) => covers(a, 'iam:PassRole')))
      .flatMap((s) => {
        const sid = s.sid ?? '(no sid)';
        return [
          ...(s.resources.length === 0 || s.resources.includes('*')
            ? [`statement ${sid} passes every role ("*")`]
            : []),
          ...(hasPassedToService(s)
            ? []
            : [`statement ${sid} has no iam:PassedToService condition`]),
        ];
      }),
  ),
};
