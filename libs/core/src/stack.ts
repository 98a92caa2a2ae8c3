import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import {
  type Environment,
  permissionsBoundaryArn,
  stackName,
  stateKey,
  stateKmsAliasArn,
  type StackFamily,
} from '@platform/config';
import { PLATFORM_RULES, PolicyAspect, type Rule, takeCheckedJson } from '@platform/policy';
import { Aspects, LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { bootstrapLocalStatePath } from './paths';

/** Props of every stack of the platform. */
export interface PlatformStackProps {
  /** The stack family (app), e.g. network. */
  readonly family: StackFamily;
  /** The environment the stack deploys to. */
  readonly environment: Environment;
  /**
   * Keep state in a local file instead of the environment's bucket. Only the bootstrap stack
   * does this, until the bucket it creates exists.
   * @default false: state in the environment's S3 bucket
   */
  readonly localState?: boolean;
  /**
   * Extra policy rules on top of the platform pack.
   * @default none: the platform pack alone
   */
  readonly extraRules?: readonly Rule[];
}

/**
 * The base of every stack: one environment, one account, one state object.
 *
 * - The AWS provider is pinned to the environment's account (`allowed_account_ids`) and tags
 *   every resource; it carries no role ARN: the caller brings credentials.
 * - State lives in the environment's bucket under `stacks/<stack>/terraform.tfstate`,
 *   encrypted with the state KMS key and locked with S3 conditional writes (`use_lockfile`).
 * - Every IAM role carries the account's permissions boundary (created by bootstrap), unless
 *   it names one itself: the deploy role may only create and change roles that carry it.
 * - The policy pack runs at synth; a violation fails synth.
 */
export class PlatformStack extends TerraformStack {
  /** The environment this stack deploys to. */
  readonly environment: Environment;
  /** The stack family, e.g. network. */
  readonly family: StackFamily;

  constructor(scope: Construct, props: PlatformStackProps) {
    const { environment: env, family } = props;
    super(scope, stackName(family, env));
    this.environment = env;
    this.family = family;

    new AwsProvider(this, 'aws', {
      region: env.region,
      allowedAccountIds: [env.accountId],
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

    if (props.localState) {
      new LocalBackend(this, { path: bootstrapLocalStatePath(stackName(family, env)) });
    } else {
      new S3Backend(this, {
        bucket: env.state.bucket,
        key: stateKey(family, env),
        region: env.region,
        encrypt: true,
        kmsKeyId: stateKmsAliasArn(env),
        allowedAccountIds: [env.accountId],
      });
      // cdktf 0.21 has no typed field for S3-native locking (terraform >= 1.10).
      this.addOverride('terraform.backend.s3.use_lockfile', true);
    }

    Aspects.of(this).add(new PolicyAspect([...PLATFORM_RULES, ...(props.extraRules ?? [])]));
  }

  /**
   * The stack as Terraform JSON. At synth, the policy check has just built exactly this (it runs
   * as the last aspect, right before the synthesizer asks): take it instead of resolving every
   * token of the stack a second time.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdktf's own signature
  override toTerraform(): any {
    const checked = takeCheckedJson(this);
    if (checked) return checked;
    this.bindPermissionsBoundary();
    return super.toTerraform();
  }

  /**
   * Gives every role of the stack without a boundary the account's permissions boundary. Runs
   * on each `toTerraform()`, so the policy check reads (and synth writes) the bounded roles;
   * setting the same value twice changes nothing.
   */
  private bindPermissionsBoundary(): void {
    const boundary = permissionsBoundaryArn(this.environment.accountId);
    for (const c of this.node.findAll()) {
      if (c instanceof IamRole && c.permissionsBoundaryInput === undefined) {
        c.permissionsBoundary = boundary;
      }
    }
  }
}
