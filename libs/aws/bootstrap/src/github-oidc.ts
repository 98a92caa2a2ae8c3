import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { policyDocument } from '@platform/aws-common';
import type { Environment } from '@platform/config';
import { Construct } from 'constructs';

/** The issuer of GitHub Actions' OIDC tokens. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** Props of {@link GithubOidc}. */
export interface GithubOidcProps {
  /** The environment: account, repository, deploy environment, main branch. */
  readonly environment: Environment;
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

  /** Subjects allowed to assume the plan role: pull requests and the main branch. */
  get planSubjects(): string[] {
    const { repository, mainBranch } = this.props.environment.github;
    return [`repo:${repository}:pull_request`, `repo:${repository}:ref:refs/heads/${mainBranch}`];
  }

  /** Subject allowed to assume the deploy role: the GitHub environment only. */
  get deploySubjects(): string[] {
    const { github, name } = this.props.environment;
    return [`repo:${github.repository}:environment:${github.deployEnvironment ?? name}`];
  }

  /** A role that GitHub Actions jobs whose token subject is one of `subjects` may assume. */
  role(
    id: string,
    props: {
      readonly name: string;
      readonly description: string;
      readonly subjects: readonly string[];
    },
  ): IamRole {
    return new IamRole(this, id, {
      name: props.name,
      description: props.description,
      maxSessionDuration: 3600,
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
              test: 'StringEquals',
              variable: `${GITHUB_OIDC_HOST}:sub`,
              values: [...props.subjects],
            },
          ],
        },
      ]),
    });
  }
}
