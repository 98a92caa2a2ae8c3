import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { Codepipeline } from '@cdktf/provider-aws/lib/codepipeline';
import { CodestarnotificationsNotificationRule } from '@cdktf/provider-aws/lib/codestarnotifications-notification-rule';
import {
  grant,
  grantEncryptDecrypt,
  grantPush,
  grantPutEvents,
  grantWriteObjects,
  serviceRole,
  type Statement,
} from '@platform/aws-common';
import {
  arn,
  type AwsEnvironment,
  DORA_DETAIL_TYPES,
  DORA_EVENT_SOURCE,
  ecrRepositoryUrl,
  pipelineName,
  type ServiceConfig,
  servicePrincipal,
} from '@platform/config';
import { Construct } from 'constructs';
import type { ArtifactStore } from './artifact-store';
import {
  artifactPrefix,
  buildRoleName,
  deployRoleName,
  intakeRoleName,
  pipelineRoleName,
  roleArn,
  stepsRoleName,
} from './naming';
import { ReleaseProject } from './release-project';
import { assertProductionApproval } from './production-approval';
import {
  promotionSettings,
  releaseStages,
  type ReleaseTarget,
  targetSettings,
} from './release-stages';
import { STEPS_BUILDSPEC } from './steps-buildspec';

/** The buildspec every service repository carries (its contract: apps/delivery/README.md). */
export const SERVICE_BUILDSPEC = 'buildspec.yml';

/** The events a pipeline notifies the alarm topic of. */
export const PIPELINE_NOTIFICATION_EVENTS = [
  'codepipeline-pipeline-pipeline-execution-failed',
  'codepipeline-pipeline-manual-approval-needed',
  'codepipeline-pipeline-manual-approval-failed',
] as const;

/** Props of {@link ReleasePipeline}. */
export interface ReleasePipelineProps {
  /** The pipeline environment (first on the promotion path): the pipeline, builds and artifacts live in its account. */
  readonly environment: Pick<AwsEnvironment, 'name' | 'aws'>;
  /** The service, as the pipeline environment configures it; must have a `source`. */
  readonly service: ServiceConfig;
  /** Where each release goes, in promotion order; a production target waits for a manual approval. */
  readonly targets: readonly ReleaseTarget[];
  /**
   * Production environments released from their own account: after the last target, the
   * release (commit and image digest) is handed to each one's intake; approval and deploy
   * happen there ({@link ProductionRelease}).
   * @default none
   */
  readonly promotions?: readonly ReleaseTarget[];
  /** The artifact bucket and key. */
  readonly artifacts: ArtifactStore;
  /** ARN of the CodeStar connection (required for a `codestar-connection` source). */
  readonly connectionArn?: string;
  /** Days the build logs are kept. */
  readonly logRetentionDays: number;
  /** The topic that asks approvers (email with a link to the approval). */
  readonly approvalTopicArn: string;
  /** The environment's alarm topic: failed executions and pending approvals are notified there. */
  readonly alarmTopicArn: string;
}

/**
 * One service's release pipeline (CodePipeline V2): Source → Build → for each environment in
 * promotion order [approval before production] → Deploy-<env> (prepare artifacts in the
 * environment, deploy through its deploy role, record the DORA event). Two CodeBuild projects:
 * the service's own buildspec (tests, scan, image, push) and the platform's steps (Commit Built
 * after the build; per environment: prepare, App Runner deploy, Commit Deployed).
 */
export class ReleasePipeline extends Construct {
  /** The pipeline. */
  readonly pipeline: Codepipeline;
  /** The project that runs the service's buildspec. */
  readonly build: ReleaseProject;
  /** The project that prepares deploys and records DORA events. */
  readonly steps: ReleaseProject;

