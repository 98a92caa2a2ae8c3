import { EcrRegistryPolicy } from '@cdktf/provider-aws/lib/ecr-registry-policy';
import { EcrRegistryScanningConfiguration } from '@cdktf/provider-aws/lib/ecr-registry-scanning-configuration';
import { EcrReplicationConfiguration } from '@cdktf/provider-aws/lib/ecr-replication-configuration';
import { EncryptionKey, grant, policyDocument } from '@platform/aws-common';
import {
  accountRootArn,
  arn,
  type AwsEnvironment,
  ecrRepositoryUrl,
  resourceName,
} from '@platform/config';
import { PlatformStack, registryContract } from '@platform/core';
import type { Construct } from 'constructs';
import { ImageRepository } from './repository';

/** The repositories an environment hosts: one per distinct service repository, in config order. */
export function repositoriesOf(env: Pick<AwsEnvironment, 'services'>): string[] {
  return [...new Set(env.services.map((s) => s.repository))];
}

/**
 * `registry-<env>`: the environment's container images.
 *
 * Promotion: the first environment (deploy order 1) is where CI builds and pushes. Its
 * registry replicates every repository to the registries of the later environments
 * (replication configuration at the source; a registry policy at each destination lets the
 * source account replicate in). Each environment's services then pull only from their own
 * account.
 */
export class RegistryStack extends PlatformStack {
  /** Repositories by name. */
  readonly repositories: Readonly<Record<string, ImageRepository>>;

  /**
   * @param environment the environment this stack deploys to
   * @param all every environment in promotion order: the first is the source of images
   */
  constructor(scope: Construct, environment: AwsEnvironment, all: readonly AwsEnvironment[]) {
    super(scope, { family: 'registry', environment });
    const env = environment;
    const source = all[0];
    if (!source || !all.some((e) => e.name === env.name)) {
      throw new Error(
        `registry-${env.name}: "all" must list every environment in promotion order, this one included`,
      );
    }
    const isSource = source.name === env.name;
    if (!isSource) {
      const built = new Set(repositoriesOf(source));
      const missing = env.services.filter((s) => !built.has(s.repository));
      if (missing.length > 0) {
        throw new Error(
          `registry-${env.name}: ${missing.map((s) => `service "${s.name}" uses repository "${s.repository}"`).join(', ')}, which ${source.name} (where images are built) does not have; add the service to ${source.file}`,
        );
      }
    }

    const key = new EncryptionKey(this, 'key', {
      accountId: env.aws.accountId,
      region: env.aws.region,
      alias: `alias/${resourceName(env, 'ecr')}`,
      description: `Encrypts the ${env.name} container images`,
      protect: env.production,
    });

    this.repositories = Object.fromEntries(
      repositoriesOf(env).map((name) => [
        name,
        new ImageRepository(this, `repository-${name.replace(/\//g, '-')}`, {
          name,
          kmsKeyArn: key.arn,
          keepLastImages: env.registry.keepLastImages,
          untaggedExpiryDays: env.registry.untaggedExpiryDays,
          protect: env.production,
        }),
      ]),
    );

    new EcrRegistryScanningConfiguration(this, 'scanning', {
      scanType: env.registry.scanType,
      rule: [
        {
          scanFrequency: env.registry.scanType === 'ENHANCED' ? 'CONTINUOUS_SCAN' : 'SCAN_ON_PUSH',
          repositoryFilter: [{ filter: '*', filterType: 'WILDCARD' }],
        },
      ],
    });

    const destinations = all.filter((e) => e.deployOrder > source.deployOrder);
    if (isSource && destinations.length > 0) {
      new EcrReplicationConfiguration(this, 'replication', {
        replicationConfiguration: {
          rule: [
            {
              destination: destinations.map((d) => ({
                region: d.aws.region,
                registryId: d.aws.accountId,
              })),
              repositoryFilter: repositoriesOf(env).map((name) => ({
                filter: name,
                filterType: 'PREFIX_MATCH',
              })),
            },
          ],
        },
      });
    }
    if (!isSource) {
      // Only image replication, only into the repositories this environment declares (this
      // stack creates them): the source account can neither create repositories here nor write
      // into any other.
      new EcrRegistryPolicy(this, 'registry-policy', {
        policy: policyDocument(this, 'registry-policy-document', [
          grant(
            'ecrReplicate',
            repositoriesOf(env).map((name) =>
              arn(env.aws, { service: 'ecr', resource: `repository/${name}` }),
            ),
            {
              sid: 'ReplicationFromSource',
              principals: [{ type: 'AWS', identifiers: [accountRootArn(source.aws)] }],
            },
          ),
        ]),
      });
    }

    const names = repositoriesOf(env);
    registryContract.publish(this, {
      repositoryNames: names,
      repositoryArns: names.map(
        (name) => (this.repositories[name] as ImageRepository).repository.arn,
      ),
      repositoryUrls: names.map((name) => ecrRepositoryUrl(env, name)),
      kmsKeyArn: key.arn,
      sourceAccountId: source.aws.accountId,
    });
  }
}
