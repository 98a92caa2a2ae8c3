import { ACTIONS, type Statement } from '@platform/aws-common';

/**
 * Reads of data (not configuration) that `ReadOnlyAccess` allows and a plan never needs: secret
 * values, parameter values (SecureString included), objects outside the state, log events,
 * table items, queue messages and stream records, image layers, repository contents, console
 * output. The plan role runs code from pull requests, so these are denied explicitly.
 */
export const PLAN_DENIED_DATA_READS = [
  'athena:GetQueryResults',
  'codecommit:GetBlob',
  'codecommit:GetFile',
  'codecommit:GitPull',
  'dynamodb:BatchGetItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'ec2:GetConsoleOutput',
  'ec2:GetConsoleScreenshot',
  'ec2:GetPasswordData',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'kinesis:GetRecords',
  'logs:FilterLogEvents',
  'logs:GetLogEvents',
  'logs:GetLogRecord',
  'logs:GetQueryResults',
  'logs:StartLiveTail',
  'logs:StartQuery',
  'rds:DownloadCompleteDBLogFile',
  'rds:DownloadDBLogFilePortion',
  'secretsmanager:GetSecretValue',
  'sqs:ReceiveMessage',
  'ssm:GetParameter',
  'ssm:GetParameterHistory',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
] as const;

/** Deny statements of the plan role: data reads, and object reads outside the state bucket. */
export function planDataReadDenials(stateBucketArn: string): Statement[] {
  return [
    {
      sid: 'NoDataReads',
      effect: 'Deny',
      actions: [...PLAN_DENIED_DATA_READS],
      resources: ['*'],
    },
    {
      sid: 'NoObjectReadsOutsideTheState',
      effect: 'Deny',
      actions: [...ACTIONS.readObjects],
      notResources: [`${stateBucketArn}/stacks/*`],
    },
  ];
}
