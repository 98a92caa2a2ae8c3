import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { parseGcpSecretName } from '@platform/config';
import { Construct } from 'constructs';
import {
  DEPLOY_GRANTABLE_ROLES,
  DEPLOY_PROJECT_ROLES,
  deployConditionalRoles,
  PLAN_PROJECT_ROLES,
  SECRET_ACCESS_ADMIN_ROLE,
  secretsCondition,
} from './ci-permissions';
import { type CiRole, GithubWorkloadIdentity } from './github-federation';
import { GcpStateBucket } from './state-bucket';

/** APIs bootstrap's resources need (the others enable theirs): KMS, Storage, IAM, STS, Resource Manager. */
export const BOOTSTRAP_APIS = [
  'cloudkms.googleapis.com',
  'cloudresourcemanager.googleapis.com',
  'iam.googleapis.com',
  'iamcredentials.googleapis.com',
  'storage.googleapis.com',
  'sts.googleapis.com',
] as const;

/** Account ids of the CI service accounts in every project (as the AWS role names). */
export const CI_SERVICE_ACCOUNT_IDS = {
  plan: 'platform-ci-plan',
  deploy: 'platform-ci-deploy',
} as const;

/**
 * Roles no CI service account may hold: they create service account keys (editor, owner, the
 * key admin) or mint tokens for any service account.
 */
export const FORBIDDEN_CI_ROLES = [
  'roles/editor',
  'roles/owner',
  'roles/iam.serviceAccountKeyAdmin',
  'roles/iam.serviceAccountTokenCreator',
] as const;

/** Props of {@link GcpBootstrap}. */
export interface GcpBootstrapProps {
  /** The environment's project, e.g. `acme-platform-dev`. */
  readonly projectId: string;
  /** The project's number: names service agents and principal sets (no API lookup at plan time). */
  readonly projectNumber: string;
  /** Region of the state bucket and its key, e.g. `europe-west1`. */
  readonly region: string;
  /** The state bucket's name. */
  readonly stateBucketName: string;
  /** The state key's ring. */
  readonly stateKeyRingName: string;
  /**
   * Break-glass administrators of the state key, e.g. `group:platform-admins@example.com`.
   * @default none besides project-level KMS administrators (the deploy account is not one)
   */
  readonly administrators?: readonly string[];
  /** The repository whose workflows plan and deploy, `owner/name`. */
  readonly githubRepository: string;
  /**
   * GitHub's numeric id of the repository, pinned by the pool.
   * @default not pinned (the name only)
   */
  readonly githubRepositoryId?: string;
  /**
   * GitHub's numeric id of the repository owner, pinned by the pool.
   * @default not pinned
   */
  readonly githubRepositoryOwnerId?: string;
  /**
   * The branch deploys and scheduled plans run from.
   * @default main
   */
  readonly githubMainBranch?: string;
  /** The GitHub environment whose job deploys, e.g. `gcpdev`. */
  readonly githubDeployEnvironment: string;
  /**
   * Project roles of the plan service account (it also reads the state bucket).
   * @default PLAN_PROJECT_ROLES: viewer and security reviewer
   */
  readonly planRoles?: readonly string[];
  /**
   * Unconditioned project roles of the deploy service account (it also writes the state
   * bucket and holds the conditioned roles of deployConditionalRoles).
   * @default DEPLOY_PROJECT_ROLES
   */
  readonly deployRoles?: readonly string[];
  /**
   * Project roles the deploy service account may grant and revoke.
   * @default DEPLOY_GRANTABLE_ROLES
   */
  readonly deployGrantableRoles?: readonly string[];
  /**
   * Secret Manager secrets of this project, `projects/<project id or number>/secrets/<id>`,
   * whose readers the deploy service account manages without being able to read them (through
   * {@link SECRET_ACCESS_ADMIN_ROLE}), e.g. the GitHub token of the Cloud Build connection.
   * @default none (and no custom role)
   */
  readonly deployManagedSecrets?: readonly string[];
  /**
   * Days between rotations of the state key, at most 90.
   * @default 90
   */
  readonly keyRotationDays?: number;
  /**
   * APIs to enable besides {@link BOOTSTRAP_APIS}: those of later stacks that need them on
   * before their first apply (e.g. GKE, whose service agent is granted a key before the cluster
   * exists). Never disabled on destroy.
   * @default none
   */
  readonly additionalApis?: readonly string[];
}

/**
 * What a GCP project needs before any other stack runs in it: the APIs, the state bucket and
 * its key ({@link GcpStateBucket}), GitHub's workload identity federation
 * ({@link GithubWorkloadIdentity}) and two service accounts CI impersonates, with the trust
 * model of the AWS roles: `plan` (pull requests and the main branch; reads, state included;
 * writes nothing) and `deploy` (the GitHub environment's job on the main branch; manages the
 * platform's resources, writes state; cannot touch the state key or bucket configuration, and
 * grants only the platform's roles). No service account key is ever created, and no role that
 * creates one is granted.
 */
export class GcpBootstrap extends Construct {
  /** The state bucket and key. */
  readonly state: GcpStateBucket;
  /** GitHub's federation. */
  readonly github: GithubWorkloadIdentity;
  /** The CI service accounts by role. */
  readonly serviceAccounts: Readonly<Record<CiRole, ServiceAccount>>;

