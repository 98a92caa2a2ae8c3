export {
  BOOTSTRAP_APIS,
  CI_SERVICE_ACCOUNT_IDS,
  FORBIDDEN_CI_ROLES,
  GcpBootstrap,
  type GcpBootstrapProps,
} from './bootstrap';
export {
  DEPLOY_GRANTABLE_ROLES,
  DEPLOY_PROJECT_ROLES,
  deployConditionalRoles,
  PLAN_PROJECT_ROLES,
  SECRET_ACCESS_ADMIN_ROLE,
  secretsCondition,
  type ConditionalRole,
  type StateScope,
} from './ci-permissions';
export {
  attributeMapping,
  CI_ROLE_ATTRIBUTE,
  ciRoleExpression,
  DEPLOY_WORKFLOW,
  GITHUB_ISSUER,
  GithubWorkloadIdentity,
  PLAN_WORKFLOWS_ON_MAIN,
  PULL_REQUEST_WORKFLOW,
  type CiRole,
  type GithubWorkloadIdentityProps,
} from './github-federation';
export {
  GcpStateBucket,
  MAX_SOFT_DELETE_DAYS,
  storageServiceAgent,
  type GcpStateBucketProps,
} from './state-bucket';
export { GCP_FAMILY_APIS, GcpBootstrapStack } from './bootstrap-stack';
