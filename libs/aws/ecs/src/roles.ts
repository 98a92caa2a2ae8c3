import { serviceRole, type Statement } from '@platform/aws-common';

/** Re-exported from aws-common, where the delivery family shares it. */
export { serviceRole };

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

/** Statements that let a role read the given secret ARNs (Secrets Manager and SSM Parameter Store). */
export function secretStatements(arns: readonly string[]): Statement[] {
  // arn:<partition>:<service>:…, in any partition
  const service = (a: string) => a.split(':')[2];
  const secrets = arns.filter((a) => service(a) === 'secretsmanager');
  const parameters = arns.filter((a) => service(a) === 'ssm');
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
