import { type AwsEnvironment, ecsServiceNames } from '@platform/config';
import { environment, resourcesOf, synthJson, type StackJson } from '@platform/testing';
import { App } from 'cdktf';
import { EcsStack } from './ecs-stack';
import { fargateServiceProblems, type FargateServiceProps } from './service';

const prod = environment('prod');
const synth = (env: AwsEnvironment) => synthJson(new EcsStack(new App(), env));
const named = (json: StackJson, type: string, key: string, value: string) =>
  resourcesOf(json, type).find((r) => r[key] === value)!;

/** prod with its web service (blue/green) tuned through the optional fields of the file. */
const tuned: AwsEnvironment = {
  ...prod,
  services: prod.services.map((s) =>
    s.name !== 'web'
      ? s
      : {
          ...s,
          healthCheck: {
            intervalSeconds: 30,
            timeoutSeconds: 10,
            healthyThreshold: 3,
            unhealthyThreshold: 5,
            gracePeriodSeconds: 120,
          },
          deregistrationDelaySeconds: 90,
          autoscaling: {
            ...s.autoscaling,
            scaleOutCooldownSeconds: 30,
            scaleInCooldownSeconds: 300,
          },
          alarms: {
            errorRatePercent: 1,
            p99LatencySeconds: 0.5,
            cpuPercent: 80,
            memoryPercent: 85,
          },
        },
  ),
};

/** Props of a valid rolling service (only what the checks read matters). */
const valid: FargateServiceProps = {
  names: ecsServiceNames(prod, { name: 'api' }),
  accountId: '333333333333',
  region: 'eu-west-1',
  repositoryUrl: '333333333333.dkr.ecr.eu-west-1.amazonaws.com/api',
  cluster: undefined as never,
  loadBalancer: undefined as never,
  network: undefined as never,
  kmsKeyArn: 'k',
  logRetentionDays: 30,
  alarmTopicArn: 't',
  priority: 1000,
  port: 8080,
  healthCheckPath: '/health',
  routePath: '/v1/*',
  cpu: 512,
  memoryMiB: 1024,
  desiredCount: 2,
  minCapacity: 2,
  maxCapacity: 4,
  cpuTargetPercent: 60,
  memoryTargetPercent: 75,
};

