import type {
  CodepipelineStage,
  CodepipelineStageAction,
} from '@cdktf/provider-aws/lib/codepipeline';
import {
  type AwsEnvironment,
  ecrRepositoryUrl,
  ecsServiceNames,
  type ServiceConfig,
} from '@platform/config';
import {
  ARTIFACT_KEY_ALIAS,
  artifactBucketName,
  deployRoleName,
  intakeKey,
  intakeRoleName,
  roleArn,
} from './naming';

/** One environment a pipeline deploys to, in promotion order. */
export interface ReleaseTarget {
  /** The environment. */
  readonly environment: Pick<AwsEnvironment, 'name' | 'aws' | 'production'>;
  /** The service as that environment configures it (strategy and runtime may differ). */
  readonly service: ServiceConfig;
}

/** What {@link releaseStages} needs. */
export interface ReleaseStagesProps {
  /** The service, as the pipeline environment configures it. */
  readonly service: ServiceConfig;
  /** Its source. */
  readonly source: NonNullable<ServiceConfig['source']>;
  /** ARN of the CodeStar connection (codestar-connection sources). */
  readonly connectionArn?: string;
  /** Where each release goes, in promotion order. */
  readonly targets: readonly ReleaseTarget[];
  /** Name of the project that runs the service's buildspec. */
  readonly buildProject: string;
  /** Name of the platform's steps project. */
  readonly stepsProject: string;
  /** The topic that asks approvers. */
  readonly approvalTopicArn: string;
  /**
   * Production environments released from their own account: after the last target, the
   * pipeline hands the release (commit and image digest) to each one's intake.
   * @default none
   */
  readonly promotions?: readonly ReleaseTarget[];
}

/**
 * What the steps project needs of each target environment, by environment name (its TARGETS
 * variable): action configuration values are limited to 1,000 characters, so actions pass only
 * the environment's name.
 */
export function targetSettings(targets: readonly ReleaseTarget[]): string {
  return JSON.stringify(
    Object.fromEntries(
      targets.map(({ environment: te, service: ts }) => {
        const ecs = ecsServiceNames(te, ts);
        return [
          te.name,
          {
            region: te.aws.region,
            deployRoleArn: roleArn(te.aws, deployRoleName(te, ts)),
            repository: ts.repository,
            repositoryUri: ecrRepositoryUrl(te, ts.repository),
            cluster: ecs.cluster,
            serviceName: ts.runtime === 'app-runner' ? ecs.appRunnerService : ecs.service,
            taskFamily: ecs.taskFamily,
            containerName: ecs.containerName,
            strategy: ts.deployment.strategy,
          },
        ];
      }),
    ),
  );
}

/**
 * What the steps project's `promote` step needs of each production environment released from
 * its own account (merged into its TARGETS): the intake role, bucket, object key and key alias.
 */
export function promotionSettings(promotions: readonly ReleaseTarget[]): Record<string, unknown> {
  return Object.fromEntries(
    promotions.map(({ environment: pe, service: ps }) => [
      pe.name,
      {
        region: pe.aws.region,
        intakeRoleArn: roleArn(pe.aws, intakeRoleName(pe, ps)),
        intakeBucket: artifactBucketName(pe),
        intakeKey: intakeKey(ps),
        intakeKeyAlias: ARTIFACT_KEY_ALIAS,
      },
    ]),
  );
}

/** Longest value CodePipeline accepts in an action's configuration. */
export const MAX_CONFIGURATION_VALUE = 1000;

/** The pipeline variables every CodeBuild action of a source-triggered pipeline receives. */
const COMMIT = {
  COMMIT_SHA: '#{SourceVariables.CommitId}',
  COMMIT_TIME: '#{SourceVariables.AuthorDate}',
  PIPELINE_EXECUTION_ID: '#{codepipeline.PipelineExecutionId}',
};

/** A CodeBuild action on the Source artifact, with the commit variables (`commit`). */
export const codeBuild = (
  name: string,
  project: string,
  runOrder: number,
  env: Record<string, string>,
  output?: string,
  commit: Record<string, string> = COMMIT,
  namespace?: string,
): CodepipelineStageAction => ({
  name,
  category: 'Build',
  owner: 'AWS',
  provider: 'CodeBuild',
  version: '1',
  runOrder,
  inputArtifacts: ['Source'],
  outputArtifacts: output ? [output] : undefined,
  namespace,
  configuration: {
    ProjectName: project,
    EnvironmentVariables: JSON.stringify(
      Object.entries({ ...env, ...commit }).map(([n, value]) => ({
        name: n,
        value,
        type: 'PLAINTEXT',
      })),
    ),
  },
});

/**
 * The action that deploys the rendered artifacts into one environment through its deploy role:
 * CodeDeploy (blue/green), ECS (rolling) or the steps project (App Runner).
 */