  constructor(scope: Construct, id: string, props: ReleasePipelineProps) {
    super(scope, id);
    const { environment: env, service, artifacts } = props;
    const source = service.source;
    const name = pipelineName(service);
    const problems = [
      ...(source ? [] : [`service "${service.name}" has no source`]),
      ...(source?.provider === 'codestar-connection' && !props.connectionArn
        ? ['a codestar-connection source needs connectionArn']
        : []),
      ...props.targets
        .filter((t) => t.environment.aws.region !== env.aws.region)
        .map(
          (t) =>
            `${t.environment.name} is in ${t.environment.aws.region}, the pipeline in ${env.aws.region}: cross-region deploys need a regional artifact store, which this pipeline does not have`,
        ),
      ...(props.targets.length === 0 ? ['no target environments'] : []),
    ];
    if (problems.length > 0 || !source)
      throw new Error(`${this.node.path}: ${problems.join('; ')}`);

    const bucketArn = artifacts.bucket.bucket.arn;
    const prefix = artifactPrefix(service);
    const keyArn = artifacts.key.arn;
    const deployRoles = props.targets.map((t) =>
      roleArn(t.environment.aws, deployRoleName(t.environment, service)),
    );
    const promotions = props.promotions ?? [];
    const intakeRoles = promotions.map((p) =>
      roleArn(p.environment.aws, intakeRoleName(p.environment, service)),
    );
    const repositoryUrl = ecrRepositoryUrl(env, service.repository);
    const common = {
      accountId: env.aws.accountId,
      region: env.aws.region,
      kmsKeyArn: keyArn,
      logRetentionDays: props.logRetentionDays,
      artifacts: { bucketArn, prefix },
    };
    const doraEvents: Statement = grantPutEvents(
      [arn(env.aws, { service: 'events', resource: 'event-bus/default' })],
      {
        sid: 'PublishDoraEvents',
        conditions: [
          { test: 'StringEquals', variable: 'events:source', values: [DORA_EVENT_SOURCE] },
        ],
      },
    );

    this.build = new ReleaseProject(this, 'build', {
      ...common,
      name: buildRoleName(service),
      description: `Builds, scans and pushes the ${service.name} image; runs the service's ${SERVICE_BUILDSPEC}`,
      buildspec: SERVICE_BUILDSPEC,
      environmentVariables: {
        SERVICE: service.name,
        IMAGE_REPOSITORY: service.repository,
        IMAGE_REPOSITORY_URI: repositoryUrl,
        PARAMETERS_PATH: `/delivery/${service.name}/`,
      },
      statements: [
        ...grantPush(
          [arn(env.aws, { service: 'ecr', resource: `repository/${service.repository}` })],
          { sid: 'PushOwnRepository' },
        ),
        grant(
          'readBuildParameters',
          [arn(env.aws, { service: 'ssm', resource: `parameter/delivery/${service.name}/*` })],
          { sid: 'ReadOwnParameters' },
        ),
      ],
      privileged: {
        reason:
          'docker build needs the privileged daemon; only this project builds images, runs only the service buildspec of the protected branch, and its role can push only to its own repository',
      },
    });
    this.steps = new ReleaseProject(this, 'steps', {
      ...common,
      name: stepsRoleName(service),
      description: `Records the ${service.name} DORA events, renders its deploy artifacts per environment, updates App Runner`,
      buildspec: STEPS_BUILDSPEC,
      environmentVariables: {
        SERVICE: service.name,
        IMAGE_REPOSITORY: service.repository,
        EVENT_SOURCE: DORA_EVENT_SOURCE,
        BUILT_DETAIL_TYPE: DORA_DETAIL_TYPES.commitBuilt,
        DEPLOYED_DETAIL_TYPE: DORA_DETAIL_TYPES.commitDeployed,
        TARGETS:
          promotions.length === 0
            ? targetSettings(props.targets)
            : JSON.stringify({
                ...JSON.parse(targetSettings(props.targets)),
                ...promotionSettings(promotions),
              }),
      },
      statements: [
        grant('assumeRole', [...deployRoles, ...intakeRoles], { sid: 'AssumeDeployRoles' }),
        doraEvents,
        ...(promotions.length > 0
          ? [
              grant(
                'ecrDescribe',
                [arn(env.aws, { service: 'ecr', resource: `repository/${service.repository}` })],
                { sid: 'ResolveImageDigests' },
              ),
            ]
          : []),
      ],
      timeoutMinutes: 45,
    });

    const sourceStatements: Statement[] =
      source.provider === 'codestar-connection'
        ? [grant('useConnection', [props.connectionArn as string], { sid: 'UseConnection' })]
        : [
            grant(
              'codeCommitSource',
              [arn(env.aws, { service: 'codecommit', resource: `${source.repository}` })],
              { sid: 'ReadRepository' },
            ),
          ];
    const role = serviceRole(this, 'role', {
      name: pipelineRoleName(service),
      description: `Runs the ${name} pipeline`,
      servicePrincipal: servicePrincipal(env.aws.region, 'codepipeline'),
      accountId: env.aws.accountId,
      statements: [
        grantWriteObjects([`${bucketArn}/${prefix}/*`], { sid: 'Artifacts' }),
        grant('bucketInfo', [bucketArn], { sid: 'ArtifactBucket' }),
        grantEncryptDecrypt([keyArn], { sid: 'ArtifactKey' }),
        ...sourceStatements,
        grant('startBuild', [this.build.project.arn, this.steps.project.arn], {
          sid: 'RunProjects',
        }),
        grant('assumeRole', deployRoles, { sid: 'AssumeDeployRoles' }),
        grant('publish', [props.approvalTopicArn], { sid: 'AskApprovers' }),
      ],
    });

    const stages = releaseStages({
      service,
      source,
      connectionArn: props.connectionArn,
      targets: props.targets,
      buildProject: this.build.project.name,
      stepsProject: this.steps.project.name,
      approvalTopicArn: props.approvalTopicArn,
      promotions,
    });
    assertProductionApproval(
      name,
      stages,
      props.targets.map((t) => t.environment),
    );

    this.pipeline = new Codepipeline(this, 'pipeline', {
      name,
      pipelineType: 'V2',
      executionMode: 'SUPERSEDED',
      roleArn: role.arn,
      artifactStore: [
        {
          type: 'S3',
          location: artifacts.bucket.bucket.bucket,
          encryptionKey: { id: keyArn, type: 'KMS' },
        },
      ],
      stage: stages,
    });

    if (source.provider === 'codecommit') this.codeCommitTrigger(env, source, name);

    new CodestarnotificationsNotificationRule(this, 'notifications', {
      name: `${name}-alerts`,
      resource: this.pipeline.arn,
      detailType: 'FULL',
      eventTypeIds: [...PIPELINE_NOTIFICATION_EVENTS],
      target: [{ address: props.alarmTopicArn, type: 'SNS' }],
    });
  }