  constructor(scope: Construct, id: string, props: GcpBootstrapProps) {
    super(scope, id);
    const planRoles = props.planRoles ?? PLAN_PROJECT_ROLES;
    const deployRoles = props.deployRoles ?? DEPLOY_PROJECT_ROLES;
    const grantable = props.deployGrantableRoles ?? DEPLOY_GRANTABLE_ROLES;
    const forbidden = (roles: readonly string[]) =>
      roles.filter((r) => (FORBIDDEN_CI_ROLES as readonly string[]).includes(r));
    const notRoles = (roles: readonly string[]) => roles.filter((r) => !/^roles\/[\w.]+$/.test(r));
    const problems = [
      ...(
        [
          ['planRoles', planRoles],
          ['deployRoles', deployRoles],
          ['deployGrantableRoles', grantable],
        ] as const
      ).flatMap(([prop, roles]) => [
        [
          forbidden(roles).length > 0,
          `${prop} must not hold ${forbidden(roles).join(', ')}: they create service account keys or tokens for any account`,
        ] as const,
        [
          notRoles(roles).length > 0,
          `${prop} must be predefined roles such as "roles/viewer" (got ${notRoles(roles).join(', ')})`,
        ] as const,
      ]),
      [grantable.length === 0, 'deployGrantableRoles must name at least one role'],
      ...(props.deployManagedSecrets ?? []).map((name) => {
        const project = parseGcpSecretName(name)?.project;
        return [
          project !== props.projectId && project !== props.projectNumber,
          `deployManagedSecrets must name secrets of this project, projects/${props.projectId}/secrets/<id> (got "${name}")`,
        ] as const;
      }),
    ] as const;
    const messages = problems.filter(([bad]) => bad).map(([, message]) => message);
    if (messages.length > 0) throw new Error(`${this.node.path}: ${messages.join('; ')}`);

    const project = props.projectId;
    const apis = [...new Set([...BOOTSTRAP_APIS, ...(props.additionalApis ?? [])])].map(
      (service) =>
        new ProjectService(this, `api-${service.split('.')[0]}`, {
          project,
          service,
          disableOnDestroy: false,
        }),
    );

    this.state = new GcpStateBucket(this, 'state', {
      bucketName: props.stateBucketName,
      location: props.region,
      projectId: project,
      projectNumber: props.projectNumber,
      keyRingName: props.stateKeyRingName,
      keyRotationDays: props.keyRotationDays,
      keyAdministrators: props.administrators,
      dependsOn: apis,
    });
    this.github = new GithubWorkloadIdentity(this, 'github', {
      projectNumber: props.projectNumber,
      projectId: project,
      repository: props.githubRepository,
      repositoryId: props.githubRepositoryId,
      repositoryOwnerId: props.githubRepositoryOwnerId,
      mainBranch: props.githubMainBranch,
      deployEnvironment: props.githubDeployEnvironment,
      dependsOn: apis,
    });

    const serviceAccount = (role: CiRole, description: string) => {
      const account = new ServiceAccount(this, `${role}-service-account`, {
        accountId: CI_SERVICE_ACCOUNT_IDS[role],
        project,
        displayName: `Platform CI ${role}`,
        description,
        dependsOn: apis,
      });
      new ServiceAccountIamMember(this, `${role}-federation`, {
        serviceAccountId: account.name,
        role: 'roles/iam.workloadIdentityUser',
        member: this.github.principalSet(role),
        dependsOn: [this.github.provider],
      });
      return account;
    };
    const plan = serviceAccount(
      'plan',
      'Plans from pull requests and main: reads, state included; writes nothing',
    );
    const deploy = serviceAccount(
      'deploy',
      `Applies from the GitHub environment ${props.githubDeployEnvironment} on main only`,
    );
    this.serviceAccounts = { plan, deploy };

    for (const role of planRoles) {
      new ProjectIamMember(this, `plan-${role}`, { project, role, member: plan.member });
    }
    for (const role of deployRoles) {
      new ProjectIamMember(this, `deploy-${role}`, { project, role, member: deploy.member });
    }
    const conditional = deployConditionalRoles({
      projectId: project,
      region: props.region,
      stateBucketName: props.stateBucketName,
      stateKeyRingName: props.stateKeyRingName,
      grantableRoles: grantable,
    });
    for (const { role, title, description, expression } of conditional) {
      new ProjectIamMember(this, `deploy-${role}-${title}`, {
        project,
        role,
        member: deploy.member,
        condition: { title, description, expression },
      });
    }
    const secrets = props.deployManagedSecrets ?? [];
    if (secrets.length > 0) {
      const secretAccessAdmin = new ProjectIamCustomRole(this, 'secret-access-admin', {
        project,
        ...SECRET_ACCESS_ADMIN_ROLE,
        permissions: [...SECRET_ACCESS_ADMIN_ROLE.permissions],
        dependsOn: apis,
      });
      new ProjectIamMember(this, 'deploy-secret-access-admin', {
        project,
        role: secretAccessAdmin.name,
        member: deploy.member,
        condition: {
          title: 'named-secrets-only',
          description: 'The secrets whose readers the platform manages',
          expression: secretsCondition(props.projectNumber, secrets),
        },
      });
    }
    // Plans run with -lock=false: plan reads state objects and writes none (no lock file).
    new StorageBucketIamMember(this, 'plan-state-read', {
      bucket: this.state.bucket.name,
      role: 'roles/storage.objectViewer',
      member: plan.member,
    });
    new StorageBucketIamMember(this, 'deploy-state-write', {
      bucket: this.state.bucket.name,
      role: 'roles/storage.objectAdmin',
      member: deploy.member,
    });
  }
}
