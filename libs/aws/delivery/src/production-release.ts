import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { Codepipeline } from '@cdktf/provider-aws/lib/codepipeline';
import { CodestarnotificationsNotificationRule } from '@cdktf/provider-aws/lib/codestarnotifications-notification-rule';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import {
  grant,
  grantEncryptDecrypt,
  grantPutEvents,
  grantReadObjects,
  grantWriteObjects,
  policyDocument,
  serviceRole,
} from '@platform/aws-common';
import {
  accountRootArn,
  arn,
  type AwsEnvironment,
  DORA_DETAIL_TYPES,
  DORA_EVENT_SOURCE,
  servicePrincipal,
} from '@platform/config';
import { Construct } from 'constructs';
import type { ArtifactStore } from './artifact-store';
import {
  deployRoleName,
  intakeKey,
  intakeRoleName,
  productionArtifactPrefix,
  productionPipelineName,
  roleArn,
  stepsRoleName,
} from './naming';
import { assertProductionApproval } from './production-approval';
import { PIPELINE_NOTIFICATION_EVENTS } from './release-pipeline';
import { ReleaseProject } from './release-project';
import {
  checkedStages,
  codeBuild,
  deployAction,
  type ReleaseTarget,
  targetSettings,
} from './release-stages';
import { STEPS_BUILDSPEC } from './steps-buildspec';

type Env = Pick<AwsEnvironment, 'name' | 'aws'>;

/** The variables every CodeBuild action of a production pipeline receives (from the Review step). */
const RELEASE_COMMIT = {
  COMMIT_SHA: '#{Release.COMMIT_SHA}',
  COMMIT_TIME: '#{Release.COMMIT_TIME}',
  PIPELINE_EXECUTION_ID: '#{codepipeline.PipelineExecutionId}',
};

/** Props of {@link ProductionRelease}. */
export interface ProductionReleaseProps {
  /** The production environment and the service as it configures it. */
  readonly target: ReleaseTarget;
  /** The pipeline environment, whose steps role hands releases over. */
  readonly pipelineEnvironment: Env;
  /** This account's artifact store: hand-offs arrive in it, the pipeline keeps artifacts in it. */
  readonly artifacts: ArtifactStore;
  /** This account's approval topic. */
  readonly approvalTopicArn: string;
  /** This environment's alarm topic: failed executions and pending approvals go there. */
  readonly alarmTopicArn: string;
  /** Days the steps logs are kept. */
  readonly logRetentionDays: number;
}

/**
 * A production release from inside the production account. The pipeline account only hands a
 * release over: its steps role may assume the intake role, which may write one object (the
 * service's `release.zip`: commit and image digest) and nothing else. That object starts this
 * account's pipeline: Source → Review (the image is in this registry, by digest) → Approve
 * (this account's approvers) → Deploy (prepare by digest, deploy through the deploy role,
 * record). Nobody who is only an administrator of the pipeline account can approve, start a
 * deploy here or assume the deploy role, which trusts only this pipeline's roles.
 */
export class ProductionRelease extends Construct {
  /** The pipeline. */
  readonly pipeline: Codepipeline;
  /** The steps project (review, prepare, record). */
  readonly steps: ReleaseProject;
  /** The role the pipeline account assumes to hand a release over. */
  readonly intakeRole: IamRole;

