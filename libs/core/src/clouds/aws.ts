import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { type AwsEnvironment, stackName, stateKey, stateKmsAliasArn } from '@platform/config';
import { LocalBackend, S3Backend, type TerraformStack } from 'cdktf';
import { bootstrapLocalStatePath } from '../paths';

/**
 * The AWS provider and the S3 backend of a stack.
 *
 * - The provider is pinned to the environment's account (`allowed_account_ids`) and tags every
 *   resource; it carries no role ARN: the caller brings credentials.
 * - State lives in the environment's bucket under `stacks/<stack>/terraform.tfstate`, encrypted
 *   with the state KMS key and locked with S3 conditional writes (`use_lockfile`).
 */
export function configureAws(
  stack: TerraformStack,
  family: string,
  env: AwsEnvironment,
  localState: boolean,
): void {
  new AwsProvider(stack, 'aws', {
    region: env.aws.region,
    allowedAccountIds: [env.aws.accountId],
    defaultTags: [
      {
        tags: {
          Environment: env.name,
          Stack: stackName(family, env),
          Owner: env.tags.owner,
          CostCenter: env.tags.costCenter,
          ManagedBy: 'cdktf',
          Repository: env.github.repository,
        },
      },
    ],
  });

  if (localState) {
    new LocalBackend(stack, { path: bootstrapLocalStatePath(stackName(family, env)) });
    return;
  }
  new S3Backend(stack, {
    bucket: env.aws.state.bucket,
    key: stateKey(family, env),
    region: env.aws.region,
    encrypt: true,
    kmsKeyId: stateKmsAliasArn(env),
    allowedAccountIds: [env.aws.accountId],
  });
  // cdktf 0.21 has no typed field for S3-native locking (terraform >= 1.10).
  stack.addOverride('terraform.backend.s3.use_lockfile', true);
}
