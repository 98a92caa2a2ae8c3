import type { PolicyStatement, Rule } from '../../types';
import { policyRule } from '../helpers';

const ATTRIBUTE: Record<string, string> = {
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
};

/** IAM actions that let their holder grant itself (or a principal it controls) more rights. */
export const ESCALATION_ACTIONS = [
  'iam:AddUserToGroup',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:AttachUserPolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateOpenIDConnectProvider',
  'iam:CreatePolicyVersion',
  'iam:CreateRole',
  'iam:CreateSAMLProvider',
  'iam:CreateUser',
  'iam:DeleteRolePermissionsBoundary',
  'iam:PutGroupPolicy',
  'iam:PutRolePermissionsBoundary',
  'iam:PutRolePolicy',
  'iam:PutUserPolicy',
  'iam:SetDefaultPolicyVersion',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateLoginProfile',
  'iam:UpdateOpenIDConnectProviderThumbprint',
] as const;

/** Whether an IAM action pattern (`iam:Put*`, `iam:*`, `*`) covers `action`. */
export const covers = (pattern: string, action: string): boolean =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(
    action,
  );

/** Resources that name every IAM resource of a kind: `*`, or `arn:<partition>:iam::<account>:<type>/*`. */
const everyResource = (resource: string) =>
  resource === '*' || /^arn:aws[a-z-]*:iam::[^:]*:[a-z-]+\/\*$/.test(resource);

const hasBoundaryCondition = (s: PolicyStatement) =>
  Object.values(s.conditions).some((keys) =>
    Object.keys(keys).some((k) => k.toLowerCase() === 'iam:permissionsboundary'),
  );

export const iamPrivilegeEscalation: Rule = {
  id: 'PLT-IAM-PRIVILEGE-ESCALATION',
  checkov: 'CKV_AWS_286',
  message:
    'IAM policy allows privilege-escalation actions on every resource without a permissions-boundary condition.',
  fix: 'scope role and policy changes to the platform name prefixes and require iam:PermissionsBoundary = the platform boundary on CreateRole, PutRolePolicy, AttachRolePolicy and PutRolePermissionsBoundary',
  explanation:
    'Whoever may create a role, attach or write its policy, rewrite a trust or publish a policy version on "*" can create an administrator and assume it: the policy is administrator access in all but name.',
  level: 'error',
  appliesTo: Object.keys(ATTRIBUTE),
  evaluate: policyRule(ATTRIBUTE, (policy) =>
    policy.statements
      .filter((s) => s.effect === 'Allow' && !hasBoundaryCondition(s))
      .filter((s) => s.resources.some(everyResource))
      .flatMap((s) => {
        const escalating = ESCALATION_ACTIONS.filter((a) => s.actions.some((p) => covers(p, a)));
        return escalating.length === 0
          ? []
          : [
              `statement ${s.sid ?? '(no sid)'} allows ${escalating.join(', ')} on ${s.resources.filter(everyResource).join(', ')} without an iam:PermissionsBoundary condition`,
            ];
      }),
  ),
};
