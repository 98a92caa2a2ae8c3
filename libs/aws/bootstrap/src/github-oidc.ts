import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { policyDocument } from '@platform/aws-common';
import type { AwsEnvironment } from '@platform/config';
import { Construct } from 'constructs';

/** The issuer of GitHub Actions' OIDC tokens. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** The claims of the repository's OIDC subject template (`include_claim_keys`). */
export const SUBJECT_CLAIM_KEYS = ['repo', 'context', 'job_workflow_ref'] as const;

/** The reusable workflow whose environment job deploys (called from deploy.yml on main). */
export const DEPLOY_WORKFLOW = 'deploy-environment.yml';

/** Workflows on the main branch that plan with the plan role. */
export const PLAN_WORKFLOWS_ON_MAIN = [DEPLOY_WORKFLOW, 'drift.yml'] as const;

/**
 * A subject under the template {@link SUBJECT_CLAIM_KEYS}:
 * `repo:<owner>/<repo>:<context>:job_workflow_ref:<owner>/<repo>/.github/workflows/<file>@<ref>`.
 */
export function workflowSubject(
  repository: string,
  context: string,
  file: string,
  ref: string,
): string {
  return `repo:${repository}:${context}:job_workflow_ref:${repository}/.github/workflows/${file}@${ref}`;
}

/** Props of {@link GithubOidc}. */
export interface GithubOidcProps {
  /** The environment: account, repository, deploy environment, main branch. */
  readonly environment: AwsEnvironment;
}

/**
 * The account's GitHub Actions OIDC provider and the trust policies of the two CI roles:
 * `plan`, assumable from this repository's pull requests and main branch, and `deploy`,
 * assumable only from the GitHub environment of the same name (where reviewers gate prod).
 */
export class GithubOidc extends Construct {
  /** The OIDC provider. */
  readonly provider: IamOpenidConnectProvider;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: GithubOidcProps,
  ) {
    super(scope, id);
    this.provider = new IamOpenidConnectProvider(this, 'provider', {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIdList: ['sts.amazonaws.com'],
      // AWS validates GitHub's certificate against its own trust store; the list is still
      // required by the API and kept for accounts that check it.
      thumbprintList: [
        '6938fd4d98bab03faadb97b34396831e3780aea1',
        '1c58a3a8518e8759bf075b76b750d4f2df264fcd',
      ],
    });
  }

  /**
   * Subjects allowed to assume the plan role: pull requests (their own pr.yml, by design: a
   * pull request runs its own code, so the plan role only reads), and on the main branch the
   * deploy and drift workflows. With `oidcSubjects: default-and-workflow` GitHub's default
   * subjects are accepted too, until the repository's subject template is switched.
   */
  get planSubjects(): string[] {
    const { repository, mainBranch } = this.props.environment.github;
    const main = `ref:refs/heads/${mainBranch}`;
    return [
      ...this.legacy([`repo:${repository}:pull_request`, `repo:${repository}:${main}`]),
      workflowSubject(repository, 'pull_request', 'pr.yml', 'refs/pull/*/merge'),
      ...PLAN_WORKFLOWS_ON_MAIN.map((file) =>
        workflowSubject(repository, main, file, `refs/heads/${mainBranch}`),
      ),
    ];
  }

  /**
   * Subjects allowed to assume the deploy role: the GitHub environment's job in the reusable
   * workflow that holds it ({@link DEPLOY_WORKFLOW}), as called from the main branch. A pull
   * request that adds `environment:` to its own workflow gets another job_workflow_ref.
   */
  get deploySubjects(): string[] {
    const { github, name } = this.props.environment;
    const context = `environment:${github.deployEnvironment ?? name}`;
    return [
      ...this.legacy([`repo:${github.repository}:${context}`]),
      workflowSubject(
        github.repository,
        context,
        DEPLOY_WORKFLOW,
        `refs/heads/${github.mainBranch}`,
      ),
    ];
  }

  private legacy(subjects: string[]): string[] {
    return this.props.environment.github.oidcSubjects === 'default-and-workflow' ? subjects : [];
  }

  /** A role that GitHub Actions jobs whose token subject is one of `subjects` may assume. */
  role(
    id: string,
    props: {
      readonly name: string;
      readonly description: string;
      readonly subjects: readonly string[];
      /** ARN of the role's permissions boundary. */
      readonly permissionsBoundary: string;
    },
  ): IamRole {
    return new IamRole(this, id, {
      name: props.name,
      description: props.description,
      maxSessionDuration: 3600,
      permissionsBoundary: props.permissionsBoundary,
      assumeRolePolicy: policyDocument(this, `${id}-trust`, [
        {
          sid: 'GithubActions',
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [{ type: 'Federated', identifiers: [this.provider.arn] }],
          conditions: [
            {
              test: 'StringEquals',
              variable: `${GITHUB_OIDC_HOST}:aud`,
              values: ['sts.amazonaws.com'],
            },
            {
              // StringLike only where a subject has a wildcard (a pull request's number).
              test: props.subjects.some((s) => s.includes('*')) ? 'StringLike' : 'StringEquals',
              variable: `${GITHUB_OIDC_HOST}:sub`,
              values: [...props.subjects],
            },
          ],
        },
      ]),
    });
  }
}
