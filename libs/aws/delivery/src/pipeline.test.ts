import type { CodepipelineStage } from '@cdktf/provider-aws/lib/codepipeline';
import { DORA_DETAIL_TYPES, DORA_EVENT_SOURCE } from '@platform/config';
import {
  environment,
  environments,
  resourcesOf,
  synthJson,
  type StackJson,
} from '@platform/testing';
import { App, Testing, TerraformStack } from 'cdktf';
import { ArtifactStore } from './artifact-store';
import { DeliveryStack } from './delivery-stack';
import { productionApprovalGaps } from './production-approval';
import { ReleasePipeline } from './release-pipeline';
import { releaseStages } from './release-stages';
import { STEPS_BUILDSPEC } from './steps-buildspec';

const synth = (name: string) =>
  synthJson(new DeliveryStack(new App(), environment(name), environments()));
const documents = (json: StackJson) => json.data?.['aws_iam_policy_document'] ?? {};
const documentOf = (json: StackJson, reference: unknown) =>
  documents(json)[
    String(reference).replace(/^\$\{data\.aws_iam_policy_document\.(.*)\.json\}$/, '$1')
  ] as { statement: Record<string, any>[] };
const pipelineOf = (json: StackJson, name: string) =>
  resourcesOf(json, 'aws_codepipeline').find((p) => p['name'] === name) as Record<string, any>;
const actionsOf = (pipeline: Record<string, any>, stage: string) =>
  (pipeline['stage'] as Record<string, any>[]).find((s) => s['name'] === stage)![
    'action'
  ] as Record<string, any>[];
const variables = (action: Record<string, any>) =>
  Object.fromEntries(
    (
      JSON.parse(action['configuration']['EnvironmentVariables']) as {
        name: string;
        value: string;
      }[]
    ).map((v) => [v.name, v.value]),
  );

