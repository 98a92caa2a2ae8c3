import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, type StackJson, synthJson } from '@platform/testing';
import { TerraformStack, Testing } from 'cdktf';
import { GcpDelivery, type GcpDeliveryProps } from './delivery';

const scope = () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-ci', region: 'europe-west1' });
  return stack;
};

const images = 'projects/acme-ci/locations/europe-west1/repositories/images';
const props: GcpDeliveryProps = {
  projectId: 'acme-ci',
  projectNumber: '210987654321',
  region: 'europe-west1',
  artifactBucketName: 'acme-ci-delivery-artifacts',
  githubAppInstallationId: 12345678,
  githubOauthTokenSecretVersion: 'projects/acme-ci/secrets/github-oauth-token/versions/3',
  environments: [
    {
      name: 'dev',
      clusterId: 'projects/acme-dev/locations/europe-west1/clusters/dev-gke',
      dnsEndpoint: true,
    },
    {
      name: 'staging',
      clusterId: 'projects/acme-staging/locations/europe-west1/clusters/staging-gke',
      dnsEndpoint: true,
    },
    {
      name: 'prod',
      clusterId: 'projects/acme-prod/locations/europe-west1/clusters/prod-gke',
      production: true,
      dnsEndpoint: true,
    },
  ],
  services: [
    {
      name: 'web',
      githubRepository: 'acme/web',
      imageRepositoryId: images,
      canaryPercentages: [10, 50],
      verifyCanary: true,
    },
    {
      name: 'api',
      githubRepository: 'acme/api',
      imageRepositoryId: images,
      canaryPercentages: [25],
    },
  ],
};

const synth = (overrides: Partial<GcpDeliveryProps> = {}): StackJson => {
  const stack = scope();
  new GcpDelivery(stack, 'delivery', { ...props, ...overrides });
  return synthJson(stack);
};
const build = (overrides: Partial<GcpDeliveryProps>) => () =>
  new GcpDelivery(scope(), 'delivery', { ...props, ...overrides });
const named = (json: StackJson, type: string, name: string) =>
  resourcesOf(json, type).find((r) => r['name'] === name)!;
type Stage = { target_id: string; strategy?: Record<string, unknown> };

