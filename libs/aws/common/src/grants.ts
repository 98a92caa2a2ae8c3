import type { Statement } from './policy-document';

/**
 * Every IAM action list the platform grants, by intent: the one place an action is spelled
 * (aws-cdk-lib keeps the same lists behind `grantPull`, `grantWriteLogs`, `grantDecrypt`, …).
 * Every list names actions; none is a wildcard. Resources are chosen by the grant helpers below
 * or by the caller, as narrow as the API allows (`*` only where it has no resource-level
 * permissions: ECR's token, SSM messages, X-Ray, some ECS and App Runner calls).
 */
export const ACTIONS = {
  // CloudWatch Logs
  writeLogs: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  describeLogStreams: ['logs:DescribeLogStreams'],
  describeLogGroups: ['logs:DescribeLogGroups'],
  // ECR
  ecrAuth: ['ecr:GetAuthorizationToken'],
  ecrPull: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
  ecrDescribe: ['ecr:DescribeImages'],
  ecrPush: [
    'ecr:BatchCheckLayerAvailability',
    'ecr:BatchGetImage',
    'ecr:CompleteLayerUpload',
    'ecr:DescribeImages',
    'ecr:GetDownloadUrlForLayer',
    'ecr:InitiateLayerUpload',
    'ecr:PutImage',
    'ecr:UploadLayerPart',
  ],
  ecrReplicate: ['ecr:ReplicateImage'],
  // KMS
  /** Read what a key encrypted. */
  decrypt: ['kms:Decrypt', 'kms:DescribeKey'],
  /** Read and write through a key (CodePipeline and CodeBuild artifacts). */
  encryptDecrypt: [
    'kms:Decrypt',
    'kms:DescribeKey',
    'kms:Encrypt',
    'kms:GenerateDataKey',
    'kms:ReEncryptFrom',
    'kms:ReEncryptTo',
  ],
  /** Encrypt new data and read it back with data keys (ECS Exec sessions, Config deliveries). */
  dataKeys: ['kms:Decrypt', 'kms:GenerateDataKey'],
  /** Write encrypted objects without reading any back (a release hand-off). */
  encryptOnly: ['kms:GenerateDataKey', 'kms:Encrypt'],
  /** What a service publishing to an encrypted SNS topic needs of its key. */
  publishEncrypted: ['kms:Decrypt', 'kms:GenerateDataKey*'],
  /** EKS envelope encryption of Kubernetes secrets. */
  envelopeEncryption: ['kms:Encrypt', 'kms:Decrypt', 'kms:ListGrants', 'kms:DescribeKey'],
  /** The EBS CSI driver encrypting volumes with a customer-managed key. */
  encryptVolumes: [
    'kms:Encrypt',
    'kms:Decrypt',
    'kms:ReEncryptFrom',
    'kms:ReEncryptTo',
    'kms:GenerateDataKeyWithoutPlaintext',
    'kms:DescribeKey',
  ],
  /** Attach volumes encrypted by a key (grants for AWS resources only). */
  attachEncryptedVolumes: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
  // Secrets
  readSecret: ['secretsmanager:GetSecretValue'],
  /** What the ECS agent calls to inject parameters into a task. */
  readParameters: ['ssm:GetParameters'],
  /** What CodeBuild's parameter-store environment and a build's own reads call. */
  readBuildParameters: ['ssm:GetParameters', 'ssm:GetParameter'],
  // S3
  listBucket: ['s3:ListBucket'],
  getObject: ['s3:GetObject'],
  readObjects: ['s3:GetObject', 's3:GetObjectVersion'],
  writeObjects: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'],
  putObject: ['s3:PutObject'],
  bucketInfo: ['s3:GetBucketVersioning', 's3:GetBucketLocation'],
  // Application runtime
  traces: [
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
    'xray:GetSamplingRules',
    'xray:GetSamplingTargets',
    'xray:GetSamplingStatisticSummaries',
  ],
  featureFlags: ['appconfig:StartConfigurationSession', 'appconfig:GetLatestConfiguration'],
  execChannel: [
    'ssmmessages:CreateControlChannel',
    'ssmmessages:CreateDataChannel',
    'ssmmessages:OpenControlChannel',
    'ssmmessages:OpenDataChannel',
  ],
  // Events, notifications, roles
  putEvents: ['events:PutEvents'],
  publish: ['sns:Publish'],
  assumeRole: ['sts:AssumeRole'],
  passRole: ['iam:PassRole'],
  describeAlarms: ['cloudwatch:DescribeAlarms'],
  // Delivery
  reports: [
    'codebuild:CreateReport',
    'codebuild:CreateReportGroup',
    'codebuild:UpdateReport',
    'codebuild:BatchPutTestCases',
    'codebuild:BatchPutCodeCoverages',
  ],
  startBuild: ['codebuild:BatchGetBuilds', 'codebuild:StartBuild'],
  startPipeline: ['codepipeline:StartPipelineExecution'],
  useConnection: ['codestar-connections:UseConnection', 'codeconnections:UseConnection'],
  codeCommitSource: [
    'codecommit:CancelUploadArchive',
    'codecommit:GetBranch',
    'codecommit:GetCommit',
    'codecommit:GetRepository',
    'codecommit:GetUploadArchiveStatus',
    'codecommit:UploadArchive',
  ],
  /** No resource-level permissions: granted on "*" (PLT-IAM-RESOURCE-SCOPE's list). */
  ecsTaskDefinitions: ['ecs:DescribeTaskDefinition', 'ecs:RegisterTaskDefinition'],
  ecsDescribe: ['ecs:DescribeServices'],
  ecsTasks: ['ecs:DescribeTasks', 'ecs:ListTasks'],
  ecsTagTaskDefinition: ['ecs:TagResource'],
  ecsUpdate: ['ecs:UpdateService'],
  codeDeploy: [
    'codedeploy:CreateDeployment',
    'codedeploy:GetApplication',
    'codedeploy:GetApplicationRevision',
    'codedeploy:GetDeployment',
    'codedeploy:GetDeploymentConfig',
    'codedeploy:GetDeploymentGroup',
    'codedeploy:RegisterApplicationRevision',
  ],
  appRunnerFind: ['apprunner:ListServices'],
  appRunnerUpdate: ['apprunner:DescribeService', 'apprunner:UpdateService'],
} as const satisfies Record<string, readonly string[]>;

