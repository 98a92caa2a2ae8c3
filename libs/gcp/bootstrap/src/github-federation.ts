import { IamWorkloadIdentityPool } from '@cdktf/provider-google/lib/iam-workload-identity-pool';
import { IamWorkloadIdentityPoolProvider } from '@cdktf/provider-google/lib/iam-workload-identity-pool-provider';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

/** The issuer of GitHub Actions' OIDC tokens. */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

// The workflow names of the trust model, as in @platform/aws-bootstrap (stack libs cannot import
// each other; both could read them from config once the environment contract holds them).
/** The reusable workflow whose environment job deploys (called from deploy.yml on main). */
export const DEPLOY_WORKFLOW = 'deploy-environment.yml';
/** Workflows on the main branch that plan. */
export const PLAN_WORKFLOWS_ON_MAIN = [DEPLOY_WORKFLOW, 'drift.yml'] as const;
/** The pull-request workflow that plans (a pull request runs its own code: plan only reads). */
export const PULL_REQUEST_WORKFLOW = 'pr.yml';

/** The CI roles the pool tells apart (the mapped `attribute.ci_role`); anything else is `none`. */
export type CiRole = 'plan' | 'deploy';

/** The mapped attribute that carries the CI role of a token. */
export const CI_ROLE_ATTRIBUTE = 'ci_role';

/** Longest expression Google accepts for one attribute mapping. */
const MAX_MAPPING_EXPRESSION = 2048;

