import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import {
  type Environment,
  permissionsBoundaryArn,
  stackName,
  type StackFamily,
} from '@platform/config';
import {
  GCP_RULES,
  PLATFORM_RULES,
  PolicyAspect,
  type Rule,
  takeCheckedJson,
} from '@platform/policy';
import { Aspects, type TerraformElement, TerraformStack } from 'cdktf';
import type { Construct, Node } from 'constructs';
import { addressOf } from './addresses';
import { configureAws } from './clouds/aws';
import { configureGcp } from './clouds/gcp';

/** Props of every stack of the platform. */
export interface PlatformStackProps {
  /** The stack family (app), e.g. network. */
  readonly family: StackFamily;
  /** The environment the stack deploys to; its `cloud` chooses provider, backend and rules. */
  readonly environment: Environment;
  /**
   * Keep state in a local file instead of the environment's bucket. Only the bootstrap stack
   * does this, until the bucket it creates exists.
   * @default false: state in the environment's bucket (S3 or GCS)
   */
  readonly localState?: boolean;
  /**
   * Extra policy rules on top of the cloud's platform pack.
   * @default none: the pack alone
   */
  readonly extraRules?: readonly Rule[];
}

/** The policy pack of each cloud. */
const RULES_BY_CLOUD: Readonly<Record<Environment['cloud'], readonly Rule[]>> = {
  aws: PLATFORM_RULES,
  gcp: GCP_RULES,
};

/**
 * The base of every stack: one environment, one account or project, one state object.
 *
 * - The provider, backend and policy pack come from the environment's cloud (see
 *   `clouds/aws.ts`, `clouds/gcp.ts`).
 * - AWS: every IAM role carries the account's permissions boundary (created by bootstrap),
 *   unless it names one itself: the deploy role may only create and change roles that carry it.
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

    if (env.cloud === 'aws') configureAws(this, family, env, props.localState ?? false);
    else configureGcp(this, family, env, props.localState ?? false);

    Aspects.of(this).add(
      new PolicyAspect([...RULES_BY_CLOUD[env.cloud], ...(props.extraRules ?? [])]),
    );
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
   * cdktf's logical ids, except that constructs marked with `keepAddresses` are left out of the
   * addresses below them (refactors that split a construct keep every terraform address).
   */
  protected override allocateLogicalId(tfElement: TerraformElement | Node): string {
    return addressOf(this, tfElement) ?? super.allocateLogicalId(tfElement);
  }

  /**
   * Gives every role of an AWS stack without a boundary the account's permissions boundary. Runs
   * on each `toTerraform()`, so the policy check reads (and synth writes) the bounded roles;
   * setting the same value twice changes nothing.
   */
  private bindPermissionsBoundary(): void {
    if (this.environment.cloud !== 'aws') return;
    const boundary = permissionsBoundaryArn(this.environment.aws);
    for (const c of this.node.findAll()) {
      if (c instanceof IamRole && c.permissionsBoundaryInput === undefined) {
        c.permissionsBoundary = boundary;
      }
    }
  }
}
