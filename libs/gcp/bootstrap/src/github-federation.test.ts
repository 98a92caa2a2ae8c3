import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, synthJson } from '@platform/testing';
import { TerraformStack, Testing } from 'cdktf';
import {
  ciRoleExpression,
  GithubWorkloadIdentity,
  type GithubWorkloadIdentityProps,
} from './github-federation';

const PROPS: GithubWorkloadIdentityProps = {
  projectNumber: '123456789012',
  repository: 'acme/platform',
  deployEnvironment: 'gcpdev',
};
const build = (props: Partial<GithubWorkloadIdentityProps> = {}) => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-dev' });
  const github = new GithubWorkloadIdentity(stack, 'github', { ...PROPS, ...props });
  return { github, json: synthJson(stack) };
};

describe('GithubWorkloadIdentity', () => {
  const { github, json } = build();
  const [provider] = resourcesOf(json, 'google_iam_workload_identity_pool_provider');
  const mapping = provider!['attribute_mapping'] as Record<string, string>;

  it("trusts GitHub Actions' issuer, with this provider as the audience", () => {
    expect(provider!['oidc']).toEqual({
      issuer_uri: 'https://token.actions.githubusercontent.com',
    });
  });

  it('admits only tokens of the repository; its numeric ids too when given', () => {
    expect(provider!['attribute_condition']).toBe("assertion.repository == 'acme/platform'");
    const pinned = resourcesOf(
      build({ repositoryId: '42', repositoryOwnerId: '7' }).json,
      'google_iam_workload_identity_pool_provider',
    )[0]!;
    expect(pinned['attribute_condition']).toBe(
      "assertion.repository == 'acme/platform' && assertion.repository_id == '42' && assertion.repository_owner_id == '7'",
    );
  });

  it('maps repository, ref, environment, job_workflow_ref and event_name, and a subject within 127 bytes', () => {
    expect(mapping).toEqual(
      expect.objectContaining({
        'attribute.repository': 'assertion.repository',
        'attribute.ref': 'assertion.ref',
        'attribute.environment': "has(assertion.environment) ? assertion.environment : 'none'",
        'attribute.job_workflow_ref': 'assertion.job_workflow_ref',
        'attribute.event_name': 'assertion.event_name',
      }),
    );
    expect(mapping['google.subject']).toMatch(
      /^assertion\.sub\.size\(\) <= 127 \? assertion\.sub : /,
    );
  });

  it('maps deploy only for the environment job of the deploy workflow at main, run on main', () => {
    const expression = mapping['attribute.ci_role'];
    expect(expression).toBe(ciRoleExpression(PROPS));
    expect(expression).toContain(
      "has(assertion.environment) ? (assertion.environment == 'gcpdev' && assertion.ref == 'refs/heads/main' && assertion.job_workflow_ref == 'acme/platform/.github/workflows/deploy-environment.yml@refs/heads/main' ? 'deploy' : 'none')",
    );
  });

  it("maps plan for a pull request's pr.yml job and for jobs of the deploy and drift workflows on main", () => {
    const expression = mapping['attribute.ci_role'];
    expect(expression).toContain(
      "(assertion.event_name == 'pull_request' && assertion.job_workflow_ref.startsWith('acme/platform/.github/workflows/pr.yml@refs/pull/') && assertion.job_workflow_ref.endsWith('/merge'))",
    );
    expect(expression).toContain(
      "(assertion.ref == 'refs/heads/main' && !(assertion.event_name in ['pull_request', 'pull_request_target']) && assertion.job_workflow_ref in ['acme/platform/.github/workflows/deploy-environment.yml@refs/heads/main', 'acme/platform/.github/workflows/drift.yml@refs/heads/main']) ? 'plan' : 'none')",
    );
    expect(ciRoleExpression({ ...PROPS, mainBranch: 'trunk' })).not.toContain('refs/heads/main');
  });

  it('names the principal set of a CI role by project number, pool and ci_role', () => {
    expect(github.principalSet('deploy')).toBe(
      'principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github-actions/attribute.ci_role/deploy',
    );
  });

  it('protects the pool (its id stays taken for 30 days after a delete)', () => {
    expect(resourcesOf(json, 'google_iam_workload_identity_pool')[0]!['lifecycle']).toEqual({
      prevent_destroy: true,
    });
  });

  it('reports every bad prop at once, including values that would break out of a CEL string', () => {
    expect(() =>
      build({
        repository: "acme/platform' || true || '",
        mainBranch: 'main branch',
        deployEnvironment: "prod' || 'x",
        repositoryId: 'abc',
        poolId: 'gcp-github',
      }),
    ).toThrow(
      'test/github: repository must be "owner/name" on GitHub (got "acme/platform\' || true || \'"); ' +
        'mainBranch must be a branch name (got "main branch"); ' +
        'deployEnvironment must be a GitHub environment name without quotes or backslashes (got "prod\' || \'x"); ' +
        "repositoryId and repositoryOwnerId must be GitHub's numeric ids (got abc, undefined); " +
        'poolId must be 4-32 lowercase letters, digits or hyphens, not starting with "gcp-" (got "gcp-github")',
    );
  });
});
