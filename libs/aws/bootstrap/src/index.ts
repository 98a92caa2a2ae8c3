export { BootstrapStack, CI_ROLE_NAMES } from './bootstrap-stack';
export {
  BOUNDED_ROLE_ACTIONS,
  deployIamStatements,
  IAM_WRITE_ACTIONS,
  NAMED_ROLE_ACTIONS,
  PASSED_TO_SERVICES,
  platformIamArns,
  type PlatformIamScope,
} from './deploy-permissions';
export {
  DEPLOY_WORKFLOW,
  GithubOidc,
  GITHUB_OIDC_HOST,
  PLAN_WORKFLOWS_ON_MAIN,
  SUBJECT_CLAIM_KEYS,
  workflowSubject,
  type GithubOidcProps,
} from './github-oidc';
export {
  AUDIT_TAMPERING_ACTIONS,
  PermissionsBoundary,
  type PermissionsBoundaryProps,
} from './permissions-boundary';
export { PLAN_DENIED_DATA_READS, planDataReadDenials } from './plan-permissions';
