import { gcpSecretOfVersion, type GcpEnvironment } from '@platform/config';
import { PlatformStack } from '@platform/core';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { GcpBootstrap } from './bootstrap';

/**
 * APIs the later GCP families need on before their first apply, enabled here once per project
 * (never disabled on destroy): GKE (its service agent is granted the cluster's key before the
 * cluster exists), Cloud Deploy, Cloud Build and Secret Manager (the delivery family's
 * pipelines, builds and GitHub token). The network and registry families enable their own.
 */
export const GCP_FAMILY_APIS = [
  'container.googleapis.com',
  'clouddeploy.googleapis.com',
  'cloudbuild.googleapis.com',
  'secretmanager.googleapis.com',
] as const;

/**
 * `bootstrap-<env>` of a Google Cloud environment: what must exist before any other stack runs
 * in the project (see {@link GcpBootstrap}). The state bucket `gcp.state.bucket` and its key
 * `terraform-state` in the ring `gcp.state.keyRing`, exactly the key every other stack's gcs
 * backend names; the administrators of `gcp.administrators` administer that key ring; GitHub's
 * workload identity federation for `github.repository`; the `plan` and `deploy` service accounts
 * CI impersonates. Applied by an administrator, never by CI; its own state stays local
 * (`gcp.state.bootstrapBackend: local`) until moved into the bucket it created.
 */
export class GcpBootstrapStack extends PlatformStack {
  /** The bootstrap resources. */
  readonly bootstrap: GcpBootstrap;

  constructor(scope: Construct, environment: GcpEnvironment) {
    super(scope, {
      family: 'bootstrap',
      environment,
      localState: environment.gcp.state.bootstrapBackend === 'local',
    });
    const env = environment;
    const connection = env.delivery.github;
    const tokenSecret = connection && gcpSecretOfVersion(connection.tokenSecretVersion)?.name;
    this.bootstrap = new GcpBootstrap(this, 'bootstrap', {
      projectId: env.gcp.projectId,
      projectNumber: env.gcp.projectNumber,
      region: env.gcp.region,
      stateBucketName: env.gcp.state.bucket,
      stateKeyRingName: env.gcp.state.keyRing,
      administrators: env.gcp.administrators,
      githubRepository: env.github.repository,
      githubMainBranch: env.github.mainBranch,
      githubDeployEnvironment: env.github.deployEnvironment ?? env.name,
      additionalApis: GCP_FAMILY_APIS,
      // the delivery family lets Cloud Build read the GitHub token; deploy may grant, not read
      deployManagedSecrets: tokenSecret ? [tokenSecret] : [],
    });

    const { state, github, serviceAccounts } = this.bootstrap;
    new TerraformOutput(this, 'state_bucket', {
      value: state.bucket.name,
      description: "Bucket holding every stack's state",
    });
    new TerraformOutput(this, 'state_kms_key_id', {
      value: state.key.key.id,
      description: 'Key encrypting the state (the gcs backend names it)',
    });
    new TerraformOutput(this, 'workload_identity_provider', {
      value: github.provider.name,
      description: `The workload_identity_provider input of google-github-actions/auth for ${env.name}`,
    });
    new TerraformOutput(this, 'plan_service_account', {
      value: serviceAccounts.plan.email,
      description: `Set as repository variable for ${env.name} plans`,
    });
    new TerraformOutput(this, 'deploy_service_account', {
      value: serviceAccounts.deploy.email,
      description: `Set as variable of the GitHub environment ${env.name}`,
    });
  }
}