describe('GCP delivery', () => {
  const json = synth();

  it('each service has a pipeline promoting dev → staging → prod, in that order', () => {
    for (const service of ['web', 'api']) {
      const pipeline = named(json, 'google_clouddeploy_delivery_pipeline', service);
      const stages = (pipeline['serial_pipeline'] as { stages: Stage[] }).stages;
      expect(stages.map((s) => s.target_id)).toEqual(['dev', 'staging', 'prod']);
    }
  });

  it('production rolls out as a canary through each service’s own percentages; earlier stages deploy at once', () => {
    const stagesOf = (service: string) =>
      (
        named(json, 'google_clouddeploy_delivery_pipeline', service)['serial_pipeline'] as {
          stages: Stage[];
        }
      ).stages;
    expect(stagesOf('web')[2]!.strategy).toEqual({
      canary: {
        runtime_config: {
          kubernetes: { service_networking: { deployment: 'web', service: 'web' } },
        },
        canary_deployment: { percentages: [10, 50], verify: true },
      },
    });
    expect(stagesOf('api')[2]!.strategy).toEqual(
      expect.objectContaining({
        canary: expect.objectContaining({
          canary_deployment: { percentages: [25], verify: false },
        }),
      }),
    );
    expect(stagesOf('web')[0]!.strategy).toBeUndefined();
    expect(stagesOf('web')[1]!.strategy).toBeUndefined();
  });

  it('one target per environment on its cluster; only production needs approval', () => {
    const targets = resourcesOf(json, 'google_clouddeploy_target');
    expect(targets.map((t) => [t['name'], t['require_approval']]).sort()).toEqual([
      ['dev', false],
      ['prod', true],
      ['staging', false],
    ]);
    expect(named(json, 'google_clouddeploy_target', 'prod')['gke']).toEqual({
      cluster: 'projects/acme-prod/locations/europe-west1/clusters/prod-gke',
      dns_endpoint: true,
    });
  });

  it('every target runs all its jobs as its own execution account, never the Compute default', () => {
    const accounts = new Set<string>();
    for (const target of resourcesOf(json, 'google_clouddeploy_target')) {
      const [config] = target['execution_configs'] as Record<string, unknown>[];
      expect(config!['usages']).toEqual(['RENDER', 'DEPLOY', 'VERIFY', 'PREDEPLOY', 'POSTDEPLOY']);
      expect(config!['service_account']).toMatch(
        new RegExp(
          `^\\$\\{google_service_account\\.delivery_target-${target['name']}_execution-account_\\w+\\.email\\}$`,
        ),
      );
      accounts.add(String(config!['service_account']));
    }
    expect(accounts.size).toBe(3);
  });

  it('an execution account may run jobs, deploy to its own cluster’s project and use the artifact bucket: nothing else', () => {
    const prodAccount = /delivery_target-prod_execution-account/;
    const projectGrants = resourcesOf(json, 'google_project_iam_member')
      .filter((g) => prodAccount.test(String(g['member'])))
      .map((g) => [g['project'], g['role']]);
    expect(projectGrants.sort()).toEqual([
      ['acme-ci', 'roles/clouddeploy.jobRunner'],
      ['acme-prod', 'roles/container.developer'],
    ]);
    const bucketGrants = resourcesOf(json, 'google_storage_bucket_iam_member').filter((g) =>
      prodAccount.test(String(g['member'])),
    );
    expect(bucketGrants).toEqual([
      expect.objectContaining({
        role: 'roles/storage.objectUser',
        bucket: expect.stringMatching(
          /^\$\{google_storage_bucket\.delivery_artifacts_bucket_\w+\.name\}$/,
        ),
      }),
    ]);
  });

  it('the GitHub connection names the token’s Secret Manager version, and only the Cloud Build service agent may read that secret', () => {
    const [connection] = resourcesOf(json, 'google_cloudbuildv2_connection');
    expect(connection!['github_config']).toEqual({
      app_installation_id: 12345678,
      authorizer_credential: {
        oauth_token_secret_version: 'projects/acme-ci/secrets/github-oauth-token/versions/3',
      },
    });
    expect(resourcesOf(json, 'google_secret_manager_secret_iam_member')).toEqual([
      {
        secret_id: 'projects/acme-ci/secrets/github-oauth-token',
        role: 'roles/secretmanager.secretAccessor',
        member: 'serviceAccount:service-210987654321@gcp-sa-cloudbuild.iam.gserviceaccount.com',
      },
    ]);
    expect(connection!['depends_on']).toEqual([
      expect.stringMatching(/^google_secret_manager_secret_iam_member\./),
    ]);
    expect(resourcesOf(json, 'google_secret_manager_secret')).toHaveLength(0);
    expect(resourcesOf(json, 'google_secret_manager_secret_version')).toHaveLength(0);
  });

  it('each service repository is linked once, and its trigger builds on pushes to main', () => {
    expect(
      resourcesOf(json, 'google_cloudbuildv2_repository')
        .map((r) => r['remote_uri'])
        .sort(),
    ).toEqual(['https://github.com/acme/api.git', 'https://github.com/acme/web.git']);
    const trigger = named(json, 'google_cloudbuild_trigger', 'web-release');
    expect(trigger['repository_event_config']).toEqual({
      repository: expect.stringMatching(
        /^\$\{google_cloudbuildv2_repository\.delivery_github_repository-acme-web_\w+\.id\}$/,
      ),
      push: { branch: '^main$' },
    });
  });

  it('two services in one repository share its link', () => {
    const shared = synth({
      services: props.services.map((s) => ({ ...s, githubRepository: 'acme/monorepo' })),
    });
    expect(resourcesOf(shared, 'google_cloudbuildv2_repository')).toHaveLength(1);
  });

  it('a trigger builds, pushes to Artifact Registry by commit SHA and releases through its pipeline, as its own build account', () => {
    const trigger = named(json, 'google_cloudbuild_trigger', 'web-release');
    expect(trigger['service_account']).toMatch(
      /^\$\{google_service_account\.delivery_build-web_build-account_\w+\.id\}$/,
    );
    expect(trigger['substitutions']).toEqual({
      _IMAGE: 'europe-west1-docker.pkg.dev/acme-ci/images/web',
    });
    const steps = (trigger['build'] as { step: { id: string; args: string[] }[] }).step;
    expect(steps.map((s) => s.id)).toEqual(['build', 'push', 'release']);
    expect(steps[1]!.args).toEqual(['push', '$_IMAGE:$COMMIT_SHA']);
    expect(steps[2]!.args).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^--delivery-pipeline=\$\{google_clouddeploy_delivery_pipeline\.delivery_pipeline-web_pipeline_\w+\.name\}$/,
        ),
        '--images=web=$_IMAGE:$COMMIT_SHA',
      ]),
    );
    expect((trigger['build'] as Record<string, unknown>)['options']).toEqual({
      logging: 'CLOUD_LOGGING_ONLY',
    });
  });

  it('build steps use Cloud Build substitutions ($NAME), never ${NAME}, which terraform would interpolate', () => {
    for (const trigger of resourcesOf(json, 'google_cloudbuild_trigger')) {
      const text = JSON.stringify(trigger['build']);
      const interpolations = text.match(/\$\{[^}]*\}/g) ?? [];
      expect(interpolations.every((i) => /^\$\{google_[a-z_0-9]+\.[\w-]+\.\w+\}$/.test(i))).toBe(
        true,
      );
    }
  });

  it('a build account may push to its repository, write logs, release through its pipeline, act as the execution accounts and stage sources: nothing else', () => {
    const web = /delivery_build-web_build-account/;
    const mine = (type: string) =>
      resourcesOf(json, type).filter((g) => web.test(String(g['member'])));
    expect(mine('google_artifact_registry_repository_iam_member')).toEqual([
      expect.objectContaining({
        project: 'acme-ci',
        location: 'europe-west1',
        repository: 'images',
        role: 'roles/artifactregistry.writer',
      }),
    ]);
    expect(mine('google_project_iam_member').map((g) => g['role'])).toEqual([
      'roles/logging.logWriter',
    ]);
    expect(mine('google_clouddeploy_delivery_pipeline_iam_member')).toEqual([
      expect.objectContaining({
        name: expect.stringMatching(/delivery_pipeline-web_pipeline_/),
        role: 'roles/clouddeploy.releaser',
      }),
    ]);
    expect(mine('google_service_account_iam_member')).toHaveLength(3);
    expect(new Set(mine('google_service_account_iam_member').map((g) => g['role']))).toEqual(
      new Set(['roles/iam.serviceAccountUser']),
    );
    expect(
      mine('google_storage_bucket_iam_member')
        .map((g) => g['role'])
        .sort(),
    ).toEqual(['roles/storage.legacyBucketReader', 'roles/storage.objectUser']);
  });

  it('no actor is granted a basic role or the legacy Cloud Build account', () => {
    const text = JSON.stringify(json.resource);
    expect(text).not.toMatch(/roles\/(owner|editor|viewer)"/);
    expect(text).not.toContain('@cloudbuild.gserviceaccount.com');
    expect(text).not.toContain('-compute@developer.gserviceaccount.com');
  });

  it('the artifact bucket is private, versioned and expires old objects', () => {
    expect(resourcesOf(json, 'google_storage_bucket')).toEqual([
      expect.objectContaining({
        name: 'acme-ci-delivery-artifacts',
        uniform_bucket_level_access: true,
        public_access_prevention: 'enforced',
        force_destroy: false,
        versioning: { enabled: true },
        lifecycle_rule: [
          { condition: { age: 90 }, action: { type: 'Delete' } },
          { condition: { days_since_noncurrent_time: 7 }, action: { type: 'Delete' } },
        ],
      }),
    ]);
  });
});

describe('GCP delivery props are validated', () => {
  it('production must come last, and the last environment must be production', () => {
    const [dev, staging, prod] = props.environments;
    expect(build({ environments: [dev!, staging!] })).toThrow(
      /the last environment \(staging\) must be production/,
    );
    expect(build({ environments: [prod!, dev!, { ...staging!, production: true }] })).toThrow(
      /production environments must come last in promotion order \(dev comes after prod\)/,
    );
  });

  it('repeated environments and services, reported together', () => {
    const [dev, , prod] = props.environments;
    expect(
      build({
        environments: [dev!, dev!, prod!],
        services: [props.services[0]!, props.services[0]!],
      }),
    ).toThrow(
      'test/delivery: environments must be unique (got dev twice); services must be unique (got web twice)',
    );
  });
});
