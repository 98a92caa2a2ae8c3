import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, synthJson } from '@platform/testing';
import { TerraformStack, Testing } from 'cdktf';
import { DeliveryArtifactBucket } from './artifact-bucket';
import { ServiceDeliveryPipeline, type ServiceDeliveryPipelineProps } from './delivery-pipeline';
import { GkeDeployTarget, type GkeDeployTargetProps } from './deploy-target';
import { GithubConnection, type GithubConnectionProps } from './github-connection';
import { ServiceBuild, type ServiceBuildProps } from './service-build';

const scope = () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-ci', region: 'europe-west1' });
  return stack;
};

const pipelineProps: ServiceDeliveryPipelineProps = {
  pipelineId: 'web',
  projectId: 'acme-ci',
  region: 'europe-west1',
  targetIds: ['dev', 'staging', 'prod'],
  canaryPercentages: [10, 50],
};
const pipeline = (overrides: Partial<ServiceDeliveryPipelineProps>) => () =>
  new ServiceDeliveryPipeline(scope(), 'pipeline', { ...pipelineProps, ...overrides });

describe('delivery pipeline', () => {
  it.each([[[1]], [[10, 50]], [[5, 25, 50, 99]]])('accepts canary percentages %j', (p) =>
    expect(pipeline({ canaryPercentages: p })).not.toThrow(),
  );

  it.each([
    [[], 'canaryPercentages must list at least one phase'],
    [[0, 50], 'canaryPercentages must be whole numbers from 1 to 99 (got [0, 50]'],
    [[50, 100], 'canaryPercentages must be whole numbers from 1 to 99 (got [50, 100]'],
    [[12.5], 'canaryPercentages must be whole numbers from 1 to 99 (got [12.5]'],
    [[50, 10], 'canaryPercentages must be strictly increasing (got [50, 10])'],
    [[25, 25], 'canaryPercentages must be strictly increasing (got [25, 25])'],
  ])('refuses canary percentages %j', (p, message) =>
    expect(pipeline({ canaryPercentages: p })).toThrow(message),
  );

  it('a pipeline id may have 63 characters, lowercase, starting with a letter', () => {
    const long = `a${'b'.repeat(62)}`;
    expect(pipeline({ pipelineId: long })).not.toThrow();
    expect(pipeline({ pipelineId: `${long}c` })).toThrow(
      `test/pipeline: pipelineId "${long}c" must be 1-63 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen (it has 64 characters)`,
    );
    expect(pipeline({ pipelineId: 'Web' })).toThrow(/pipelineId "Web" must be/);
    expect(pipeline({ pipelineId: '1web' })).toThrow(/pipelineId "1web" must be/);
    expect(pipeline({ pipelineId: 'web-' })).toThrow(/pipelineId "web-" must be/);
  });

  it('refuses no targets, or a target twice', () => {
    expect(pipeline({ targetIds: [] })).toThrow(/targetIds must list at least one target/);
    expect(pipeline({ targetIds: ['dev', 'prod', 'dev'] })).toThrow(
      /targetIds must not repeat a target \(got dev twice\)/,
    );
  });

  it('the canary splits the named Deployment and Service when they differ from the pipeline id', () => {
    const stack = scope();
    new ServiceDeliveryPipeline(stack, 'pipeline', {
      ...pipelineProps,
      kubernetesDeployment: 'web-server',
      kubernetesService: 'web-http',
    });
    const [resource] = resourcesOf(synthJson(stack), 'google_clouddeploy_delivery_pipeline');
    expect(JSON.stringify(resource)).toContain(
      '"service_networking":{"deployment":"web-server","service":"web-http"}',
    );
  });
});

const targetProps: GkeDeployTargetProps = {
  targetId: 'prod',
  projectId: 'acme-ci',
  region: 'europe-west1',
  clusterId: 'projects/acme-prod/locations/europe-west1/clusters/prod-gke',
  requireApproval: true,
  artifactBucketName: 'acme-ci-delivery-artifacts',
  workerPool: 'projects/acme-net/locations/europe-west1/workerPools/private',
};
const target = (overrides: Partial<GkeDeployTargetProps>) => () =>
  new GkeDeployTarget(scope(), 'target', { ...targetProps, ...overrides });