describe('release pipelines (pipeline environment: dev)', () => {
  const dev = synth('dev');
  const web = pipelineOf(dev, 'web-release');
  const prod = synth('prod');
  const prodWeb = pipelineOf(prod, 'prod-web-release');
  const prodApi = pipelineOf(prod, 'prod-api-release');

  it('one V2 pipeline per service with a source: build, dev, staging, then the hand-off to prod', () => {
    expect(
      resourcesOf(dev, 'aws_codepipeline')
        .map((p) => p['name'])
        .sort(),
    ).toEqual(['api-release', 'web-release']);
    expect(web['pipeline_type']).toBe('V2');
    expect((web['stage'] as Record<string, any>[]).map((s) => s['name'])).toEqual([
      'Source',
      'Build',
      'Deploy-dev',
      'Deploy-staging',
      'Promote-prod',
    ]);
  });

  it('pulls the service repository through the configured connection', () => {
    expect(actionsOf(web, 'Source')[0]).toEqual(
      expect.objectContaining({
        provider: 'CodeStarSourceConnection',
        namespace: 'SourceVariables',
        configuration: expect.objectContaining({
          ConnectionArn: environment('dev').delivery.connectionArn,
          FullRepositoryId: 'acme/web',
          BranchName: 'main',
        }),
      }),
    );
  });

  it('encrypts artifacts with our key in a bucket named after the pipeline account', () => {
    expect(web['artifact_store']).toEqual([
      expect.objectContaining({
        type: 'S3',
        encryption_key: { id: expect.stringMatching(/^\$\{aws_kms_key\./), type: 'KMS' },
      }),
    ]);
    expect(resourcesOf(dev, 'aws_s3_bucket').map((b) => b['bucket'])).toEqual([
      'delivery-artifacts-111111111111-eu-west-1',
    ]);
  });

  it('blue/green deploys through CodeDeploy into each environment deployment group, with its deploy role', () => {
    for (const [env, account, pipeline] of [
      ['dev', '111111111111', web],
      ['staging', '222222222222', web],
      ['prod', '333333333333', prodWeb],
    ] as const) {
      const deploy = actionsOf(pipeline, `Deploy-${env}`).find((a) => a['name'] === 'Deploy')!;
      expect(deploy).toEqual(
        expect.objectContaining({
          provider: 'CodeDeployToECS',
          role_arn: `arn:aws:iam::${account}:role/${env}-web-release-deploy`,
          configuration: expect.objectContaining({
            ApplicationName: `${env}-web`,
            DeploymentGroupName: `${env}-web`,
            TaskDefinitionTemplatePath: 'taskdef.json',
            AppSpecTemplatePath: 'appspec.yaml',
          }),
        }),
      );
    }
  });

  it('rolling services deploy with the ECS action and imagedefinitions.json', () => {
    expect(actionsOf(prodApi, 'Deploy-prod').find((a) => a['name'] === 'Deploy')).toEqual(
      expect.objectContaining({
        provider: 'ECS',
        role_arn: 'arn:aws:iam::333333333333:role/prod-api-release-deploy',
        configuration: expect.objectContaining({
          ClusterName: 'prod',
          ServiceName: 'api',
          FileName: 'imagedefinitions.json',
        }),
      }),
    );
  });

  it('the build stage records Commit Built; each deploy stage prepares, deploys, then records Commit Deployed, with the execution id and commit', () => {
    const stage = actionsOf(web, 'Deploy-staging');
    expect(stage.map((a) => `${a['run_order']} ${a['name']}`)).toEqual([
      '1 Prepare',
      '2 Deploy',
      '3 Record',
    ]);
    expect(variables(stage[2]!)).toEqual(
      expect.objectContaining({
        STEP: 'record',
        TARGET_ENV: 'staging',
        PIPELINE_EXECUTION_ID: '#{codepipeline.PipelineExecutionId}',
        COMMIT_SHA: '#{SourceVariables.CommitId}',
        COMMIT_TIME: '#{SourceVariables.AuthorDate}',
      }),
    );
    const [build, built] = actionsOf(web, 'Build');
    expect(variables(built!)).toEqual(expect.objectContaining({ STEP: 'built' }));
    expect(variables(build!)).toEqual(
      expect.objectContaining({
        PIPELINE_EXECUTION_ID: '#{codepipeline.PipelineExecutionId}',
        COMMIT_SHA: '#{SourceVariables.CommitId}',
      }),
    );
  });

  it("the steps project knows each target's role, registry and ECS names; actions pass only the environment", () => {
    const steps = resourcesOf(dev, 'aws_codebuild_project').find(
      (p) => p['name'] === 'web-release-steps',
    ) as Record<string, any>;
    const targets = JSON.parse(
      (steps['environment']['environment_variable'] as { name: string; value: string }[]).find(
        (v) => v.name === 'TARGETS',
      )!.value,
    );
    expect(Object.keys(targets)).toEqual(['dev', 'staging', 'prod']);
    expect(targets['staging']).toEqual({
      region: 'eu-west-1',
      deployRoleArn: 'arn:aws:iam::222222222222:role/staging-web-release-deploy',
      repository: 'web',
      repositoryUri: '222222222222.dkr.ecr.eu-west-1.amazonaws.com/web',
      cluster: 'staging',
      serviceName: 'web',
      taskFamily: 'staging-web',
      containerName: 'web',
      strategy: 'blue-green',
    });
    const prepare = actionsOf(web, 'Deploy-staging').find((a) => a['name'] === 'Prepare')!;
    expect(Object.keys(variables(prepare)).sort()).toEqual([
      'COMMIT_SHA',
      'COMMIT_TIME',
      'PIPELINE_EXECUTION_ID',
      'STEP',
      'TARGET_ENV',
    ]);
    expect(targets['prod']).toEqual({
      region: 'eu-west-1',
      intakeRoleArn: 'arn:aws:iam::333333333333:role/prod-web-release-intake',
      intakeBucket: 'delivery-artifacts-333333333333-eu-west-1',
      intakeKey: 'intake/web/release.zip',
      intakeKeyAlias: 'alias/delivery-artifacts',
    });
  });

  it('the steps buildspec has no ${ sequence terraform would read as an interpolation', () => {
    expect(STEPS_BUILDSPEC).not.toContain('${');
  });

  it('refuses an action configuration longer than CodePipeline accepts, naming it', () => {
    const dev = environment('dev');
    const web = dev.services[0]!;
    expect(() =>
      releaseStages({
        service: web,
        source: web.source!,
        connectionArn: dev.delivery.connectionArn,
        targets: [{ environment: dev, service: web }],
        buildProject: 'b',
        stepsProject: 's'.repeat(1001),
        approvalTopicArn: 'arn:aws:sns:eu-west-1:111111111111:x',
      }),
    ).toThrow(
      "pipeline api-release: action configuration values exceed CodePipeline's 1000 characters: Build/Built ProjectName (1001 characters), Deploy-dev/Prepare ProjectName (1001 characters), Deploy-dev/Record ProjectName (1001 characters)",
    );
  });

  it('production approvers are asked by email from the production account, with the commit and image digest', () => {
    const [approve] = actionsOf(prodWeb, 'Approve-prod');
    expect(approve!['configuration']['CustomData']).toContain('#{Release.IMAGE_DIGEST}');
    expect(resourcesOf(prod, 'aws_sns_topic_subscription')).toEqual([
      expect.objectContaining({ protocol: 'email', endpoint: 'release-managers@example.com' }),
    ]);
  });

  it('a dev administrator cannot approve or deploy prod: the dev pipeline can only hand a release to the prod intake', () => {
    const stepsRole = resourcesOf(dev, 'aws_iam_role').find(
      (r) => r['name'] === 'web-release-steps',
    )!;
    const stepsPolicy = resourcesOf(dev, 'aws_iam_role_policy').find(
      (p) =>
        p['role'] ===
        `\${aws_iam_role.${Object.entries(dev.resource!['aws_iam_role']!).find(([, r]) => r === stepsRole)![0]}.id}`,
    )!;
    const assumable = documentOf(dev, stepsPolicy['policy']).statement.find(
      (s) => s['sid'] === 'AssumeDeployRoles',
    )!['resources'];
    expect(assumable).toContain('arn:aws:iam::333333333333:role/prod-web-release-intake');
    expect(assumable.filter((r: string) => r.includes('333333333333'))).toEqual([
      'arn:aws:iam::333333333333:role/prod-web-release-intake',
    ]);
    const pipelineRoles = resourcesOf(dev, 'aws_iam_role_policy').flatMap((p) =>
      documentOf(dev, p['policy']).statement.flatMap((s) => s['resources'] ?? []),
    );
    expect(pipelineRoles).not.toContain('arn:aws:iam::333333333333:role/prod-web-release-deploy');
  });

  it('the prod intake role, trusted only by the dev steps role, may write one object', () => {
    const [id, role] = Object.entries(prod.resource!['aws_iam_role']!).find(
      ([, r]) => (r as Record<string, unknown>)['name'] === 'prod-web-release-intake',
    ) as [string, Record<string, any>];
    expect(documentOf(prod, role['assume_role_policy']).statement[0]!['condition']).toEqual([
      {
        test: 'ArnEquals',
        variable: 'aws:PrincipalArn',
        values: ['arn:aws:iam::111111111111:role/web-release-steps'],
      },
    ]);
    const policy = resourcesOf(prod, 'aws_iam_role_policy').find(
      (p) => p['role'] === `\${aws_iam_role.${id}.id}`,
    )!;
    const statements = documentOf(prod, policy['policy']).statement;
    expect(statements.map((s) => [s['actions'], s['resources']])).toEqual([
      [['s3:PutObject'], [expect.stringMatching(/\.arn\}\/intake\/web\/release\.zip$/)]],
      [['kms:GenerateDataKey', 'kms:Encrypt'], [expect.stringMatching(/^\$\{aws_kms_key\./)]],
    ]);
  });

  it('every pipeline that deploys production, in any account, asks a person right before it does', () => {
    const deploying = [dev, prod].flatMap((json) =>
      resourcesOf(json, 'aws_codepipeline').map((p) => {
        // synthesized stages keep the names the gate reads: name, action, category, provider
        const stages = p['stage'] as CodepipelineStage[];
        const targets = environments().filter((e) =>
          stages.some((s) => s.name === `Deploy-${e.name}`),
        );
        return { pipeline: p['name'], stages, targets };
      }),
    );
    const production = deploying.filter((d) => d.targets.some((e) => e.production));
    expect(production.map((d) => d.pipeline).sort()).toEqual([
      'prod-api-release',
      'prod-web-release',
    ]);
    for (const { pipeline, stages, targets } of deploying)
      expect({ pipeline, gaps: productionApprovalGaps(stages, targets) }).toEqual({
        pipeline,
        gaps: [],
      });
  });

  it('the prod pipeline starts from the hand-off, reviews the image by digest, waits for approval, then deploys that digest', () => {
    expect((prodWeb['stage'] as Record<string, any>[]).map((s) => s['name'])).toEqual([
      'Source',
      'Review',
      'Approve-prod',
      'Deploy-prod',
    ]);
    const [source] = actionsOf(prodWeb, 'Source');
    expect(source!['provider']).toBe('S3');
    expect(source!['configuration']).toEqual(
      expect.objectContaining({
        S3Bucket: expect.stringMatching(/^\$\{aws_s3_bucket\.artifacts_bucket/),
        S3ObjectKey: 'intake/web/release.zip',
        PollForSourceChanges: 'false',
      }),
    );
    const [review] = actionsOf(prodWeb, 'Review');
    expect(review!['namespace']).toBe('Release');
    const prepare = actionsOf(prodWeb, 'Deploy-prod').find((a) => a['name'] === 'Prepare')!;
    expect(variables(prepare)).toEqual(
      expect.objectContaining({
        STEP: 'prepare',
        IMAGE_DIGEST: '#{Release.IMAGE_DIGEST}',
        COMMIT_SHA: '#{Release.COMMIT_SHA}',
      }),
    );
    expect(STEPS_BUILDSPEC).toContain('image="$IMAGE_REPOSITORY_URI@$IMAGE_DIGEST"');
    const [trigger] = resourcesOf(prod, 'aws_cloudwatch_event_rule').filter(
      (r) => r['name'] === 'prod-web-release-trigger',
    );
    expect(JSON.parse(String(trigger!['event_pattern']))).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: {
        bucket: {
          name: [expect.stringMatching(/^\$\{aws_s3_bucket\.artifacts_bucket_\w+\.bucket\}$/)],
        },
        object: { key: ['intake/web/release.zip'] },
      },
    });
  });

  it('the build project runs the service buildspec privileged, with the DORA names; the steps project is not privileged', () => {
    const projects: Record<string, Record<string, any>> = Object.fromEntries(
      resourcesOf(dev, 'aws_codebuild_project').map((p) => [p['name'], p as Record<string, any>]),
    );
    const build = projects['web-release-build']!;
    expect(build['source']).toEqual({ type: 'CODEPIPELINE', buildspec: 'buildspec.yml' });
    expect(build['environment']['privileged_mode']).toBe(true);
    expect(build['environment']['environment_variable']).toEqual(
      expect.arrayContaining([
        {
          name: 'IMAGE_REPOSITORY_URI',
          value: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/web',
          type: 'PLAINTEXT',
        },
      ]),
    );
    expect(projects['web-release-steps']!['environment']['privileged_mode']).toBe(false);
    expect(projects['web-release-steps']!['environment']['environment_variable']).toEqual(
      expect.arrayContaining([
        { name: 'EVENT_SOURCE', value: DORA_EVENT_SOURCE, type: 'PLAINTEXT' },
        { name: 'BUILT_DETAIL_TYPE', value: DORA_DETAIL_TYPES.commitBuilt, type: 'PLAINTEXT' },
        {
          name: 'DEPLOYED_DETAIL_TYPE',
          value: DORA_DETAIL_TYPES.commitDeployed,
          type: 'PLAINTEXT',
        },
      ]),
    );
    for (const project of Object.values(projects)) {
      expect(project['encryption_key']).toMatch(/^\$\{aws_kms_key\./);
      expect(project['logs_config']['cloudwatch_logs']['group_name']).toMatch(
        /aws_cloudwatch_log_group/,
      );
    }
  });

  it('the build role pushes only to its own repository and reads only its own parameters; only the steps role publishes DORA events', () => {
    const policy = resourcesOf(dev, 'aws_iam_role_policy').find((p) =>
      String(p['role']).includes('pipeline-web_build_role'),
    )!;
    const statements = documentOf(dev, policy['policy']).statement;
    const bySid = (sid: string) => statements.find((s) => s['sid'] === sid)!;
    expect(bySid('PushOwnRepository')['resources']).toEqual([
      'arn:aws:ecr:eu-west-1:111111111111:repository/web',
    ]);
    expect(bySid('ReadOwnParameters')['resources']).toEqual([
      'arn:aws:ssm:eu-west-1:111111111111:parameter/delivery/web/*',
    ]);
    expect(statements.map((st) => st['sid'])).not.toContain('PublishDoraEvents');
    const steps = documentOf(
      dev,
      resourcesOf(dev, 'aws_iam_role_policy').find((p) =>
        String(p['role']).includes('pipeline-web_steps_role'),
      )!['policy'],
    ).statement.find((st) => st['sid'] === 'PublishDoraEvents')!;
    expect(steps['condition']).toEqual([
      { test: 'StringEquals', variable: 'events:source', values: [DORA_EVENT_SOURCE] },
    ]);
  });

  it('the artifact key lets exactly the later non-production environments deploy roles decrypt', () => {
    const key = resourcesOf(dev, 'aws_kms_key')[0]!;
    const statement = documentOf(dev, key['policy']).statement.find(
      (s) => s['sid'] === 'DeployRolesDecryptArtifacts',
    )!;
    expect(statement['actions']).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
    expect(statement['condition'][0]['values']).toEqual([
      'arn:aws:iam::222222222222:role/staging-api-release-deploy',
      'arn:aws:iam::222222222222:role/staging-web-release-deploy',
    ]);
  });

  it('notifies the alarm topic of failed executions and pending approvals', () => {
    const rule = resourcesOf(dev, 'aws_codestarnotifications_notification_rule').find(
      (r) => r['name'] === 'web-release-alerts',
    )!;
    expect(rule['event_type_ids']).toEqual(
      expect.arrayContaining([
        'codepipeline-pipeline-pipeline-execution-failed',
        'codepipeline-pipeline-manual-approval-needed',
      ]),
    );
    expect(rule['target']).toEqual([
      { address: expect.stringMatching(/alerting-state.*topic_arn/), type: 'SNS' },
    ]);
  });

  it('staging and prod have no pipelines', () => {
    expect(resourcesOf(synth('staging'), 'aws_codepipeline')).toEqual([]);
  });

  it('refuses a target in another region, naming it', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const dev = environment('dev');
    const [web] = dev.services;
    const build = () =>
      new ReleasePipeline(stack, 'p', {
        environment: dev,
        service: web!,
        targets: [
          {
            environment: {
              ...environment('prod'),
              aws: { ...environment('prod').aws, region: 'us-east-1' },
            },
            service: web!,
          },
        ],
        artifacts: new ArtifactStore(stack, 'a', {
          environment: dev,
          readers: [],
          retentionDays: 30,
        }),
        connectionArn: dev.delivery.connectionArn,
        logRetentionDays: 30,
        approvalTopicArn: 'arn:aws:sns:eu-west-1:111111111111:x',
        alarmTopicArn: 'arn:aws:sns:eu-west-1:111111111111:y',
      });
    expect(build).toThrow(
      'test/p: prod is in us-east-1, the pipeline in eu-west-1: cross-region deploys need a regional artifact store',
    );
  });
});
