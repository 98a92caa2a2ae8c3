import { type AwsEnvironment } from '@platform/config';
import { synthFamily } from '@platform/core';
import { environments, resourcesOf, synthJson, type StackJson } from '@platform/testing';
import { App } from 'cdktf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeliveryStack } from './delivery-stack';
import { featureFlagsDocument } from './feature-flags';

const synthWith = (envs: AwsEnvironment[], name: string) =>
  synthJson(
    new DeliveryStack(
      new App(),
      envs.find((e) => e.name === name)!,
      envs,
    ),
  );
const synth = (name: string) => synthWith(environments(), name);
const documentOf = (json: StackJson, reference: unknown) =>
  (json.data?.['aws_iam_policy_document'] ?? {})[
    String(reference).replace(/^\$\{data\.aws_iam_policy_document\.(.*)\.json\}$/, '$1')
  ] as { statement: Record<string, any>[] };
const roleNamed = (json: StackJson, name: string) =>
  Object.entries(json.resource?.['aws_iam_role'] ?? {}).find(([, r]) => r['name'] === name)!;
const policyOfRole = (json: StackJson, logicalId: string) =>
  documentOf(
    json,
    resourcesOf(json, 'aws_iam_role_policy').find((p) => String(p['role']).includes(logicalId))![
      'policy'
    ],
  ).statement;