const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
const BRANCH = /^[A-Za-z0-9._/-]{1,255}$/;
const ENVIRONMENT = /^[^'"\\]{1,255}$/;
const NUMERIC_ID = /^\d{1,20}$/;
const POOL_ID = /^(?!gcp-)[a-z][a-z0-9-]{2,30}[a-z0-9]$/;

/** Props of {@link GithubWorkloadIdentity}. */
export interface GithubWorkloadIdentityProps {
  /** Number of the project that holds the pool (principal sets name it). */
  readonly projectNumber: string;
  /**
   * Project of the pool.
   * @default the provider's project
   */
  readonly projectId?: string;
  /** The repository whose workflows may federate, `owner/name`. */
  readonly repository: string;
  /**
   * Numeric id of the repository, pinned next to its name so a deleted and re-created
   * repository of the same name gets no access.
   * @default not pinned (the name only)
   */
  readonly repositoryId?: string;
  /**
   * Numeric id of the repository's owner, pinned like `repositoryId`.
   * @default not pinned
   */
  readonly repositoryOwnerId?: string;
  /**
   * The branch deploys and scheduled plans run from.
   * @default main
   */
  readonly mainBranch?: string;
  /** The GitHub environment whose job deploys (where reviewers gate the apply), e.g. `prod`. */
  readonly deployEnvironment: string;
  /**
   * Workload identity pool id (4-32 characters; a deleted pool's id stays taken for 30 days).
   * @default github-actions
   */
  readonly poolId?: string;
  /**
   * Add `prevent_destroy` to the pool.
   * @default true
   */
  readonly protect?: boolean;
  /**
   * Resources to create first, e.g. the IAM and STS APIs.
   * @default none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * GitHub Actions' OIDC tokens federated into the project: a workload identity pool and an OIDC
 * provider that admits only this repository, maps the claims the trust model reads
 * (repository, ref, environment, job_workflow_ref, event_name) and computes one more,
 * `attribute.ci_role`, which is what service accounts bind to (a principal set matches one
 * attribute value, and the trust model needs conjunctions of claims):
 *
 * - `deploy`: a job of the GitHub environment `deployEnvironment`, run on the main branch, in
 *   the reusable workflow {@link DEPLOY_WORKFLOW} at the main branch (a pull request that adds
 *   `environment:` to its own workflow has another job_workflow_ref);
 * - `plan`: a pull request's {@link PULL_REQUEST_WORKFLOW} job, or a job without environment of
 *   {@link PLAN_WORKFLOWS_ON_MAIN} run on the main branch (not from a pull_request_target);
 * - `none`: anything else, bound to nothing.
 */
export class GithubWorkloadIdentity extends Construct {
  /** The pool. */
  readonly pool: IamWorkloadIdentityPool;
  /** The OIDC provider of GitHub in the pool. */
  readonly provider: IamWorkloadIdentityPoolProvider;
  /** The pool id. */
  readonly poolId: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: GithubWorkloadIdentityProps,
  ) {
    super(scope, id);
    this.poolId = props.poolId ?? 'github-actions';
    const mapping = attributeMapping(props);
    const tooLong = Object.entries(mapping).filter(([, e]) => e.length > MAX_MAPPING_EXPRESSION);
    const problems = [
      [
        !REPOSITORY.test(props.repository),
        `repository must be "owner/name" on GitHub (got "${props.repository}")`,
      ],
      [
        props.mainBranch !== undefined && !BRANCH.test(props.mainBranch),
        `mainBranch must be a branch name (got "${props.mainBranch}")`,
      ],
      [
        !ENVIRONMENT.test(props.deployEnvironment),
        `deployEnvironment must be a GitHub environment name without quotes or backslashes (got "${props.deployEnvironment}")`,
      ],
      [
        [props.repositoryId, props.repositoryOwnerId].some(
          (v) => v !== undefined && !NUMERIC_ID.test(v),
        ),
        `repositoryId and repositoryOwnerId must be GitHub's numeric ids (got ${props.repositoryId}, ${props.repositoryOwnerId})`,
      ],
      [
        !POOL_ID.test(this.poolId),
        `poolId must be 4-32 lowercase letters, digits or hyphens, not starting with "gcp-" (got "${this.poolId}")`,
      ],
      [
        tooLong.length > 0,
        `the attribute mapping of ${tooLong.map(([k]) => k).join(', ')} exceeds ${MAX_MAPPING_EXPRESSION} characters: shorten the repository, branch or environment name`,
      ],
    ] as const;
    const messages = problems.filter(([bad]) => bad).map(([, message]) => message);
    if (messages.length > 0) throw new Error(`${this.node.path}: ${messages.join('; ')}`);

    this.pool = new IamWorkloadIdentityPool(this, 'pool', {
      workloadIdentityPoolId: this.poolId,
      project: props.projectId,
      displayName: 'GitHub Actions',
      description: `GitHub Actions of ${props.repository}`,
      lifecycle: props.protect === false ? undefined : { preventDestroy: true },
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
    });
    this.provider = new IamWorkloadIdentityPoolProvider(this, 'provider', {
      workloadIdentityPoolId: this.pool.workloadIdentityPoolId,
      workloadIdentityPoolProviderId: 'github',
      project: props.projectId,
      displayName: 'GitHub',
      description: `Tokens of ${props.repository} only`,
      attributeMapping: mapping,
      attributeCondition: [
        `assertion.repository == '${props.repository}'`,
        ...(props.repositoryId ? [`assertion.repository_id == '${props.repositoryId}'`] : []),
        ...(props.repositoryOwnerId
          ? [`assertion.repository_owner_id == '${props.repositoryOwnerId}'`]
          : []),
      ].join(' && '),
      // No allowed_audiences: the audience must be this provider's own resource name, which is
      // what google-github-actions/auth requests by default.
      oidc: { issuerUri: GITHUB_ISSUER },
    });
  }

  /** The principal set of every token with CI role `role`, for `roles/iam.workloadIdentityUser`. */
  principalSet(role: CiRole): string {
    return `principalSet://iam.googleapis.com/projects/${this.props.projectNumber}/locations/global/workloadIdentityPools/${this.poolId}/attribute.${CI_ROLE_ATTRIBUTE}/${role}`;
  }
}

/** The provider's attribute mapping: the claims the trust model reads, and the CI role. */
export function attributeMapping(
  props: Pick<GithubWorkloadIdentityProps, 'repository' | 'mainBranch' | 'deployEnvironment'>,
): Record<string, string> {
  return {
    // google.subject may not exceed 127 bytes; a custom subject template (job_workflow_ref
    // included) can. Longer subjects become the run's ids, still unique in audit logs.
    'google.subject':
      "assertion.sub.size() <= 127 ? assertion.sub : 'run:' + assertion.repository_id + ':' + assertion.run_id + ':' + assertion.run_attempt",
    'attribute.repository': 'assertion.repository',
    'attribute.ref': 'assertion.ref',
    'attribute.environment': "has(assertion.environment) ? assertion.environment : 'none'",
    'attribute.job_workflow_ref': 'assertion.job_workflow_ref',
    'attribute.event_name': 'assertion.event_name',
    [`attribute.${CI_ROLE_ATTRIBUTE}`]: ciRoleExpression(props),
  };
}

/** The CEL expression that maps a token's claims to its CI role (see {@link GithubWorkloadIdentity}). */
export function ciRoleExpression(
  props: Pick<GithubWorkloadIdentityProps, 'repository' | 'mainBranch' | 'deployEnvironment'>,
): string {
  const main = `refs/heads/${props.mainBranch ?? 'main'}`;
  const workflow = (file: string) => `${props.repository}/.github/workflows/${file}`;
  const deploy = [
    `assertion.environment == '${props.deployEnvironment}'`,
    `assertion.ref == '${main}'`,
    `assertion.job_workflow_ref == '${workflow(DEPLOY_WORKFLOW)}@${main}'`,
  ].join(' && ');
  const pullRequest = [
    "assertion.event_name == 'pull_request'",
    `assertion.job_workflow_ref.startsWith('${workflow(PULL_REQUEST_WORKFLOW)}@refs/pull/')`,
    "assertion.job_workflow_ref.endsWith('/merge')",
  ].join(' && ');
  const onMain = [
    `assertion.ref == '${main}'`,
    "!(assertion.event_name in ['pull_request', 'pull_request_target'])",
    `assertion.job_workflow_ref in [${PLAN_WORKFLOWS_ON_MAIN.map((f) => `'${workflow(f)}@${main}'`).join(', ')}]`,
  ].join(' && ');
  return `has(assertion.environment) ? (${deploy} ? 'deploy' : 'none') : ((${pullRequest}) || (${onMain}) ? 'plan' : 'none')`;
}
