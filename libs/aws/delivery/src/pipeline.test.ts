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
  const api = pipelineOf(dev, 'api-release');

  it('one V2 pipeline per service with a source: build, dev, staging, approval, prod', () => {
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
      'Approve-prod',
      'Deploy-prod',
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
    for (const [env, account] of [
      ['dev', '111111111111'],
      ['staging', '222222222222'],
      ['prod', '333333333333'],
    ]) {
      const deploy = actionsOf(web, `Deploy-${env}`).find((a) => a['name'] === 'Deploy')!;
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
    expect(actionsOf(api, 'Deploy-prod').find((a) => a['name'] === 'Deploy')).toEqual(
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
    const prepare = actionsOf(web, 'Deploy-prod').find((a) => a['name'] === 'Prepare')!;
    expect(Object.keys(variables(prepare)).sort()).toEqual([
      'COMMIT_SHA',
      'COMMIT_TIME',
      'PIPELINE_EXECUTION_ID',
      'STEP',
      'TARGET_ENV',
    ]);
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
      "pipeline web-release: action configuration values exceed CodePipeline's 1000 characters: Build/Built ProjectName (1001 characters), Deploy-dev/Prepare ProjectName (1001 characters), Deploy-dev/Record ProjectName (1001 characters)",
    );
  });

  it('asks the approvers by email before production', () => {
    const [approve] = actionsOf(web, 'Approve-prod');
    expect(approve).toEqual(
      expect.objectContaining({
        category: 'Approval',
        provider: 'Manual',
        configuration: expect.objectContaining({
          NotificationArn: expect.stringMatching(/^\$\{aws_sns_topic\.approvals_topic/),
        }),
      }),
    );
    expect(resourcesOf(dev, 'aws_sns_topic_subscription')).toEqual([
      expect.objectContaining({ protocol: 'email', endpoint: 'release-managers@example.com' }),
    ]);
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

  it('the artifact key lets exactly the later environments deploy roles decrypt', () => {
    const key = resourcesOf(dev, 'aws_kms_key')[0]!;
    const statement = documentOf(dev, key['policy']).statement.find(
      (s) => s['sid'] === 'DeployRolesDecryptArtifacts',
    )!;
    expect(statement['actions']).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
    expect(statement['condition'][0]['values']).toEqual([
      'arn:aws:iam::222222222222:role/staging-web-release-deploy',
      'arn:aws:iam::222222222222:role/staging-api-release-deploy',
      'arn:aws:iam::333333333333:role/prod-web-release-deploy',
      'arn:aws:iam::333333333333:role/prod-api-release-deploy',
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
        targets: [{ environment: { ...environment('prod'), region: 'us-east-1' }, service: web! }],
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
