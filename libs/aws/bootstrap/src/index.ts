export { BootstrapStack, CI_ROLE_NAMES } from './bootstrap-stack';
export { DEPLOY_IAM_ACTIONS } from './deploy-permissions';
export { GithubOidc, GITHUB_OIDC_HOST, type GithubOidcProps } from './github-oidc';