  /** A CodeCommit push to the branch starts the pipeline (EventBridge, no polling). */
  private codeCommitTrigger(
    env: Pick<AwsEnvironment, 'aws'>,
    source: NonNullable<ServiceConfig['source']>,
    name: string,
  ): void {
    const repositoryArn = arn(env.aws, { service: 'codecommit', resource: `${source.repository}` });
    const rule = new CloudwatchEventRule(this, 'trigger', {
      name: `${name}-trigger`,
      description: `Starts ${name} on a push to ${source.branch}`,
      eventPattern: JSON.stringify({
        source: ['aws.codecommit'],
        'detail-type': ['CodeCommit Repository State Change'],
        resources: [repositoryArn],
        detail: {
          event: ['referenceCreated', 'referenceUpdated'],
          referenceType: ['branch'],
          referenceName: [source.branch],
        },
      }),
    });
    const role = serviceRole(this, 'trigger-role', {
      name: `${name}-trigger`,
      description: `EventBridge starts ${name}`,
      servicePrincipal: servicePrincipal(env.aws.region, 'events'),
      accountId: env.aws.accountId,
      statements: [grant('startPipeline', [this.pipeline.arn], { sid: 'StartPipeline' })],
    });
    new CloudwatchEventTarget(this, 'trigger-target', {
      rule: rule.name,
      arn: this.pipeline.arn,
      roleArn: role.arn,
    });
  }
}