/** One intent of {@link ACTIONS}. */
export type ActionGroup = keyof typeof ACTIONS;

/** What a grant may add to its statement: an id, and for resource policies who and when. */
export interface GrantOptions {
  /**
   * Statement id, shown in policy findings.
   * @default the grant's own, e.g. "WriteLogs"
   */
  readonly sid?: string;
  /**
   * Who is granted (resource and key policies only).
   * @default none: an identity policy
   */
  readonly principals?: Statement['principals'];
  /**
   * Conditions, e.g. aws:SourceAccount.
   * @default none
   */
  readonly conditions?: Statement['conditions'];
}

/** The generic grant every intent-named one is built on: the actions of one or more intents on resources. */
export function grant(
  intents: ActionGroup | readonly ActionGroup[],
  resources: readonly string[],
  options: GrantOptions & { readonly sid: string },
): Statement {
  const actions = ([] as ActionGroup[]).concat(intents).flatMap((i) => ACTIONS[i]);
  return {
    sid: options.sid,
    actions,
    resources: [...resources],
    ...(options.principals ? { principals: options.principals } : {}),
    ...(options.conditions ? { conditions: options.conditions } : {}),
  };
}

/**
 * Write log events into log streams (`<group arn>:*`, or `:log-stream:*`); with
 * `describeStreams`, also find existing streams (VPC flow logs, ECS Exec).
 */
