import { violations } from '../harness';
import { iamRestrictedOidcTrust } from './oidc-trust';

const GITHUB_PROVIDER = 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com';

/** Findings for a role whose trust policy holds `statements` (aws_iam_policy_document form). */
function trust(...statements: Record<string, unknown>[]): string[] {
  return violations(
    iamRestrictedOidcTrust,
    ['data.aws_iam_policy_document.trust', { statement: statements }],
    ['aws_iam_role.r', { assume_role_policy: '${data.aws_iam_policy_document.trust.json}' }],
  );
}

/** A GitHub web-identity statement with these conditions. */
function github(
  conditions: { test: string; variable: string; values: string[] }[],
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    actions: ['sts:AssumeRoleWithWebIdentity'],
    principals: [{ type: 'Federated', identifiers: [GITHUB_PROVIDER] }],
    condition: conditions,
    ...over,
  };
}

const AUD = {
  test: 'StringEquals',
  variable: 'token.actions.githubusercontent.com:aud',
  values: ['sts.amazonaws.com'],
};
const sub = (value: string, test = 'StringEquals') => ({
  test,
  variable: 'token.actions.githubusercontent.com:sub',
  values: [value],
});

describe('PLT-IAM-OIDC-TRUST: a role that trusts OIDC tokens pins audience and subject', () => {
  it('accepts one repository with a ref, a pull request or an environment', () => {
    expect(trust(github([AUD, sub('repo:acme/platform:ref:refs/heads/main')]))).toEqual([]);
    expect(trust(github([AUD, sub('repo:acme/platform:pull_request')]))).toEqual([]);
    expect(trust(github([AUD, sub('repo:acme/platform:environment:prod', 'StringLike')]))).toEqual(
      [],
    );
  });

  it('roles that trust no OIDC token, or only deny it, are not its concern', () => {
    expect(
      trust({
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['ec2.amazonaws.com'] }],
      }),
    ).toEqual([]);
    expect(trust(github([], { effect: 'Deny' }))).toEqual([]);
  });

  it('a Federated principal is checked whatever the action says', () => {
    expect(trust(github([AUD], { actions: ['sts:TagSession'] }))).toEqual([
      'aws_iam_role.r: no sub condition',
    ]);
  });

  it('an audience other than sts.amazonaws.com for GitHub is refused; other issuers keep theirs', () => {
    expect(
      trust(github([{ ...AUD, values: ['api://any'] }, sub('repo:acme/platform:pull_request')])),
    ).toEqual(['aws_iam_role.r: token.actions.githubusercontent.com:aud is not sts.amazonaws.com']);
    expect(
      trust(
        github([
          {
            test: 'StringEquals',
            variable: 'oidc.eks.amazonaws.com/id/X:aud',
            values: ['api://x'],
          },
          {
            test: 'StringEquals',
            variable: 'oidc.eks.amazonaws.com/id/X:sub',
            values: ['system:serviceaccount:ns:sa'],
          },
        ]),
      ),
    ).toEqual([]);
  });

  it('a subject of "*" or blank allows anyone, for any issuer', () => {
    expect(trust(github([AUD, sub('*', 'StringLike')]))).toEqual([
      'aws_iam_role.r: token.actions.githubusercontent.com:sub allows any subject',
    ]);
    expect(trust(github([AUD, sub(' ')]))).toEqual([
      'aws_iam_role.r: token.actions.githubusercontent.com:sub allows any subject',
    ]);
    expect(
      trust(
        github([
          { test: 'StringEquals', variable: 'oidc.example.com:aud', values: ['x'] },
          { test: 'StringLike', variable: 'oidc.example.com:sub', values: ['*'] },
        ]),
      ),
    ).toEqual(['aws_iam_role.r: oidc.example.com:sub allows any subject']);
  });

  it('a GitHub subject must start with repo:<owner>/<repo>: and name a ref, pull request or environment', () => {
    for (const value of [
      'repo:acme/platform:*',
      'myrepo:acme/platform:pull_request',
      'repo:acme:main',
    ])
      expect(trust(github([AUD, sub(value, 'StringLike')]))).toEqual([
        `aws_iam_role.r: token.actions.githubusercontent.com:sub "${value}" does not pin one repository and a ref, pull request or environment`,
      ]);
  });

  it('fails closed: a trust policy it cannot read is a finding', () => {
    expect(
      violations(iamRestrictedOidcTrust, [
        'aws_iam_role.r',
        { assume_role_policy: '${file("trust.json")}' },
      ]),
    ).toEqual(['aws_iam_role.r: the trust policy cannot be read']);
  });
});
