import { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import {
  EncryptedLogGroup,
  grant,
  grantEncryptDecrypt,
  grantWriteLogs,
  grantWriteObjects,
  serviceRole,
  type Statement,
} from '@platform/aws-common';
import { suppress } from '@platform/policy';
import { Construct } from 'constructs';
import { arn, servicePrincipal } from '@platform/config';

/** The CodeBuild image every project runs on (Amazon Linux 2023 standard image, with docker, jq and the AWS CLI). */
export const BUILD_IMAGE = 'aws/codebuild/amazonlinux-x86_64-standard:5.0';

/** Props of {@link ReleaseProject}. */
export interface ReleaseProjectProps {
  /** Project (and role) name, e.g. web-release-build. */
  readonly name: string;
  /** What the project does. */
  readonly description: string;
  /** The pipeline account. */
  readonly accountId: string;
  /** The region. */
  readonly region: string;
  /** ARN of the customer-managed key for the project's artifacts and logs. */
  readonly kmsKeyArn: string;
  /** Days the project's logs are kept. */
  readonly logRetentionDays: number;
  /** The buildspec: a path in the source (the service's own) or inline YAML. */
  readonly buildspec: string;
  /** Plain environment variables of every build (names and values, never secrets). */
  readonly environmentVariables: Readonly<Record<string, string>>;
  /** What the project's role may do besides writing its logs and reading and writing artifacts. */
  readonly statements: readonly Statement[];
  /** ARN of the artifact bucket and the folder of the pipeline's artifacts inside it. */
  readonly artifacts: { readonly bucketArn: string; readonly prefix: string };
  /**
   * Run the build container privileged (needed to run docker and build images). Requires a
   * reason (four words or more), recorded as the PLT-CODEBUILD-NOT-PRIVILEGED suppression.
   * @default not privileged
   */
  readonly privileged?: { readonly reason: string };
  /**
   * Minutes before a build is stopped.
   * @default 30
   */
  readonly timeoutMinutes?: number;
}

/**
 * A CodeBuild project run by a release pipeline: artifacts and logs encrypted with our key, logs
 * in its own encrypted group with retention (no S3 logs), a least-privilege role of its own, and
 * not privileged unless a reasoned exception says so.
 */
export class ReleaseProject extends Construct {
  /** The project. */
  readonly project: CodebuildProject;
  /** The project's role. */
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ReleaseProjectProps) {
    super(scope, id);
    const logs = new EncryptedLogGroup(this, 'logs', {
      name: `/platform/delivery/codebuild/${props.name}`,
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    const { bucketArn, prefix } = props.artifacts;
    this.role = serviceRole(this, 'role', {
      name: props.name,
      description: props.description,
      servicePrincipal: servicePrincipal(props.region, 'codebuild'),
      accountId: props.accountId,
      statements: [
        grantWriteLogs([`${logs.group.arn}:*`], { sid: 'WriteLogs' }),
        grantWriteObjects([`${bucketArn}/${prefix}/*`], { sid: 'Artifacts' }),
        grantEncryptDecrypt([props.kmsKeyArn], { sid: 'ArtifactKey' }),
        grant(
          'reports',
          [arn(props, { service: 'codebuild', resource: `report-group/${props.name}-*` })],
          { sid: 'TestReports' },
        ),
        ...props.statements,
      ],
    });
    this.project = new CodebuildProject(this, 'project', {
      name: props.name,
      description: props.description,
      serviceRole: this.role.arn,
      encryptionKey: props.kmsKeyArn,
      buildTimeout: props.timeoutMinutes ?? 30,
      queuedTimeout: 60,
      artifacts: { type: 'CODEPIPELINE' },
      source: { type: 'CODEPIPELINE', buildspec: props.buildspec },
      environment: {
        computeType: 'BUILD_GENERAL1_SMALL',
        image: BUILD_IMAGE,
        type: 'LINUX_CONTAINER',
        imagePullCredentialsType: 'CODEBUILD',
        privilegedMode: props.privileged !== undefined,
        environmentVariable: Object.entries(props.environmentVariables)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, value]) => ({ name, value, type: 'PLAINTEXT' })),
      },
      logsConfig: {
        cloudwatchLogs: { status: 'ENABLED', groupName: logs.group.name },
        s3Logs: { status: 'DISABLED' },
      },
    });
    if (props.privileged) {
      suppress(this.project, 'PLT-CODEBUILD-NOT-PRIVILEGED', props.privileged.reason);
    }
  }
}
