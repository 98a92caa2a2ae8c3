import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { policyDocument, type Statement } from '@platform/aws-common';
import type { Construct } from 'constructs';

/**
 * Action lists of the service roles, kept in one place. Every list names actions; none is a
 * wildcard. Resources are as narrow as the service allows (`*` only where the API has no
 * resource-level permissions: ECR auth token, SSM messages, X-Ray).
 */
export const ACTIONS = {
  ecrAuth: ['ecr:GetAuthorizationToken'],
  ecrPull: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
  writeLogs: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  readSecret: ['secretsmanager:GetSecretValue'],
  readParameters: ['ssm:GetParameters'],
  execChannel: [
    'ssmmessages:CreateControlChannel',
    'ssmmessages:CreateDataChannel',
    'ssmmessages:OpenControlChannel',
    'ssmmessages:OpenDataChannel',
  ],
  execLogs: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
  describeLogGroups: ['logs:DescribeLogGroups'],
  execKms: ['kms:Decrypt', 'kms:GenerateDataKey'],
  xray: [
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
    'xray:GetSamplingRules',
    'xray:GetSamplingTargets',
    'xray:GetSamplingStatisticSummaries',
  ],
  appConfig: ['appconfig:StartConfigurationSession', 'appconfig:GetLatestConfiguration'],
} as const;

/** A role that one AWS service may assume, for this account only, with one inline policy. */
export function serviceRole(
  scope: Construct,
  id: string,
  props: {
    name: string;
    description: string;
    servicePrincipal: string;
    accountId: string;
    statements: readonly Statement[];
    managedPolicyArns?: readonly string[];
  },
): IamRole {
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

/** Statements that let a role read the given secret ARNs (Secrets Manager and SSM Parameter Store). */
export function secretStatements(arns: readonly string[]): Statement[] {
  const secrets = arns.filter((a) => a.startsWith('arn:aws:secretsmanager:'));
  const parameters = arns.filter((a) => a.startsWith('arn:aws:ssm:'));
  return [
    ...(secrets.length > 0
      ? [
          {
            sid: 'ReadSecrets',
            actions: [...ACTIONS.readSecret],
            resources: secrets.map((a) => `${a}-??????`).concat(secrets),
          },
        ]
      : []),
    ...(parameters.length > 0
      ? [{ sid: 'ReadParameters', actions: [...ACTIONS.readParameters], resources: parameters }]
      : []),
  ];
}
