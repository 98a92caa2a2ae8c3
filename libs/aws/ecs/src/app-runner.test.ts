import { type AwsEnvironment } from '@platform/config';
import { synthFamily } from '@platform/core';
import { environment, resourcesOf, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EcsStack } from './ecs-stack';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Staging with one more service, on App Runner (the example environments have none). */
function withAppRunner(): AwsEnvironment {
  const staging = environment('staging');
  return {
    ...staging,
    services: [
      ...staging.services,
      {
        name: 'legacy',
        repository: 'legacy',
        port: 8080,
        healthCheckPath: '/ping',
        cpu: 1024,
        memoryMiB: 2048,
        tasks: { desired: 1, min: 1, max: 4 },
        autoscaling: { cpuPercent: 70, memoryPercent: 75 },
        secrets: {
          API_TOKEN: 'arn:aws:secretsmanager:eu-west-1:222222222222:secret:staging/legacy/token',
        },
        runtime: 'app-runner',
        deployment: { strategy: 'rolling' },
      },
    ],
  };
}

describe('App Runner runtime', () => {
  const json = synthJson(new EcsStack(new App(), withAppRunner()));

  it("runs the image of this account's registry through an access role, and terraform ignores the image the pipeline updates", () => {
    const [service] = resourcesOf(json, 'aws_apprunner_service');
    expect(service).toEqual(
      expect.objectContaining({
        service_name: 'staging-legacy',
        lifecycle: {
          ignore_changes: ['source_configuration[0].image_repository[0].image_identifier'],
        },
        encryption_configuration: { kms_key: expect.stringMatching(/^\$\{aws_kms_key\./) },
        health_check_configuration: expect.objectContaining({ protocol: 'HTTP', path: '/ping' }),
        observability_configuration: expect.objectContaining({ observability_enabled: true }),
      }),
    );
    const source = service!['source_configuration'] as Record<string, any>;
    expect(source['auto_deployments_enabled']).toBe(false);
    expect(source['authentication_configuration']['access_role_arn']).toMatch(
      /aws_iam_role\.app-runner-legacy_access-role/,
    );
    expect(source['image_repository']).toEqual(
      expect.objectContaining({
        image_repository_type: 'ECR',
        image_identifier: '222222222222.dkr.ecr.eu-west-1.amazonaws.com/legacy:initial',
      }),
    );
  });

  it('egresses through a VPC connector in the private subnets, scales from the task counts and traces to X-Ray', () => {
    expect(resourcesOf(json, 'aws_apprunner_vpc_connector')[0]!['subnets']).toMatch(
      /private_subnet_ids/,
    );
    expect(resourcesOf(json, 'aws_apprunner_auto_scaling_configuration_version')[0]).toEqual(
      expect.objectContaining({ min_size: 1, max_size: 4 }),
    );
    expect(
      resourcesOf(json, 'aws_apprunner_observability_configuration')[0]!['trace_configuration'],
    ).toEqual({ vendor: 'AWSXRAY' });
    expect(
      resourcesOf(json, 'aws_ecs_service')
        .map((s) => s['name'])
        .sort(),
    ).toEqual(['api', 'web']);
  });

  it('synthesizes through the policy pack and passes the real terraform validate', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'platform-apprunner-')), 'ecs');
    synthFamily(
      'ecs',
      { aws: (app, env) => new EcsStack(app, env) },
      {
        environments: [withAppRunner()],
        outdir,
      },
    );
    const result = spawnSync(process.execPath, [join(ROOT, 'tools/scripts/validate.mjs'), outdir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect({ status: result.status, output: result.stdout + result.stderr }).toEqual({
      status: 0,
      output: expect.stringMatching(/1\/1 valid|NOT validated/),
    });
    expect(
      JSON.parse(readFileSync(join(outdir, 'stacks', 'ecs-staging', 'cdk.tf.json'), 'utf8'))
        .resource.aws_apprunner_service,
    ).toBeDefined();
  }, 120_000);
});
