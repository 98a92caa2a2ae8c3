import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { policyDocument, type Statement } from '@platform/aws-common';
import { awsManagedPolicyArn } from '@platform/config';
import type { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/** Props of {@link PlatformRole}. */
export interface PlatformRoleProps {
  /** Role name, e.g. prod-eks-cluster. */
  readonly name: string;
  /** The environment's region: its partition names the AWS-managed policies. */
  readonly region: string;
  /** What the role is for. */
  readonly description: string;
  /** The trust policy's statements (who may assume the role). */
  readonly trust: readonly Statement[];
  /**
   * AWS-managed policies attached by name, e.g. AmazonEKSClusterPolicy.
   * @default none
   */
  readonly managedPolicies?: readonly string[];
  /**
   * Inline permissions, with named actions.
   * @default none
   */
  readonly statements?: readonly Statement[];
}

/** An IAM role with a trust policy, AWS-managed policies and inline permissions. */
export class PlatformRole extends Construct {
  /** The role. */
  readonly role: IamRole;
  /** The managed-policy attachments and the inline policy: depend on them before using the role. */
  readonly grants: TerraformResource[] = [];

  constructor(scope: Construct, id: string, props: PlatformRoleProps) {
    super(scope, id);
    if (props.trust.length === 0)
      throw new Error(`${this.node.path}: trust must name who may assume the role`);
    this.role = new IamRole(this, 'role', {
      name: props.name,
      description: props.description,
      assumeRolePolicy: policyDocument(this, 'trust', props.trust),
    });
    for (const policy of props.managedPolicies ?? []) {
      this.grants.push(
        new IamRolePolicyAttachment(this, policy, {
          role: this.role.name,
          policyArn: awsManagedPolicyArn(props, policy),
        }),
      );
    }
    if (props.statements && props.statements.length > 0) {
      this.grants.push(
        new IamRolePolicy(this, 'permissions', {
          role: this.role.id,
          name: 'permissions',
          policy: policyDocument(this, 'permissions-document', props.statements),
        }),
      );
    }
  }
}

/**
 * Trust statement for an AWS service principal (trust policies take no Resource element). No
 * aws:SourceAccount condition: EC2 (instance profiles) and EKS (cluster role) do not send it
 * when they assume a role, so the condition would lock them out.
 */
export function serviceTrust(
  service: string,
  actions: readonly string[] = ['sts:AssumeRole'],
): Statement {
  return { actions, resources: [], principals: [{ type: 'Service', identifiers: [service] }] };
}

/**
 * IRSA trust: only the named Kubernetes service account of this cluster, with the STS audience,
 * may assume the role through the cluster's OIDC provider.
 *
 * @param issuerHost the issuer without https://, e.g. oidc.eks.eu-west-1.amazonaws.com/id/ABC (.amazonaws.com.cn in China)
 */
export function irsaTrust(
  oidcProviderArn: string,
  issuerHost: string,
  namespace: string,
  serviceAccount: string,
): Statement {
  return {
    actions: ['sts:AssumeRoleWithWebIdentity'],
    resources: [],
    principals: [{ type: 'Federated', identifiers: [oidcProviderArn] }],
    conditions: [
      {
        test: 'StringEquals',
        variable: `${issuerHost}:sub`,
        values: [`system:serviceaccount:${namespace}:${serviceAccount}`],
      },
      { test: 'StringEquals', variable: `${issuerHost}:aud`, values: ['sts.amazonaws.com'] },
    ],
  };
}