export function grantWriteLogs(
  resources: readonly string[],
  options: GrantOptions & {
    /**
     * Also allow logs:DescribeLogStreams.
     * @default false
     */
    readonly describeStreams?: boolean;
  } = {},
): Statement {
  const intents: ActionGroup[] = options.describeStreams
    ? ['writeLogs', 'describeLogStreams']
    : ['writeLogs'];
  return grant(intents, resources, { ...options, sid: options.sid ?? 'WriteLogs' });
}

/** Pull images: ECR's token (no resource-level permission) and the layers of the given repositories. */
export function grantPull(
  repositoryArns: readonly string[],
  options: {
    /**
     * Also allow ecr:DescribeImages (App Runner looks an image up before it pulls).
     * @default false
     */
    readonly describeImages?: boolean;
    /**
     * Id of the pull statement.
     * @default "PullImage"
     */
    readonly sid?: string;
  } = {},
): Statement[] {
  return [
    grant('ecrAuth', ['*'], { sid: 'EcrAuthToken' }),
    grant(options.describeImages ? ['ecrPull', 'ecrDescribe'] : 'ecrPull', repositoryArns, {
      sid: options.sid ?? 'PullImage',
    }),
  ];
}

/** Push images (and read them back): ECR's token and the given repositories. */
export function grantPush(
  repositoryArns: readonly string[],
  options: {
    /**
     * Id of the push statement.
     * @default "PushImage"
     */
    readonly sid?: string;
  } = {},
): Statement[] {
  return [
    grant('ecrAuth', ['*'], { sid: 'EcrAuthToken' }),
    grant('ecrPush', repositoryArns, { sid: options.sid ?? 'PushImage' }),
  ];
}

/** Decrypt what the given keys encrypted (and describe them). */
export function grantDecrypt(keyArns: readonly string[], options: GrantOptions = {}): Statement {
  return grant('decrypt', keyArns, { ...options, sid: options.sid ?? 'Decrypt' });
}

/** Encrypt and decrypt through the given keys (pipeline and build artifacts). */
export function grantEncryptDecrypt(
  keyArns: readonly string[],
  options: GrantOptions = {},
): Statement {
  return grant('encryptDecrypt', keyArns, { ...options, sid: options.sid ?? 'UseKey' });
}

/**
 * Read the given secrets at task start: Secrets Manager secrets (with the random suffix
 * Secrets Manager appends to a name) and SSM parameters, in any partition.
 */
export function grantReadSecrets(arns: readonly string[]): Statement[] {
  // arn:<partition>:<service>:…
  const service = (a: string) => a.split(':')[2];
  const secrets = arns.filter((a) => service(a) === 'secretsmanager');
  const parameters = arns.filter((a) => service(a) === 'ssm');
  return [
    ...(secrets.length > 0
      ? [
          grant('readSecret', secrets.map((a) => `${a}-??????`).concat(secrets), {
            sid: 'ReadSecrets',
          }),
        ]
      : []),
    ...(parameters.length > 0
      ? [grant('readParameters', parameters, { sid: 'ReadParameters' })]
      : []),
  ];
}

/** Send traces to X-Ray (no resource-level permissions). */
export function grantTraces(): Statement {
  return grant('traces', ['*'], { sid: 'Traces' });
}

/** Read objects (every version) under the given object ARNs. */
export function grantReadObjects(
  objectArns: readonly string[],
  options: GrantOptions = {},
): Statement {
  return grant('readObjects', objectArns, { ...options, sid: options.sid ?? 'ReadObjects' });
}

/** Read and write objects under the given object ARNs. */
export function grantWriteObjects(
  objectArns: readonly string[],
  options: GrantOptions = {},
): Statement {
  return grant('writeObjects', objectArns, { ...options, sid: options.sid ?? 'WriteObjects' });
}

/** Put events on the given buses. */
export function grantPutEvents(busArns: readonly string[], options: GrantOptions = {}): Statement {
  return grant('putEvents', busArns, { ...options, sid: options.sid ?? 'PutEvents' });
}