  constructor(scope: Construct, id: string, props: ProductionReleaseProps) {
    super(scope, id);
    const { environment: env, service } = props.target;
    const pipelineEnv = props.pipelineEnvironment;
    const name = productionPipelineName(env, service);
    const bucket = props.artifacts.bucket.bucket;
    const keyArn = props.artifacts.key.arn;
    const prefix = productionArtifactPrefix(env, service);
    const key = intakeKey(service);
    const deployRole = roleArn(env.aws, deployRoleName(env, service));
    const repository = arn(env.aws, {
      service: 'ecr',
      resource: `repository/${service.repository}`,
    });

    this.intakeRole = new IamRole(this, 'intake-role', {
      name: intakeRoleName(env, service),
      description: `The ${pipelineEnv.name} release pipeline hands ${service.name} releases to ${env.name} through this role: one object, nothing else`,
      maxSessionDuration: 3600,
      assumeRolePolicy: policyDocument(this, 'intake-trust', [
        {
          sid: 'PipelineStepsHandOver',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'AWS', identifiers: [accountRootArn(pipelineEnv.aws)] }],
          conditions: [
            {
              test: 'ArnEquals',
              variable: 'aws:PrincipalArn',
              values: [roleArn(pipelineEnv.aws, stepsRoleName(service))],
            },
          ],
        },
      ]),
    });
    new IamRolePolicy(this, 'intake-policy', {
      name: 'hand-over-one-release',
      role: this.intakeRole.id,
      policy: policyDocument(this, 'intake-policy-document', [
        grant('putObject', [`${bucket.arn}/${key}`], { sid: 'WriteTheHandOff' }),
        grant('encryptOnly', [keyArn], { sid: 'EncryptTheHandOff' }),
      ]),
    });

    const common = {
      accountId: env.aws.accountId,
      region: env.aws.region,
      kmsKeyArn: keyArn,
      logRetentionDays: props.logRetentionDays,
      artifacts: { bucketArn: bucket.arn, prefix },
    };
    this.steps = new ReleaseProject(this, 'steps', {
      ...common,
      name: `${name}-steps`,
      description: `Reviews ${service.name} hand-offs, renders its ${env.name} deploy artifacts by image digest, records DORA events`,
      buildspec: STEPS_BUILDSPEC,
      environmentVariables: {
        SERVICE: service.name,
        IMAGE_REPOSITORY: service.repository,
        EVENT_SOURCE: DORA_EVENT_SOURCE,
        BUILT_DETAIL_TYPE: DORA_DETAIL_TYPES.commitBuilt,
        DEPLOYED_DETAIL_TYPE: DORA_DETAIL_TYPES.commitDeployed,
        TARGETS: targetSettings([props.target]),
      },
      statements: [
        grant('assumeRole', [deployRole], { sid: 'AssumeDeployRole' }),
        grant('ecrDescribe', [repository], { sid: 'FindImageByDigest' }),
        grantReadObjects([`${bucket.arn}/${key}`], { sid: 'ReadTheHandOff' }),
        grantPutEvents([arn(env.aws, { service: 'events', resource: 'event-bus/default' })], {
          sid: 'PublishDoraEvents',
          conditions: [
            { test: 'StringEquals', variable: 'events:source', values: [DORA_EVENT_SOURCE] },
          ],
        }),
      ],
      timeoutMinutes: 45,
    });

    const role = serviceRole(this, 'role', {
      name: `${name}-pipeline`,
      description: `Runs the ${name} pipeline`,
      servicePrincipal: servicePrincipal(env.aws.region, 'codepipeline'),
      accountId: env.aws.accountId,
      statements: [
        grantWriteObjects([`${bucket.arn}/${prefix}/*`], { sid: 'Artifacts' }),
        grantReadObjects([`${bucket.arn}/${key}`], { sid: 'ReadTheHandOff' }),
        grant('bucketInfo', [bucket.arn], { sid: 'ArtifactBucket' }),
        grantEncryptDecrypt([keyArn], { sid: 'ArtifactKey' }),
        grant('startBuild', [this.steps.project.arn], { sid: 'RunProjects' }),
        grant('assumeRole', [deployRole], { sid: 'AssumeDeployRole' }),
        grant('publish', [props.approvalTopicArn], { sid: 'AskApprovers' }),
      ],
    });

    const release = `Release_${env.name}`;
    const stepEnv = { TARGET_ENV: env.name, IMAGE_DIGEST: '#{Release.IMAGE_DIGEST}' };
    const steps = this.steps.project.name;
    const stages = checkedStages(
      [
        {
          name: 'Source',
          action: [
            {
              name: 'Source',
              category: 'Source',
              owner: 'AWS',
              provider: 'S3',
              version: '1',
              namespace: 'SourceVariables',
              outputArtifacts: ['Source'],
              configuration: {
                S3Bucket: bucket.bucket,
                S3ObjectKey: key,
                PollForSourceChanges: 'false',
              },
            },
          ],
        },
        {
          name: 'Review',
          action: [
            codeBuild(
              'Review',
              steps,
              1,
              { STEP: 'review' },
              undefined,
              {
                PIPELINE_EXECUTION_ID: RELEASE_COMMIT.PIPELINE_EXECUTION_ID,
              },
              'Release',
            ),
          ],
        },
        {
          name: `Approve-${env.name}`,
          action: [
            {
              name: 'Approve',
              category: 'Approval',
              owner: 'AWS',
              provider: 'Manual',
              version: '1',
              configuration: {
                NotificationArn: props.approvalTopicArn,
                CustomData: `Release ${service.name} commit #{Release.COMMIT_SHA} (image #{Release.IMAGE_DIGEST}) to ${env.name}? It passed every earlier environment.`,
              },
            },
          ],
        },
        {
          name: `Deploy-${env.name}`,
          action: [
            ...(service.runtime === 'app-runner'
              ? []
              : [
                  codeBuild(
                    'Prepare',
                    steps,
                    1,
                    { ...stepEnv, STEP: 'prepare' },
                    release,
                    RELEASE_COMMIT,
                  ),
                ]),
            deployAction(props.target, steps, release, stepEnv, RELEASE_COMMIT),
            codeBuild(
              'Record',
              steps,
              3,
              { TARGET_ENV: env.name, STEP: 'record' },
              undefined,
              RELEASE_COMMIT,
            ),
          ],
        },
      ],
      service,
    );
    // The invariant the pipeline account's pipelines are checked against holds here too: this is
    // the pipeline that deploys production.
    assertProductionApproval(name, stages, [env]);

    this.pipeline = new Codepipeline(this, 'pipeline', {
      name,
      pipelineType: 'V2',
      executionMode: 'SUPERSEDED',
      roleArn: role.arn,
      artifactStore: [
        { type: 'S3', location: bucket.bucket, encryptionKey: { id: keyArn, type: 'KMS' } },
      ],
      stage: stages,
    });

    // A new hand-off starts the pipeline (S3 → EventBridge; the bucket sends its events there).
    const rule = new CloudwatchEventRule(this, 'trigger', {
      name: `${name}-trigger`,
      description: `Starts ${name} when the pipeline account hands over a ${service.name} release`,
      eventPattern: JSON.stringify({
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: { bucket: { name: [bucket.bucket] }, object: { key: [key] } },
      }),
    });
    const triggerRole = serviceRole(this, 'trigger-role', {
      name: `${name}-trigger`,
      description: `EventBridge starts ${name}`,
      servicePrincipal: servicePrincipal(env.aws.region, 'events'),
      accountId: env.aws.accountId,
      statements: [grant('startPipeline', [this.pipeline.arn], { sid: 'StartPipeline' })],
    });
    new CloudwatchEventTarget(this, 'trigger-target', {
      rule: rule.name,
      arn: this.pipeline.arn,
      roleArn: triggerRole.arn,
    });
    new CodestarnotificationsNotificationRule(this, 'notifications', {
      name: `${name}-alerts`,
      resource: this.pipeline.arn,
      detailType: 'FULL',
      eventTypeIds: [...PIPELINE_NOTIFICATION_EVENTS],
      target: [{ address: props.alarmTopicArn, type: 'SNS' }],
    });
  }
}
