import type { Statement } from '@platform/aws-common';
import {
  awsDnsSuffix,
  iamArn,
  permissionsBoundaryArn,
  platformIamNamePatterns,
  servicePrincipal,
} from '@platform/config';

/**
 * Every IAM action that changes something (wildcards by verb): the boundary denies them outside
 * the platform's names and on the CI roles. `Update*` is spelled out so that the account
 * password policy (baseline family; it has no ARN) stays manageable.
 */
export const IAM_WRITE_ACTIONS = [
  'iam:Add*',
  'iam:Attach*',
  'iam:Create*',
  'iam:Delete*',
  'iam:Detach*',
  'iam:PassRole',
  'iam:Put*',
  'iam:Remove*',
  'iam:Set*',
  'iam:Tag*',
  'iam:Untag*',
  'iam:UpdateAccessKey',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateGroup',
  'iam:UpdateLoginProfile',
  'iam:UpdateOpenIDConnectProviderThumbprint',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
  'iam:UpdateSAMLProvider',
  'iam:UpdateServerCertificate',
  'iam:UpdateServiceSpecificCredential',
  'iam:UpdateSigningCertificate',
  'iam:UpdateSSHPublicKey',
  'iam:UpdateUser',
  'iam:Upload*',
] as const;

/** IAM reads terraform needs to refresh the roles, policies and providers the stacks declare. */
export const DEPLOY_IAM_READ_ACTIONS = [
  'iam:GetInstanceProfile',
  'iam:GetOpenIDConnectProvider',
  'iam:GetPolicy',
  'iam:GetPolicyVersion',
  'iam:GetRole',
  'iam:GetRolePolicy',
  'iam:ListAttachedRolePolicies',
  'iam:ListInstanceProfilesForRole',
  'iam:ListPolicyVersions',
  'iam:ListRolePolicies',
] as const;

/** Role changes IAM can tie to the role's permissions boundary (`iam:PermissionsBoundary`). */
export const BOUNDED_ROLE_ACTIONS = [
  'iam:AttachRolePolicy',
  'iam:CreateRole',
  'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy',
  'iam:PutRolePermissionsBoundary',
  'iam:PutRolePolicy',
] as const;

/** Role changes IAM cannot tie to a boundary: allowed on the platform's role names only. */
export const NAMED_ROLE_ACTIONS = [
  'iam:DeleteRole',
  'iam:TagRole',
  'iam:UntagRole',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
] as const;

/**
 * The services platform roles are passed to (`iam:PassedToService`, as service principals of the
 * environment's partition): ECS tasks and services,
 * CodeDeploy, CloudTrail, EKS (cluster, node groups, Pod Identity), EC2 (instance profiles),
 * VPC flow logs, AppConfig, CodeBuild, CodePipeline, EventBridge, App Runner, AWS Config.
 */
export const PASSED_TO_SERVICES = [
  'appconfig',
  'build.apprunner',
  'cloudtrail',
  'codebuild',
  'codedeploy',
  'codepipeline',
  'config',
  'ec2',
  'ecs-tasks',
  'eks',
  'events',
  'pods.eks',
  'tasks.apprunner',
  'vpc-flow-logs',
] as const;

/** What {@link platformIamArns} needs. */
export interface PlatformIamScope {
  /** The account. */
  readonly accountId: string;
  /** The region (EKS OIDC issuers are regional). */
  readonly region: string;
  /** The environment's name. */
  readonly environmentName: string;
}

/** ARN patterns of the IAM resources the platform's stacks own in one account. */
export function platformIamArns(scope: PlatformIamScope) {
  const iam = (rest: string) => iamArn(scope, rest);
  const names = platformIamNamePatterns({ name: scope.environmentName });
  return {
    roles: names.map((n) => iam(`role/${n}`)),
    policies: names.map((n) => iam(`policy/${n}`)),
    instanceProfiles: names.map((n) => iam(`instance-profile/${n}`)),
    /** The EKS clusters' OIDC providers (IRSA); GitHub's provider belongs to bootstrap. */
    oidcProviders: [
      iam(`oidc-provider/oidc.eks.${scope.region}.${awsDnsSuffix(scope.region)}/id/*`),
    ],
    /** Service-linked roles (AWS Config's recorder is given its own). */
    serviceLinkedRoles: [iam('role/aws-service-role/*')],
  };
}

/**
 * The deploy role's IAM rights on top of PowerUserAccess (which has none but service-linked
 * roles): reads on every IAM resource; role changes only on the platform's names and, where
 * IAM can check it, only for roles that carry the permissions boundary; `PassRole` only of
 * platform roles to the platform's services; the EKS OIDC providers by ARN.
 */
export function deployIamStatements(scope: PlatformIamScope): Statement[] {
  const arns = platformIamArns(scope);
  const boundary = permissionsBoundaryArn(scope);
  return [
    { sid: 'ReadIam', actions: [...DEPLOY_IAM_READ_ACTIONS], resources: ['*'] },
    {
      // The baseline's account password policy (IAM gives it no resource ARN).
      sid: 'ManageAccountPasswordPolicy',
      actions: ['iam:GetAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy'],
      resources: ['*'],
    },
    {
      sid: 'ChangePlatformRolesWithinTheBoundary',
      actions: [...BOUNDED_ROLE_ACTIONS],
      resources: arns.roles,
      conditions: [
        { test: 'StringEquals', variable: 'iam:PermissionsBoundary', values: [boundary] },
      ],
    },
    { sid: 'ManagePlatformRoles', actions: [...NAMED_ROLE_ACTIONS], resources: arns.roles },
    {
      sid: 'ManagePlatformPolicies',
      actions: [
        'iam:CreatePolicy',
        'iam:CreatePolicyVersion',
        'iam:DeletePolicy',
        'iam:DeletePolicyVersion',
        'iam:TagPolicy',
      ],
      resources: arns.policies,
    },
    {
      sid: 'ManagePlatformInstanceProfiles',
      actions: [
        'iam:AddRoleToInstanceProfile',
        'iam:CreateInstanceProfile',
        'iam:DeleteInstanceProfile',
        'iam:RemoveRoleFromInstanceProfile',
        'iam:TagInstanceProfile',
      ],
      resources: arns.instanceProfiles,
    },
    {
      sid: 'PassPlatformRolesToPlatformServices',
      actions: ['iam:PassRole'],
      resources: [...arns.roles, ...arns.serviceLinkedRoles],
      conditions: [
        {
          test: 'StringEquals',
          variable: 'iam:PassedToService',
          values: PASSED_TO_SERVICES.map((s) => servicePrincipal(scope.region, s)),
        },
      ],
    },
    {
      sid: 'ManageEksOidcProviders',
      actions: [
        'iam:CreateOpenIDConnectProvider',
        'iam:DeleteOpenIDConnectProvider',
        'iam:TagOpenIDConnectProvider',
        'iam:UpdateOpenIDConnectProviderThumbprint',
      ],
      resources: arns.oidcProviders,
    },
  ];
}