describe('GKE deploy target', () => {
  it('from a private pool it reaches the cluster on its internal IP, and its account may use that pool', () => {
    const stack = scope();
    new GkeDeployTarget(stack, 'target', targetProps);
    const json = synthJson(stack);
    const [resource] = resourcesOf(json, 'google_clouddeploy_target');
    expect(resource!['gke']).toEqual({
      cluster: 'projects/acme-prod/locations/europe-west1/clusters/prod-gke',
      internal_ip: true,
    });
    expect(resource!['execution_configs']).toEqual([
      expect.objectContaining({
        worker_pool: 'projects/acme-net/locations/europe-west1/workerPools/private',
        artifact_storage: 'gs://acme-ci-delivery-artifacts/prod',
      }),
    ]);
    expect(
      resourcesOf(json, 'google_project_iam_member').map((g) => [g['project'], g['role']]),
    ).toContainEqual(['acme-net', 'roles/cloudbuild.workerPoolUser']);
  });

  it('through the DNS endpoint it needs no pool, and gets no pool grant', () => {
    const stack = scope();
    new GkeDeployTarget(stack, 'target', {
      ...targetProps,
      workerPool: undefined,
      dnsEndpoint: true,
    });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'google_clouddeploy_target')[0]!['gke']).toEqual(
      expect.objectContaining({ dns_endpoint: true }),
    );
    expect(resourcesOf(json, 'google_project_iam_member').map((g) => g['role'])).not.toContain(
      'roles/cloudbuild.workerPoolUser',
    );
  });

  it("leaves the cluster project's grant to that project when asked, and names its account as told", () => {
    const stack = scope();
    new GkeDeployTarget(stack, 'target', {
      ...targetProps,
      grantClusterAccess: false,
      executionServiceAccountId: 'deploy-to-prod',
    });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'google_project_iam_member').map((g) => g['role'])).not.toContain(
      'roles/container.developer',
    );
    expect(resourcesOf(json, 'google_service_account')[0]!['account_id']).toBe('deploy-to-prod');
  });

  it('refuses a target the default pool could not deploy from', () => {
    expect(target({ workerPool: undefined })).toThrow(
      "test/target: set dnsEndpoint or workerPool: the default Cloud Build pool cannot reach the cluster's private control plane",
    );
  });

  it('reports a bad target id, cluster id, worker pool and derived account id together', () => {
    expect(
      target({
        targetId: 'production-europe-west1-blue',
        clusterId: 'prod-gke',
        workerPool: 'private',
      }),
    ).toThrow(
      'test/target: clusterId must be projects/<project>/locations/<location>/clusters/<name>, known at synth (got "prod-gke"); ' +
        'executionServiceAccountId must be 6-30 lowercase letters, digits or hyphens (got "deploy-production-europe-west1-blue", derived from targetId: set executionServiceAccountId); ' +
        'workerPool must be projects/<project>/locations/<location>/workerPools/<name> (got "private")',
    );
    expect(target({ targetId: 'Prod' })).toThrow(/targetId "Prod" must be 1-63 lowercase letters/);
  });
});

const connectionProps: GithubConnectionProps = {
  connectionName: 'github',
  projectId: 'acme-ci',
  projectNumber: '210987654321',
  region: 'europe-west1',
  appInstallationId: 12345678,
  oauthTokenSecretVersion: 'projects/acme-ci/secrets/github-oauth-token/versions/latest',
};

describe('GitHub connection', () => {
  it('takes a version name, never a token, and a project number, never an id', () => {
    expect(
      () =>
        new GithubConnection(scope(), 'github', {
          ...connectionProps,
          projectNumber: 'acme-ci',
          appInstallationId: 0,
          oauthTokenSecretVersion: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
        }),
    ).toThrow(
      'test/github: projectNumber must be the project\'s number from config, digits only (got "acme-ci"); ' +
        'appInstallationId must be the GitHub App installation id, a whole number (got 0); ' +
        'oauthTokenSecretVersion must name a Secret Manager version, projects/<project>/secrets/<secret>/versions/<number or latest> (got "ghp_abcdefghijklmnopqrstuvwxyz0123456789")',
    );
  });

  it('links a repository once however it is spelled, and refuses one that is not owner/name', () => {
    const stack = scope();
    const github = new GithubConnection(stack, 'github', connectionProps);
    expect(github.repository('Acme/Web')).toBe(github.repository('acme/web'));
    expect(() => github.repository('https://github.com/acme/web')).toThrow(
      'test/github: a GitHub repository must be owner/name (got "https://github.com/acme/web")',
    );
    const [repository] = resourcesOf(synthJson(stack), 'google_cloudbuildv2_repository');
    expect(repository).toEqual(
      expect.objectContaining({
        name: 'acme-web',
        parent_connection: expect.stringMatching(
          /^\$\{google_cloudbuildv2_connection\.github_connection_\w+\.name\}$/,
        ),
      }),
    );
  });
});