describe('fargate service', () => {
  describe('timings and thresholds', () => {
    const defaults = synth(prod);
    const custom = synth(tuned);

    it('without settings: checks every 15 s (5 s timeout, 2 passes, 3 failures), 30 s drain, 60 s grace', () => {
      expect(named(defaults, 'aws_lb_target_group', 'name', 'prod-web-blue')).toEqual(
        expect.objectContaining({
          deregistration_delay: '30',
          health_check: expect.objectContaining({
            interval: 15,
            timeout: 5,
            healthy_threshold: 2,
            unhealthy_threshold: 3,
            matcher: '200-399',
          }),
        }),
      );
      expect(
        named(defaults, 'aws_ecs_service', 'name', 'web')['health_check_grace_period_seconds'],
      ).toBe(60);
    });

    it('a service sets its own health checks, drain, grace, cooldowns and alarm thresholds', () => {
      for (const group of ['prod-web-blue', 'prod-web-green']) {
        expect(named(custom, 'aws_lb_target_group', 'name', group)).toEqual(
          expect.objectContaining({
            deregistration_delay: '90',
            health_check: expect.objectContaining({
              interval: 30,
              timeout: 10,
              healthy_threshold: 3,
              unhealthy_threshold: 5,
            }),
          }),
        );
      }
      expect(
        named(custom, 'aws_ecs_service', 'name', 'web')['health_check_grace_period_seconds'],
      ).toBe(120);
      expect(
        named(custom, 'aws_appautoscaling_policy', 'name', 'prod-web-cpu')[
          'target_tracking_scaling_policy_configuration'
        ],
      ).toEqual(expect.objectContaining({ scale_out_cooldown: 30, scale_in_cooldown: 300 }));
      const threshold = (name: string) =>
        named(custom, 'aws_cloudwatch_metric_alarm', 'alarm_name', name)['threshold'];
      expect(
        ['prod-web-5xx-rate', 'prod-web-p99-latency', 'prod-web-cpu', 'prod-web-memory'].map(
          threshold,
        ),
      ).toEqual([1, 0.5, 80, 85]);
      // the other service keeps the defaults
      expect(
        ['prod-api-5xx-rate', 'prod-api-p99-latency', 'prod-api-cpu', 'prod-api-memory'].map(
          (n) => named(custom, 'aws_cloudwatch_metric_alarm', 'alarm_name', n)['threshold'],
        ),
      ).toEqual([5, 2, 90, 90]);
    });
  });

  describe('terraform addresses', () => {
    it('splitting target groups, scaling and blue/green into their own constructs moved no resource', () => {
      const json = synth(prod);
      const keys = (type: string) => Object.keys(json.resource?.[type] ?? {}).sort();
      expect(keys('aws_lb_target_group')).toEqual([
        'service-api_target-group_B52B406B',
        'service-web_target-group-blue_CCBFC10B',
        'service-web_target-group-green_5EDBB644',
      ]);
      expect(keys('aws_appautoscaling_target')).toEqual([
        'service-api_scaling-target_B0777DEC',
        'service-web_scaling-target_E462003A',
      ]);
      expect(keys('aws_appautoscaling_policy')).toEqual([
        'service-api_scale-on-cpu_F403B39C',
        'service-api_scale-on-memory_A7411D3E',
        'service-api_scale-on-requests_C75D6347',
        'service-web_scale-on-cpu_52D93D5B',
        'service-web_scale-on-memory_82F3D042',
      ]);
      expect(keys('aws_codedeploy_app')).toEqual(['service-web_codedeploy-app_8C4FC2D0']);
      expect(keys('aws_codedeploy_deployment_group')).toEqual([
        'service-web_deployment-group_312EC8C4',
      ]);
      expect(keys('aws_iam_role')).toContain('service-web_codedeploy-role_6123CFA2');
      expect(keys('aws_iam_role_policy_attachment')).toEqual([
        'service-web_codedeploy-role-managed-0_16EFC5F3',
      ]);
      expect(keys('aws_s3_bucket')).toEqual(['public_access-logs_bucket_FDBB2E70']);
    });
  });

  describe('validation', () => {
    it('accepts a valid rolling and a valid blue/green service', () => {
      expect(fargateServiceProblems(valid)).toEqual([]);
      expect(
        fargateServiceProblems({
          ...valid,
          deploymentStrategy: 'blue-green',
          trafficShifting: 'linear',
          terminateBlueAfterMinutes: 0,
        }),
      ).toEqual([]);
    });

    it("reports every problem at once, its own and its parts', naming the prop and the value", () => {
      expect(
        fargateServiceProblems({
          ...valid,
          routePath: undefined,
          priority: 0,
          desiredCount: 9,
          trafficShifting: 'canary',
          healthCheckIntervalSeconds: 10,
          healthCheckTimeoutSeconds: 10,
          healthCheckGracePeriodSeconds: -1,
          minCapacity: 5,
          cpuTargetPercent: 95,
          errorRateAlarmPercent: 0,
          cpuAlarmPercent: 150,
        }),
      ).toEqual([
        'a service needs a route: set routeHost, routePath or both',
        'priority must be a whole number from 1 to 50000 (got 0)',
        'desiredCount (9) must be from minCapacity (5) to maxCapacity (4)',
        'trafficShifting applies to blue-green services only',
        'healthCheckGracePeriodSeconds must be a whole number from 0 to 3600 (got -1)',
        'healthCheckTimeoutSeconds (10) must be less than healthCheckIntervalSeconds (10)',
        'minCapacity (5) must not exceed maxCapacity (4)',
        'cpuTargetPercent must be a whole number from 10 to 90 (got 95)',
        'errorRateAlarmPercent must be more than 0 and at most 100 (got 0)',
        'cpuAlarmPercent must be more than 0 and at most 100 (got 150)',
      ]);
      expect(
        fargateServiceProblems({
          ...valid,
          deploymentStrategy: 'blue-green',
          requestsPerTarget: 100,
          terminateBlueAfterMinutes: 3000,
        }),
      ).toEqual([
        'requestsPerTarget needs a rolling service: blue/green swaps the target groups it scales on',
        'terminateBlueAfterMinutes must be a whole number from 0 to 2880 (got 3000)',
      ]);
    });

    it('the stack refuses to build a service with problems, listing them all', () => {
      const broken: AwsEnvironment = {
        ...prod,
        services: prod.services.map((s) =>
          s.name === 'api'
            ? {
                ...s,
                healthCheck: { intervalSeconds: 5, timeoutSeconds: 6 },
                alarms: { cpuPercent: 101 },
              }
            : s,
        ),
      };
      expect(() => synth(broken)).toThrow(
        'ecs-prod/service-api: healthCheckTimeoutSeconds (6) must be less than healthCheckIntervalSeconds (5); cpuAlarmPercent must be more than 0 and at most 100 (got 101)',
      );
    });
  });
});
