import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import {
  EncryptionKey,
  grant,
  grantDecrypt,
  policyDocument,
  SecureBucket,
} from '@platform/aws-common';
import {
  type AwsEnvironment,
  awsManagedPolicyArn,
  iamRoleArn,
  resourceName,
  s3Arn,
} from '@platform/config';
import { PlatformStack } from '@platform/core';
import { suppress } from '@platform/policy';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { deployIamStatements, IAM_WRITE_ACTIONS } from './deploy-permissions';
import { GithubOidc } from './github-oidc';
import { PermissionsBoundary } from './permissions-boundary';
import { planDataReadDenials } from './plan-permissions';

/** Names of the CI roles in every account (their ARNs go into the repository's variables). */
export const CI_ROLE_NAMES = { plan: 'platform-ci-plan', deploy: 'platform-ci-deploy' } as const;

/**
 * `bootstrap-<env>`: what must exist before any other stack can run in the account. The
 * state bucket and its key (both `prevent_destroy`; only the environment's administrator role
 * administers the key), GitHub's OIDC provider, the permissions boundary of every platform
 * role, and the `plan` and `deploy` roles CI assumes. Applied by the administrator role
 * (`state.administratorRoleArn`), never by CI; it keeps its own state locally until moved into
 * the bucket (see README).
 */
export class BootstrapStack extends PlatformStack {
  constructor(scope: Construct, environment: AwsEnvironment) {
    super(scope, {
      family: 'bootstrap',
      environment,
      localState: environment.aws.state.bootstrapBackend === 'local',
    });
    const env = environment;
    const account = env.aws.accountId;

    const key = new EncryptionKey(this, 'state-key', {
      accountId: account,
      region: env.aws.region,
      alias: env.aws.state.kmsAlias,
      description: `Encrypts the Terraform state of ${env.name}`,
      protect: true,
      administratorArn: env.aws.state.administratorRoleArn,
    });
    const state = new SecureBucket(this, 'state-bucket', {
      bucketName: env.aws.state.bucket,
      kmsKeyArn: key.arn,
      noncurrentVersionExpirationDays: 90,
      protect: true,
    });
    const bucketArn = state.bucket.arn;

    const github = new GithubOidc(this, 'github', { environment: env });
    const ciRoleArns = Object.values(CI_ROLE_NAMES).map((name) => iamRoleArn(env.aws, name));
    const iamScope = { accountId: account, region: env.aws.region, environmentName: env.name };
    const boundary = new PermissionsBoundary(this, 'boundary', {
      ...iamScope,
      ciRoleArns,
      githubProviderArn: github.provider.arn,
      stateBucketArn: bucketArn,
      // The baseline stack's audit bucket, named from config (baselineNames in @platform/aws-baseline).
      auditBucketArn: s3Arn(env.aws, resourceName(env, 'audit-logs', account)),
      stateKeyArn: key.arn,
    });

    const plan = github.role('plan-role', {
      name: CI_ROLE_NAMES.plan,
      description: 'Plans from pull requests and main: read-only, plus state read and lock write',
      subjects: github.planSubjects,
      permissionsBoundary: boundary.policy.arn,
    });
    new IamRolePolicyAttachment(this, 'plan-read-only', {
      role: plan.name,
      policyArn: awsManagedPolicyArn(env.aws, 'ReadOnlyAccess'),
    });
    new IamRolePolicy(this, 'plan-state-access', {
      role: plan.id,
      name: 'terraform-state-read-and-lock',
      // Plans run with -lock=false: the plan role reads state and never writes (no lock object).
      policy: policyDocument(this, 'plan-state-policy', [
        grant('listBucket', [bucketArn], { sid: 'ListState' }),
        grant('getObject', [`${bucketArn}/stacks/*`], { sid: 'ReadState' }),
        grantDecrypt([key.arn], { sid: 'StateKey' }),
        ...planDataReadDenials(bucketArn),
      ]),
    });

    const deploy = github.role('deploy-role', {
      name: CI_ROLE_NAMES.deploy,
      description: `Applies from the GitHub environment ${env.github.deployEnvironment ?? env.name} only`,
      subjects: github.deploySubjects,
      permissionsBoundary: boundary.policy.arn,
    });
    new IamRolePolicyAttachment(this, 'deploy-power-user', {
      role: deploy.name,
      policyArn: awsManagedPolicyArn(env.aws, 'PowerUserAccess'),
    });
    const deployIam = new IamRolePolicy(this, 'deploy-iam', {
      role: deploy.id,
      name: 'manage-platform-iam',
      policy: policyDocument(this, 'deploy-iam-policy', [
        ...deployIamStatements(iamScope),
        {
          sid: 'NoChangesToTheCiRoles',
          effect: 'Deny',
          actions: [...IAM_WRITE_ACTIONS],
          resources: ciRoleArns,
        },
      ]),
    });
    suppress(
      deployIam,
      'PLT-IAM-RESOURCE-SCOPE',
      `ReadIam: read-only lookups terraform makes while planning the IAM objects it manages and the AWS-managed policies they attach (${awsManagedPolicyArn(env.aws, '...')}); reads grant nothing, and every write is scoped to the platform names`,
    );

    new TerraformOutput(this, 'state_bucket', {
      value: state.bucket.bucket,
      description: "Bucket holding every stack's state",
    });
    new TerraformOutput(this, 'state_kms_key_arn', {
      value: key.arn,
      description: 'Key encrypting the state',
    });
    new TerraformOutput(this, 'plan_role_arn', {
      value: plan.arn,
      description: `Set as repository variable for ${env.name} plans`,
    });
    new TerraformOutput(this, 'deploy_role_arn', {
      value: deploy.arn,
      description: `Set as variable of the GitHub environment ${env.name}`,
    });
    new TerraformOutput(this, 'permissions_boundary_arn', {
      value: boundary.policy.arn,
      description: 'The permissions boundary every platform role carries',
    });
  }
}
