import { Cloudbuildv2Connection } from '@cdktf/provider-google/lib/cloudbuildv2-connection';
import { Cloudbuildv2Repository } from '@cdktf/provider-google/lib/cloudbuildv2-repository';
import { SecretManagerSecretIamMember } from '@cdktf/provider-google/lib/secret-manager-secret-iam-member';
import { gcpSecretOfVersion } from '@platform/config';
import { Construct } from 'constructs';
import { assertValid, cloudDeployIdProblem, PROJECT_NUMBER } from './validation';

/** GitHub repositories as owner/name. */
const GITHUB_REPOSITORY = /^(?<owner>[A-Za-z0-9-]{1,39})\/(?<name>[A-Za-z0-9._-]{1,100})$/;

/** The Cloud Build service agent: it reads the OAuth token to talk to GitHub for the connection. */
export const cloudBuildServiceAgent = (projectNumber: string): string =>
  `serviceAccount:service-${projectNumber}@gcp-sa-cloudbuild.iam.gserviceaccount.com`;

/** Props of {@link GithubConnection}. */
export interface GithubConnectionProps {
  /** Connection name, e.g. github. */
  readonly connectionName: string;
  /** Project of the builds. */
  readonly projectId: string;
  /** Number of that project (digits): names the Cloud Build service agent. From config. */
  readonly projectNumber: string;
  /** Region of the connection (triggers on its repositories run in this region). */
  readonly region: string;
  /** Installation id of the Cloud Build GitHub App on the organization (installed by hand). */
  readonly appInstallationId: number;
  /**
   * Secret Manager version NAME holding a GitHub OAuth token of the account that installed the
   * app, `projects/<p>/secrets/<s>/versions/<n>`: a reference, never the token. The secret is
   * created by hand (see README.md).
   */
  readonly oauthTokenSecretVersion: string;
}

/**
 * A Cloud Build (2nd gen) connection to GitHub through the Cloud Build GitHub App, and the
 * repositories it links. The OAuth token stays in Secret Manager: this stack only names its
 * version and lets the Cloud Build service agent read that one secret.
 */
export class GithubConnection extends Construct {
  /** The connection. */
  readonly connection: Cloudbuildv2Connection;
  private readonly props: GithubConnectionProps;
  private readonly repositories = new Map<string, Cloudbuildv2Repository>();

  constructor(scope: Construct, id: string, props: GithubConnectionProps) {
    super(scope, id);
    const secret = gcpSecretOfVersion(props.oauthTokenSecretVersion)?.name;
    assertValid(this, [
      cloudDeployIdProblem('connectionName', props.connectionName),
      [
        !PROJECT_NUMBER.test(props.projectNumber),
        `projectNumber must be the project's number from config, digits only (got "${props.projectNumber}")`,
      ],
      [
        !Number.isInteger(props.appInstallationId) || props.appInstallationId < 1,
        `appInstallationId must be the GitHub App installation id, a whole number (got ${props.appInstallationId})`,
      ],
      [
        !secret,
        `oauthTokenSecretVersion must name a Secret Manager version, projects/<project>/secrets/<secret>/versions/<number or latest> (got "${props.oauthTokenSecretVersion}")`,
      ],
    ]);
    this.props = props;

    const access = new SecretManagerSecretIamMember(this, 'token-access', {
      secretId: `${secret}`,
      role: 'roles/secretmanager.secretAccessor',
      member: cloudBuildServiceAgent(props.projectNumber),
    });
    this.connection = new Cloudbuildv2Connection(this, 'connection', {
      name: props.connectionName,
      project: props.projectId,
      location: props.region,
      githubConfig: {
        appInstallationId: props.appInstallationId,
        authorizerCredential: { oauthTokenSecretVersion: props.oauthTokenSecretVersion },
      },
      dependsOn: [access],
    });
  }

  /** The linked repository `owner/name` (one resource per repository, however often asked). */
  repository(githubRepository: string): Cloudbuildv2Repository {
    const m = GITHUB_REPOSITORY.exec(githubRepository)?.groups;
    if (!m) {
      throw new Error(
        `${this.node.path}: a GitHub repository must be owner/name (got "${githubRepository}")`,
      );
    }
    // GitHub names are case-insensitive: Acme/Web and acme/web are one repository.
    const name = `${m['owner']}-${m['name']}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
    const found = this.repositories.get(name);
    if (found) return found;
    const repository = new Cloudbuildv2Repository(this, `repository-${name}`, {
      name,
      project: this.props.projectId,
      location: this.props.region,
      parentConnection: this.connection.name,
      remoteUri: `https://github.com/${githubRepository}.git`,
    });
    this.repositories.set(name, repository);
    return repository;
  }
}
