import { type ArnScope, iamArn } from './arn';
import { pipelineName } from './delivery-naming';

/**
 * IAM names shared by the bootstrap stack (which creates the permissions boundary and scopes the
 * deploy role to the platform's roles) and every other stack (whose roles carry the boundary).
 */

/** Name of the permissions boundary every platform role carries (created by bootstrap). */
export const PERMISSIONS_BOUNDARY_NAME = 'platform-permissions-boundary';

/** ARN of the permissions boundary in an account (the scope's region decides the partition). */
export const permissionsBoundaryArn = (scope: ArnScope): string =>
  iamArn(scope, `policy/${PERMISSIONS_BOUNDARY_NAME}`);

/** The suffixes of the release pipelines' own roles (`<service>-release-<suffix>`). */
export const RELEASE_ROLE_SUFFIXES = ['pipeline', 'build', 'steps', 'trigger'] as const;

/**
 * Name patterns (IAM ARN wildcards) of the roles, policies and instance profiles the platform's
 * stacks create in an environment's account: `<env>-*`, and the release pipelines' roles
 * `*-release-pipeline|build|steps|trigger`. Names are never changed to fit (a role's name is
 * ForceNew): the patterns describe the names the stacks already use.
 */
export function platformIamNamePatterns(env: { readonly name: string }): string[] {
  const release = pipelineName({ name: '*' });
  return [`${env.name}-*`, ...RELEASE_ROLE_SUFFIXES.map((s) => `${release}-${s}`)];
}
