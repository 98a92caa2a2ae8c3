import { parseGcpSecretName } from '@platform/config';

/**
 * What the CI service accounts may do, kept in one place. Plan reads; deploy manages what the
 * platform's GCP families declare, with IAM conditions keeping the state bucket and its key out
 * of reach and limiting the project roles it may grant. Neither may create service account keys.
 */

/** Project roles of the plan service account: read configuration and IAM policies. */
export const PLAN_PROJECT_ROLES = ['roles/viewer', 'roles/iam.securityReviewer'] as const;

/**
 * Project roles of the deploy service account, unconditioned: what applying the GCP families
 * takes. Cloud Deploy pipelines, targets and their IAM (`clouddeploy.admin`); Cloud Build
 * triggers (`cloudbuild.builds.editor`) and the GitHub connection and its repositories
 * (`cloudbuild.connectionAdmin`); and attaching the service accounts the families create to
 * node pools, Cloud Deploy targets and triggers (`iam.serviceAccountUser`, "actAs"). actAs is
 * project-wide because `iam.serviceAccountAdmin` (creating those accounts) already includes
 * setting any account's IAM policy: a narrower actAs would keep out nothing the account could
 * not grant itself. The boundary is the project: it holds no service account with more than
 * the platform's roles (README, "Bootstrap a Google Cloud project").
 */
export const DEPLOY_PROJECT_ROLES = [
  'roles/viewer',
  'roles/iam.securityReviewer',
  'roles/artifactregistry.admin',
  'roles/cloudbuild.builds.editor',
  'roles/cloudbuild.connectionAdmin',
  'roles/clouddeploy.admin',
  'roles/compute.networkAdmin',
  'roles/compute.securityAdmin',
  'roles/container.admin',
  'roles/iam.serviceAccountAdmin',
  'roles/iam.serviceAccountUser',
  'roles/logging.configWriter',
  'roles/monitoring.editor',
  'roles/serviceusage.serviceUsageAdmin',
] as const;

/**
 * The custom role that lets the deploy service account manage who may read a secret without
 * reading it (no predefined role sets a secret's IAM policy without `versions.access`), granted
 * only on the secrets bootstrap names, e.g. the GitHub token of the Cloud Build connection.
 */
export const SECRET_ACCESS_ADMIN_ROLE = {
  roleId: 'platformSecretAccessAdmin',
  title: 'Platform secret access admin',
  description:
    'Manages who may read a secret; cannot read, add or destroy its versions (granted on named secrets only)',
  permissions: [
    'secretmanager.secrets.get',
    'secretmanager.secrets.getIamPolicy',
    'secretmanager.secrets.setIamPolicy',
  ],
} as const;

/**
 * The condition of {@link SECRET_ACCESS_ADMIN_ROLE}: one of the named secrets. IAM conditions
 * see a secret as `projects/<project number>/secrets/<id>`, whichever form config used.
 */
export function secretsCondition(projectNumber: string, secrets: readonly string[]): string {
  return secrets
    .map(
      (name) =>
        `resource.name == 'projects/${projectNumber}/secrets/${parseGcpSecretName(name)?.id}'`,
    )
    .join(' || ');
}

/**
 * Project roles the deploy service account may grant: every project-level role a GCP family
 * grants (GKE node service accounts; Cloud Deploy execution and Cloud Build service accounts,
 * including the execution account of another environment's pipeline that deploys here).
 */
export const DEPLOY_GRANTABLE_ROLES = [
  'roles/artifactregistry.reader',
  'roles/autoscaling.metricsWriter',
  'roles/cloudbuild.workerPoolUser',
  'roles/clouddeploy.jobRunner',
  'roles/container.developer',
  'roles/logging.logWriter',
  'roles/monitoring.metricWriter',
  'roles/monitoring.viewer',
  'roles/stackdriver.resourceMetadata.writer',
] as const;

/** A project role granted under an IAM condition. */
export interface ConditionalRole {
  /** The role. */
  readonly role: string;
  /** The condition's title (unique per role and member). */
  readonly title: string;
  /** What the condition allows, in words. */
  readonly description: string;
  /** The CEL expression. */
  readonly expression: string;
}

/** What {@link deployConditionalRoles} needs. */
export interface StateScope {
  /** The project. */
  readonly projectId: string;
  /** The region of the state key ring. */
  readonly region: string;
  /** The state bucket. */
  readonly stateBucketName: string;
  /** The state key ring. */
  readonly stateKeyRingName: string;
  /** Project roles the deploy service account may grant. */
  readonly grantableRoles: readonly string[];
}

/** `resource.name` is not `name` nor anything under it. */
const outside = (name: string) =>
  `resource.name != '${name}' && !resource.name.startsWith('${name}/')`;

/**
 * The deploy service account's conditioned roles: Cloud KMS and Cloud Storage administration
 * everywhere but the state key ring and bucket (the bucket's own grant lets it write objects
 * there), and project IAM changes limited to {@link DEPLOY_GRANTABLE_ROLES}.
 */
export function deployConditionalRoles(scope: StateScope): ConditionalRole[] {
  const keyRing = `projects/${scope.projectId}/locations/${scope.region}/keyRings/${scope.stateKeyRingName}`;
  return [
    {
      role: 'roles/cloudkms.admin',
      title: 'not-the-state-key',
      description: 'Every key ring but the one of the Terraform state key',
      expression: outside(keyRing),
    },
    {
      role: 'roles/storage.admin',
      title: 'not-the-state-bucket',
      description: 'Every bucket but the Terraform state bucket',
      expression: outside(`projects/_/buckets/${scope.stateBucketName}`),
    },
    {
      role: 'roles/resourcemanager.projectIamAdmin',
      title: 'grant-platform-roles-only',
      description: 'Grants and revokes of the platform roles only',
      expression: `api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly([${scope.grantableRoles.map((r) => `'${r}'`).join(', ')}])`,
    },
  ];
}