export function deployAction(
  target: ReleaseTarget,
  stepsProject: string,
  release: string,
  stepEnv: Record<string, string>,
  commit: Record<string, string> = COMMIT,
): CodepipelineStageAction {
  const { environment: te, service: ts } = target;
  const ecs = ecsServiceNames(te, ts);
  const deployRole = roleArn(te.aws, deployRoleName(te, ts));
  return ts.runtime === 'app-runner'
    ? codeBuild('Deploy', stepsProject, 1, { ...stepEnv, STEP: 'app-runner' }, undefined, commit)
    : {
        name: 'Deploy',
        category: 'Deploy',
        owner: 'AWS',
        version: '1',
        runOrder: 2,
        roleArn: deployRole,
        inputArtifacts: [release],
        ...(ts.deployment.strategy === 'blue-green'
          ? {
              provider: 'CodeDeployToECS',
              configuration: {
                ApplicationName: ecs.codeDeployApplication,
                DeploymentGroupName: ecs.deploymentGroup,
                TaskDefinitionTemplateArtifact: release,
                TaskDefinitionTemplatePath: 'taskdef.json',
                AppSpecTemplateArtifact: release,
                AppSpecTemplatePath: 'appspec.yaml',
              },
            }
          : {
              provider: 'ECS',
              configuration: {
                ClusterName: ecs.cluster,
                ServiceName: ecs.service,
                FileName: 'imagedefinitions.json',
                DeploymentTimeout: '30',
              },
            }),
      };
}

/**
 * The stages of a release pipeline: Source, Build (service buildspec, then Commit Built), then
 * per target environment [Approve-<env> when production] and Deploy-<env> (Prepare → Deploy →
 * Record).
 */
export function releaseStages(props: ReleaseStagesProps): CodepipelineStage[] {
  const { service, source } = props;
  const stages: CodepipelineStage[] = [
    {
      name: 'Source',
      action: [
        {
          name: 'Source',
          category: 'Source',
          owner: 'AWS',
          provider:
            source.provider === 'codestar-connection' ? 'CodeStarSourceConnection' : 'CodeCommit',
          version: '1',
          namespace: 'SourceVariables',
          outputArtifacts: ['Source'],
          configuration:
            source.provider === 'codestar-connection'
              ? {
                  ConnectionArn: props.connectionArn as string,
                  FullRepositoryId: source.repository,
                  BranchName: source.branch,
                  OutputArtifactFormat: 'CODE_ZIP',
                  DetectChanges: 'true',
                }
              : {
                  RepositoryName: source.repository,
                  BranchName: source.branch,
                  OutputArtifactFormat: 'CODE_ZIP',
                  PollForSourceChanges: 'false',
                },
        },
      ],
    },
    {
      name: 'Build',
      action: [
        codeBuild('Build', props.buildProject, 1, {}, 'Built'),
        codeBuild('Built', props.stepsProject, 2, { STEP: 'built' }),
      ],
    },
  ];

  for (const target of props.targets) {
    const te = target.environment;
    const ts = target.service;
    const release = `Release_${te.name}`;
    const stepEnv = { TARGET_ENV: te.name };
    if (te.production) {
      stages.push({
        name: `Approve-${te.name}`,
        action: [
          {
            name: 'Approve',
            category: 'Approval',
            owner: 'AWS',
            provider: 'Manual',
            version: '1',
            configuration: {
              NotificationArn: props.approvalTopicArn,
              CustomData: `Release ${service.name} commit #{SourceVariables.CommitId} to ${te.name}? It passed every earlier environment.`,
            },
          },
        ],
      });
    }
    const deploy = deployAction(target, props.stepsProject, release, stepEnv);
    stages.push({
      name: `Deploy-${te.name}`,
      action: [
        ...(ts.runtime === 'app-runner'
          ? []
          : [
              codeBuild('Prepare', props.stepsProject, 1, { ...stepEnv, STEP: 'prepare' }, release),
            ]),
        deploy,
        codeBuild('Record', props.stepsProject, 3, { ...stepEnv, STEP: 'record' }),
      ],
    });
  }
  for (const { environment: pe } of props.promotions ?? []) {
    stages.push({
      name: `Promote-${pe.name}`,
      action: [
        codeBuild('Promote', props.stepsProject, 1, { TARGET_ENV: pe.name, STEP: 'promote' }),
      ],
    });
  }
  return checkedStages(stages, service);
}

/** The stages, or an error naming every action configuration value CodePipeline would refuse. */
export function checkedStages(
  stages: CodepipelineStage[],
  service: Pick<ServiceConfig, 'name'>,
): CodepipelineStage[] {
  const tooLong = stages.flatMap((stage) =>
    (stage.action as CodepipelineStageAction[]).flatMap((action) =>
      Object.entries(action.configuration ?? {})
        .filter(([, value]) => value.length > MAX_CONFIGURATION_VALUE)
        .map(([key, value]) => `${stage.name}/${action.name} ${key} (${value.length} characters)`),
    ),
  );
  if (tooLong.length > 0) {
    throw new Error(
      `pipeline ${service.name}-release: action configuration values exceed CodePipeline's ${MAX_CONFIGURATION_VALUE} characters: ${tooLong.join(', ')}`,
    );
  }
  return stages;
}
