import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, synthJson } from '@platform/testing';
import { TerraformStack, Testing } from 'cdktf';
import { GcpBootstrap, type GcpBootstrapProps } from './bootstrap';
import { DEPLOY_PROJECT_ROLES, PLAN_PROJECT_ROLES } from './ci-permissions';

const PROPS: GcpBootstrapProps = {
  projectId: 'acme-dev',
  projectNumber: '123456789012',
  region: 'europe-west1',
  stateBucketName: 'acme-dev-tfstate',
  stateKeyRingName: 'platform-state',
  githubRepository: 'acme/platform',
  githubDeployEnvironment: 'gcpdev',
};
const synth = (props: Partial<GcpBootstrapProps> = {}) => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-dev' });
  new GcpBootstrap(stack, 'bootstrap', { ...PROPS, ...props });
  return synthJson(stack);
};
const POOL =
  'principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github-actions';
const memberOf = (account: 'plan' | 'deploy') =>
  expect.stringMatching(
    new RegExp(
      `^\\$\\{google_service_account\\.bootstrap_${account}-service-account_\\w+\\.member\\}$`,
    ),
  );

describe('GcpBootstrap', () => {
  const json = synth();
  const projectRoles = (account: 'plan' | 'deploy') =>
    resourcesOf(json, 'google_project_iam_member').filter((m) =>
      String(m['member']).includes(`_${account}-service-account_`),
    );

  it('creates the plan and deploy service accounts and no service account key', () => {
    expect(resourcesOf(json, 'google_service_account').map((a) => a['account_id'])).toEqual([
      'platform-ci-deploy',
      'platform-ci-plan',
    ]);
    expect(resourcesOf(json, 'google_service_account_key')).toHaveLength(0);
  });

  it('lets only the ci_role principal sets of the pool impersonate each account', () => {
    const bindings = resourcesOf(json, 'google_service_account_iam_member');
    expect(bindings.map((b) => [b['service_account_id'], b['role'], b['member']])).toEqual([
      [
        expect.stringMatching(/bootstrap_deploy-service-account_\w+\.name/),
        'roles/iam.workloadIdentityUser',
        `${POOL}/attribute.ci_role/deploy`,
      ],
      [
        expect.stringMatching(/bootstrap_plan-service-account_\w+\.name/),
        'roles/iam.workloadIdentityUser',
        `${POOL}/attribute.ci_role/plan`,
      ],
    ]);
  });

  it('gives plan read-only project roles and read access to the state objects only', () => {
    expect(projectRoles('plan').map((m) => m['role'])).toEqual([...PLAN_PROJECT_ROLES].sort());
    const state = resourcesOf(json, 'google_storage_bucket_iam_member');
    expect(state).toContainEqual(
      expect.objectContaining({ role: 'roles/storage.objectViewer', member: memberOf('plan') }),
    );
    expect(state.filter((s) => String(s['member']).includes('_plan-'))).toHaveLength(1);
  });

  it('lets deploy write state objects, and administer KMS and Storage everywhere but the state key and bucket', () => {
    expect(resourcesOf(json, 'google_storage_bucket_iam_member')).toContainEqual(
      expect.objectContaining({ role: 'roles/storage.objectAdmin', member: memberOf('deploy') }),
    );
    const conditioned = Object.fromEntries(
      projectRoles('deploy')
        .filter((m) => m['condition'])
        .map((m) => [m['role'], (m['condition'] as { expression: string }).expression]),
    );
    expect(conditioned['roles/cloudkms.admin']).toBe(
      "resource.name != 'projects/acme-dev/locations/europe-west1/keyRings/platform-state' && !resource.name.startsWith('projects/acme-dev/locations/europe-west1/keyRings/platform-state/')",
    );
    expect(conditioned['roles/storage.admin']).toBe(
      "resource.name != 'projects/_/buckets/acme-dev-tfstate' && !resource.name.startsWith('projects/_/buckets/acme-dev-tfstate/')",
    );
  });

  it('lets deploy grant only the platform roles in the project', () => {
    const [iamAdmin] = projectRoles('deploy').filter(
      (m) => m['role'] === 'roles/resourcemanager.projectIamAdmin',
    );
    expect(iamAdmin!['condition']).toEqual(
      expect.objectContaining({
        expression:
          "api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly(['roles/artifactregistry.reader', 'roles/autoscaling.metricsWriter', 'roles/cloudbuild.workerPoolUser', 'roles/clouddeploy.jobRunner', 'roles/container.developer', 'roles/logging.logWriter', 'roles/monitoring.metricWriter', 'roles/monitoring.viewer', 'roles/stackdriver.resourceMetadata.writer'])",
      }),
    );
  });

  it('grants deploy its unconditioned roles and no role that creates keys or owns the project', () => {
    const unconditioned = projectRoles('deploy').filter((m) => !m['condition']);
    expect(unconditioned.map((m) => m['role']).sort()).toEqual([...DEPLOY_PROJECT_ROLES].sort());
    const all = resourcesOf(json, 'google_project_iam_member').map((m) => m['role']);
    for (const role of ['roles/owner', 'roles/editor', 'roles/iam.serviceAccountKeyAdmin']) {
      expect(all).not.toContain(role);
    }
  });

  it('enables the APIs bootstrap needs without ever disabling them on destroy', () => {
    const apis = resourcesOf(json, 'google_project_service');
    expect(apis.map((a) => a['service'])).toEqual([
      'cloudkms.googleapis.com',
      'cloudresourcemanager.googleapis.com',
      'iam.googleapis.com',
      'iamcredentials.googleapis.com',
      'storage.googleapis.com',
      'sts.googleapis.com',
    ]);
    for (const api of apis) expect(api['disable_on_destroy']).toBe(false);
  });

  it('looks nothing up at plan time (no data sources)', () => {
    expect(json.data).toBeUndefined();
  });

  it('refuses roles that create service account keys, and names that are not roles, in every role list', () => {
    expect(() =>
      synth({
        planRoles: ['roles/viewer', 'roles/editor'],
        deployRoles: ['roles/iam.serviceAccountKeyAdmin', 'viewer'],
        deployGrantableRoles: ['roles/owner'],
      }),
    ).toThrow(
      'test/bootstrap: planRoles must not hold roles/editor: they create service account keys or tokens for any account; ' +
        'deployRoles must not hold roles/iam.serviceAccountKeyAdmin: they create service account keys or tokens for any account; ' +
        'deployRoles must be predefined roles such as "roles/viewer" (got viewer); ' +
        'deployGrantableRoles must not hold roles/owner: they create service account keys or tokens for any account',
    );
  });

  it('lets deploy manage who reads the named secrets, through a role that cannot read them', () => {
    const withSecret = synth({
      deployManagedSecrets: [
        'projects/acme-dev/secrets/github-token',
        'projects/123456789012/secrets/other',
      ],
    });
    const [role] = resourcesOf(withSecret, 'google_project_iam_custom_role');
    expect(role).toEqual(
      expect.objectContaining({
        role_id: 'platformSecretAccessAdmin',
        permissions: [
          'secretmanager.secrets.get',
          'secretmanager.secrets.getIamPolicy',
          'secretmanager.secrets.setIamPolicy',
        ],
      }),
    );
    const granted = resourcesOf(withSecret, 'google_project_iam_member').filter((m) =>
      String(m['role']).includes('google_project_iam_custom_role'),
    );
    expect(granted).toEqual([
      expect.objectContaining({
        member: memberOf('deploy'),
        condition: expect.objectContaining({
          // IAM conditions name a secret by the project's number
          expression:
            "resource.name == 'projects/123456789012/secrets/github-token' || resource.name == 'projects/123456789012/secrets/other'",
        }),
      }),
    ]);
    // without secrets: no custom role, and deploy holds no Secret Manager role at all
    expect(resourcesOf(json, 'google_project_iam_custom_role')).toHaveLength(0);
    expect(projectRoles('deploy').map((m) => String(m['role']))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/secretmanager|custom_role/)]),
    );
  });

  it('refuses a managed secret of another project', () => {
    expect(() =>
      synth({ deployManagedSecrets: ['projects/someone-else/secrets/github-token'] }),
    ).toThrow(
      'test/bootstrap: deployManagedSecrets must name secrets of this project, projects/acme-dev/secrets/<id> (got "projects/someone-else/secrets/github-token")',
    );
  });

  it('refuses an empty list of grantable roles', () => {
    expect(() => synth({ deployGrantableRoles: [] })).toThrow(
      'test/bootstrap: deployGrantableRoles must name at least one role',
    );
  });
});
