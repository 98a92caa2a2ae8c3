import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { EncryptionKey, policyDocument, SecureBucket } from '@platform/aws-common';
import type { Environment } from '@platform/config';
import { PlatformStack } from '@platform/core';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { DEPLOY_IAM_ACTIONS } from './deploy-permissions';
import { GithubOidc } from './github-oidc';

/** Names of the CI roles in every account (their ARNs go into the repository's variables). */
export const CI_ROLE_NAMES = { plan: 'platform-ci-plan', deploy: 'platform-ci-deploy' } as const;

/**
 * `bootstrap-<env>`: what must exist before any other stack can run in the account. The
 * state bucket and its key (both `prevent_destroy`), GitHub's OIDC provider, and the `plan`
 * and `deploy` roles CI assumes. Run once per account with an administrator's credentials;
 * it keeps its own state locally until moved into the bucket (see README).
 */
export class BootstrapStack extends PlatformStack {
  constructor(scope: Construct, environment: Environment) {
    super(scope, {
      family: 'bootstrap',
      environment,
      localState: environment.state.bootstrapBackend === 'local',
    });
    const env = environment;
    const account = env.accountId;

    const key = new EncryptionKey(this, 'state-key', {
      accountId: account,
      alias: env.state.kmsAlias,
      description: `Encrypts the Terraform state of ${env.name}`,
      protect: true,
    });
    const state = new SecureBucket(this, 'state-bucket', {
      bucketName: env.state.bucket,
      kmsKeyArn: key.arn,
      noncurrentVersionExpirationDays: 90,
      protect: true,
    });
    const bucketArn = state.bucket.arn;

    const github = new GithubOidc(this, 'github', { environment: env });
    const plan = github.role('plan-role', {
      name: CI_ROLE_NAMES.plan,
      description: 'Plans from pull requests and main: read-only, plus state read and lock write',
      subjects: github.planSubjects,
    });
    new IamRolePolicyAttachment(this, 'plan-read-only', {
      role: plan.name,
      policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    new IamRolePolicy(this, 'plan-state-access', {
      role: plan.id,
      name: 'terraform-state-read-and-lock',
      policy: policyDocument(this, 'plan-state-policy', [
        { sid: 'ListState', actions: ['s3:ListBucket'], resources: [bucketArn] },
        { sid: 'ReadState', actions: ['s3:GetObject'], resources: [`${bucketArn}/stacks/*`] },
        {
          sid: 'WriteLock',
          actions: ['s3:PutObject', 's3:DeleteObject'],
          resources: [`${bucketArn}/stacks/*/terraform.tfstate.tflock`],
        },
        {
          sid: 'StateKey',
          actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
          resources: [key.arn],
        },
      ]),
    });

    const deploy = github.role('deploy-role', {
      name: CI_ROLE_NAMES.deploy,
      description: `Applies from the GitHub environment ${env.github.deployEnvironment ?? env.name} only`,
      subjects: github.deploySubjects,
    });
    new IamRolePolicyAttachment(this, 'deploy-power-user', {
      role: deploy.name,
      policyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    });
    new IamRolePolicy(this, 'deploy-iam', {
      role: deploy.id,
      name: 'manage-platform-iam',
      policy: policyDocument(this, 'deploy-iam-policy', [
        {
          sid: 'ManagePlatformIam',
          actions: [...DEPLOY_IAM_ACTIONS],
          // every IAM resource type the action list touches, in this account only
          resources: ['role', 'policy', 'instance-profile', 'oidc-provider'].map(
            (kind) => `arn:aws:iam::${account}:${kind}/*`,
          ),
        },
        {
          sid: 'NoChangesToTheCiRoles',
          effect: 'Deny',
          actions: [
            ...DEPLOY_IAM_ACTIONS.filter(
              (a) => !a.startsWith('iam:Get') && !a.startsWith('iam:List'),
            ),
          ],
          resources: [
            `arn:aws:iam::${account}:role/${CI_ROLE_NAMES.plan}`,
            `arn:aws:iam::${account}:role/${CI_ROLE_NAMES.deploy}`,
          ],
        },
      ]),
    });

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
  }
}
