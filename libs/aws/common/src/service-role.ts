import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { Construct } from 'constructs';
import { policyDocument, type Statement } from './policy-document';

/** Props of {@link serviceRole}. */
export interface ServiceRoleProps {
  /** Role name. */
  readonly name: string;
  /** What the role is for. */
  readonly description: string;
  /** The service that assumes it, e.g. codebuild.amazonaws.com. */
  readonly servicePrincipal: string;
  /** The account whose service may assume it (aws:SourceAccount). */
  readonly accountId: string;
  /** The inline policy's statements; none: no inline policy. */
  readonly statements: readonly Statement[];
  /**
   * AWS managed policies to attach.
   * @default none
   */
  readonly managedPolicyArns?: readonly string[];
}

/** A role that one AWS service may assume, for this account only, with one inline policy. */
export function serviceRole(scope: Construct, id: string, props: ServiceRoleProps): IamRole {
  const role = new IamRole(scope, id, {
    name: props.name,
    description: props.description,
    assumeRolePolicy: policyDocument(scope, `${id}-trust`, [
      {
        sid: 'ServiceAssumesRole',
        actions: ['sts:AssumeRole'],
        // A trust policy has no Resource element (IAM rejects one); an empty list renders none.
        resources: [],
        principals: [{ type: 'Service', identifiers: [props.servicePrincipal] }],
        conditions: [
          { test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] },
        ],
      },
    ]),
  });
  (props.managedPolicyArns ?? []).forEach(
    (policyArn, index) =>
      new IamRolePolicyAttachment(scope, `${id}-managed-${index}`, { role: role.name, policyArn }),
  );
  if (props.statements.length > 0) {
    new IamRolePolicy(scope, `${id}-policy`, {
      name: 'least-privilege',
      role: role.id,
      policy: policyDocument(scope, `${id}-policy-document`, props.statements),
    });
  }
  return role;
}