describe('delivery in every environment', () => {
  const prod = synth('prod');

  it("the prod deploy role is assumable only by prod's own release pipeline and steps roles, never from the pipeline account", () => {
    const [, role] = roleNamed(prod, 'prod-web-release-deploy');
    expect(documentOf(prod, role['assume_role_policy']).statement).toEqual([
      expect.objectContaining({
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::333333333333:root'] }],
        condition: [
          {
            test: 'ArnEquals',
            variable: 'aws:PrincipalArn',
            values: [
              'arn:aws:iam::333333333333:role/prod-web-release-pipeline',
              'arn:aws:iam::333333333333:role/prod-web-release-steps',
            ],
          },
        ],
      }),
    ]);
    expect(documentOf(prod, role['assume_role_policy']).statement[0]!['resources']).toBeUndefined();
  });

  it("a blue/green deploy role deploys only its deployment group and passes only the service's roles to ECS", () => {
    const [id] = roleNamed(prod, 'prod-web-release-deploy');
    const statements = policyOfRole(prod, id);
    const bySid = (sid: string) => statements.find((s) => s['sid'] === sid)!;
    expect(bySid('CodeDeployBlueGreen')['resources']).toEqual([
      'arn:aws:codedeploy:eu-west-1:333333333333:application:prod-web',
      'arn:aws:codedeploy:eu-west-1:333333333333:deploymentgroup:prod-web/prod-web',
      'arn:aws:codedeploy:eu-west-1:333333333333:deploymentconfig:*',
    ]);
    expect(bySid('PassServiceRoles')).toEqual(
      expect.objectContaining({
        resources: [
          'arn:aws:iam::333333333333:role/prod-web-execution',
          'arn:aws:iam::333333333333:role/prod-web-task',
        ],
        condition: [
          {
            test: 'StringEquals',
            variable: 'iam:PassedToService',
            values: ['ecs-tasks.amazonaws.com'],
          },
        ],
      }),
    );
    expect(bySid('ReadPipelineArtifacts')['resources']).toEqual([
      'arn:aws:s3:::delivery-artifacts-333333333333-eu-west-1/prod-web-release/*',
    ]);
    expect(statements.flatMap((s) => s['actions'])).not.toContain('*');
  });

  it('a non-production deploy role is assumable only by the pipeline account roles of its service', () => {
    const staging = synth('staging');
    const [, role] = roleNamed(staging, 'staging-web-release-deploy');
    expect(documentOf(staging, role['assume_role_policy']).statement[0]).toEqual(
      expect.objectContaining({
        principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111111111111:root'] }],
        condition: [
          {
            test: 'ArnEquals',
            variable: 'aws:PrincipalArn',
            values: [
              'arn:aws:iam::111111111111:role/web-release-pipeline',
              'arn:aws:iam::111111111111:role/web-release-steps',
            ],
          },
        ],
      }),
    );
  });

  it('notifies the alarm topic when a blue/green deployment fails or rolls back', () => {
    expect(
      resourcesOf(prod, 'aws_codestarnotifications_notification_rule').filter((r) =>
        String(r['resource']).includes(':codedeploy:'),
      ),
    ).toEqual([
      expect.objectContaining({
        resource: 'arn:aws:codedeploy:eu-west-1:333333333333:application:prod-web',
        event_type_ids: ['codedeploy-application-deployment-failed'],
      }),
    ]);
  });

  it('tells the alarm topic when a rolling deployment fails or is rolled back', () => {
    const [rule] = resourcesOf(prod, 'aws_cloudwatch_event_rule').filter((r) =>
      String(r['event_pattern']).includes('aws.ecs'),
    );
    expect(JSON.parse(String(rule!['event_pattern']))).toEqual({
      source: ['aws.ecs'],
      'detail-type': ['ECS Deployment State Change'],
      resources: ['arn:aws:ecs:eu-west-1:333333333333:service/prod/api'],
      detail: { eventName: ['SERVICE_DEPLOYMENT_FAILED'] },
    });
    expect(
      resourcesOf(prod, 'aws_cloudwatch_event_target').filter((t) =>
        String(t['arn']).includes('alerting-state'),
      ),
    ).toEqual([
      expect.objectContaining({ arn: expect.stringMatching(/alerting-state.*topic_arn/) }),
    ]);
  });

  describe('feature flags', () => {
    it('an AppConfig application, environment and feature-flag profile under the names the agent reads', () => {
      expect(resourcesOf(prod, 'aws_appconfig_application').map((a) => a['name'])).toEqual(['web']);
      expect(resourcesOf(prod, 'aws_appconfig_environment')[0]).toEqual(
        expect.objectContaining({ name: 'prod' }),
      );
      expect(resourcesOf(prod, 'aws_appconfig_configuration_profile')[0]).toEqual(
        expect.objectContaining({
          name: 'feature-flags',
          type: 'AWS.AppConfig.FeatureFlags',
          location_uri: 'hosted',
        }),
      );
    });

    it("the environment is monitored by the service's alarms from the ecs contract, read through a monitor role", () => {
      const monitor = (resourcesOf(prod, 'aws_appconfig_environment')[0]!['dynamic'] as any)[
        'monitor'
      ];
      expect(monitor['for_each']).toContain(
        'formatlist("arn:aws:cloudwatch:eu-west-1:333333333333:alarm:%s", values(jsondecode(data.terraform_remote_state.ecs-state.outputs.services).web.alarms))',
      );
      expect(monitor['content']['alarm_role_arn']).toMatch(/flag-monitor-role-web\.arn/);
      const [id] = roleNamed(prod, 'prod-web-appconfig-monitor');
      expect(policyOfRole(prod, id)).toEqual([
        expect.objectContaining({
          actions: ['cloudwatch:DescribeAlarms'],
          resources: ['arn:aws:cloudwatch:eu-west-1:333333333333:alarm:prod-web-*'],
        }),
      ]);
    });

    it('deploys the initial flags of the environment file with a gradual strategy and bake time', () => {
      expect(
        JSON.parse(
          String(resourcesOf(prod, 'aws_appconfig_hosted_configuration_version')[0]!['content']),
        ),
      ).toEqual({
        version: '1',
        flags: {
          'new-checkout': { name: 'new-checkout', description: 'The redesigned checkout flow' },
        },
        values: { 'new-checkout': { enabled: false } },
      });
      expect(resourcesOf(prod, 'aws_appconfig_deployment_strategy')[0]).toEqual(
        expect.objectContaining({
          deployment_duration_in_minutes: 20,
          final_bake_time_in_minutes: 30,
          growth_type: 'LINEAR',
          growth_factor: 20,
        }),
      );
      expect(resourcesOf(prod, 'aws_appconfig_deployment')).toHaveLength(1);
    });

    it('the flag document is the same whatever order the file lists flags in', () => {
      expect(featureFlagsDocument({ b: { enabled: true }, a: { enabled: false } })).toBe(
        featureFlagsDocument({ a: { enabled: false }, b: { enabled: true } }),
      );
    });
  });

  it('App Runner services deploy by updating the image from the steps project', () => {
    const envs = environments().map((e) => ({
      ...e,
      services: e.services.map((s) =>
        s.name === 'api' ? { ...s, runtime: 'app-runner' as const, route: undefined } : s,
      ),
    }));
    const dev = synthWith(envs, 'dev');
    const pipeline = resourcesOf(dev, 'aws_codepipeline').find((p) => p['name'] === 'api-release')!;
    const stage = (pipeline['stage'] as any[]).find((s) => s['name'] === 'Deploy-staging');
    expect(stage['action'].map((a: any) => `${a['name']} ${a['provider']}`)).toEqual([
      'Deploy CodeBuild',
      'Record CodeBuild',
    ]);
    expect(stage['action'][0]['configuration']['EnvironmentVariables']).toContain(
      '{"name":"STEP","value":"app-runner","type":"PLAINTEXT"}',
    );
    const staging = synthWith(envs, 'staging');
    const [id] = roleNamed(staging, 'staging-api-release-deploy');
    expect(
      policyOfRole(staging, id).find((s) => s['sid'] === 'UpdateAppRunnerImage')!['resources'],
    ).toEqual(['arn:aws:apprunner:eu-west-1:222222222222:service/staging-api/*']);
  });

  it('a CodeCommit source starts the pipeline from EventBridge on a push to the branch', () => {
    const envs = environments().map((e) => ({
      ...e,
      services: e.services.map((s) =>
        s.name === 'web'
          ? { ...s, source: { provider: 'codecommit' as const, repository: 'web', branch: 'main' } }
          : s,
      ),
    }));
    const dev = synthWith(envs, 'dev');
    const pipeline = resourcesOf(dev, 'aws_codepipeline').find((p) => p['name'] === 'web-release')!;
    expect((pipeline['stage'] as any[])[0]['action'][0]).toEqual(
      expect.objectContaining({
        provider: 'CodeCommit',
        configuration: expect.objectContaining({
          RepositoryName: 'web',
          PollForSourceChanges: 'false',
        }),
      }),
    );
    expect(
      JSON.parse(
        String(
          resourcesOf(dev, 'aws_cloudwatch_event_rule').find(
            (r) => r['name'] === 'web-release-trigger',
          )!['event_pattern'],
        ),
      ),
    ).toEqual(
      expect.objectContaining({
        resources: ['arn:aws:codecommit:eu-west-1:111111111111:web'],
        detail: expect.objectContaining({ referenceName: ['main'] }),
      }),
    );
  });

  it('passes the policy pack through the synth users run, with only the reasoned privileged builds', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'platform-delivery-')), 'delivery');
    const result = synthFamily(
      'delivery',
      { aws: (app, env, all) => new DeliveryStack(app, env, all) },
      {
        environments: environments(),
        outdir,
      },
    );
    expect(
      Object.entries(result.suppressions)
        .flatMap(([stack, list]) =>
          list.map((s) => `${stack} ${s.rule} ${s.path.split('/').slice(1).join('/')}`),
        )
        .sort(),
    ).toEqual([
      'delivery-dev PLT-CODEBUILD-NOT-PRIVILEGED pipeline-api/build/project',
      'delivery-dev PLT-CODEBUILD-NOT-PRIVILEGED pipeline-web/build/project',
    ]);
  });
});