const buildProps: ServiceBuildProps = {
  serviceName: 'web',
  projectId: 'acme-ci',
  region: 'europe-west1',
  sourceRepositoryId:
    'projects/acme-ci/locations/europe-west1/connections/github/repositories/acme-web',
  imageRepositoryId: 'projects/acme-ci/locations/europe-west1/repositories/images',
  pipelineName: 'web',
  executionServiceAccountIds: {
    prod: 'projects/acme-ci/serviceAccounts/deploy-prod@acme-ci.iam.gserviceaccount.com',
  },
  artifactBucketName: 'acme-ci-delivery-artifacts',
};

describe('service build', () => {
  it('builds only the paths and branch it is given, from its context, with its skaffold file', () => {
    const stack = scope();
    new ServiceBuild(stack, 'build', {
      ...buildProps,
      branch: '^release/.*$',
      includedFiles: ['services/web/**'],
      contextDir: 'services/web',
      skaffoldFile: 'services/web/skaffold.yaml',
    });
    const [trigger] = resourcesOf(synthJson(stack), 'google_cloudbuild_trigger');
    expect(trigger!['included_files']).toEqual(['services/web/**']);
    expect(trigger!['repository_event_config']).toEqual(
      expect.objectContaining({ push: { branch: '^release/.*$' } }),
    );
    const steps = (trigger!['build'] as { step: { args: string[] }[] }).step;
    expect(steps[0]!.args).toEqual(['build', '--tag', '$_IMAGE:$COMMIT_SHA', 'services/web']);
    expect(steps[2]!.args).toContain('--skaffold-file=services/web/skaffold.yaml');
  });

  it('reports a bad service name, image repository, image name and missing execution accounts together', () => {
    expect(
      () =>
        new ServiceBuild(scope(), 'build', {
          ...buildProps,
          serviceName: 'Web',
          imageRepositoryId: 'europe-west1-docker.pkg.dev/acme-ci/images',
          imageName: 'Web App',
          executionServiceAccountIds: {},
          buildServiceAccountId: 'build-web',
        }),
    ).toThrow(
      'test/build: serviceName "Web" must be 1-63 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen; ' +
        'imageRepositoryId must be projects/<project>/locations/<location>/repositories/<name>, known at synth (got "europe-west1-docker.pkg.dev/acme-ci/images"); ' +
        'imageName must be lowercase letters, digits and . _ - / separators (got "Web App"); ' +
        'executionServiceAccountIds must list the execution account of every target of the pipeline',
    );
  });

  it('a derived build account id that is too long asks for buildServiceAccountId', () => {
    expect(
      () =>
        new ServiceBuild(scope(), 'build', {
          ...buildProps,
          serviceName: 'payments-reconciliation-v2',
        }),
    ).toThrow(
      /got "build-payments-reconciliation-v2", derived from serviceName: set buildServiceAccountId/,
    );
  });
});

describe('artifact bucket', () => {
  it('keeps objects as long as asked, versioned with overwritten versions kept a week, and refuses names Cloud Storage would refuse', () => {
    const stack = scope();
    new DeliveryArtifactBucket(stack, 'bucket', {
      name: 'acme-artifacts',
      projectId: 'acme-ci',
      location: 'europe-west1',
      retentionDays: 14,
    });
    const [bucket] = resourcesOf(synthJson(stack), 'google_storage_bucket');
    expect(bucket!['versioning']).toEqual({ enabled: true });
    expect(bucket!['lifecycle_rule']).toEqual([
      { condition: { age: 14 }, action: { type: 'Delete' } },
      { condition: { days_since_noncurrent_time: 7 }, action: { type: 'Delete' } },
    ]);
    expect(
      () =>
        new DeliveryArtifactBucket(scope(), 'bucket', {
          name: 'Google-Artifacts',
          projectId: 'acme-ci',
          location: 'europe-west1',
          retentionDays: 0,
        }),
    ).toThrow(
      'test/bucket: name must be 3-63 lowercase letters, digits, "-", "_" or ".", without "goog" (got "Google-Artifacts"); retentionDays must be a whole number >= 1 (got 0)',
    );
  });
});
