import { derivedRulePriority } from '@platform/config';
import { synthFamily } from '@platform/core';
import {
  arnPartitionsOf,
  environment,
  environments,
  environmentsIn,
  resourcesOf,
  synthJson,
  type StackJson,
} from '@platform/testing';
import { App } from 'cdktf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EcsStack } from './ecs-stack';

const synth = (name: string) => synthJson(new EcsStack(new App(), environment(name)));
const byName = (json: StackJson, type: string, key: string, value: string) =>
  resourcesOf(json, type).find((r) => r[key] === value);
const containersOf = (json: StackJson, family: string) =>
  JSON.parse(
    String(byName(json, 'aws_ecs_task_definition', 'family', family)!['container_definitions']),
  ) as Record<string, any>[];

describe('ecs stack', () => {
  const dev = synth('dev');
  const prod = synth('prod');

  describe('cluster', () => {
    it('has Container Insights and logs ECS Exec sessions to a KMS-encrypted log group', () => {
      const [cluster] = resourcesOf(prod, 'aws_ecs_cluster');
      expect(cluster!['setting']).toEqual([{ name: 'containerInsights', value: 'enhanced' }]);
      expect(cluster!['configuration']).toEqual({
        execute_command_configuration: expect.objectContaining({
          kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\./),
          logging: 'OVERRIDE',
          log_configuration: expect.objectContaining({ cloud_watch_encryption_enabled: true }),
        }),
      });
      expect(byName(prod, 'aws_cloudwatch_log_group', 'name', '/platform/prod/ecs/exec')).toEqual(
        expect.objectContaining({
          retention_in_days: 365,
          kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\./),
        }),
      );
    });

    it('spreads tasks over FARGATE and FARGATE_SPOT with the weights and base of each environment', () => {
      expect(
        resourcesOf(prod, 'aws_ecs_cluster_capacity_providers')[0]![
          'default_capacity_provider_strategy'
        ],
      ).toEqual([
        { capacity_provider: 'FARGATE', weight: 3, base: 2 },
        { capacity_provider: 'FARGATE_SPOT', weight: 1, base: 0 },
      ]);
      expect(
        resourcesOf(dev, 'aws_ecs_cluster_capacity_providers')[0]![
          'default_capacity_provider_strategy'
        ],
      ).toEqual([
        { capacity_provider: 'FARGATE', weight: 1, base: 0 },
        { capacity_provider: 'FARGATE_SPOT', weight: 3, base: 1 },
      ]);
    });
  });

  describe('public entry', () => {
    it('the ALB is internet-facing in the public subnets, drops invalid headers and logs access', () => {
      const [alb] = resourcesOf(prod, 'aws_lb');
      expect(alb).toEqual(
        expect.objectContaining({
          internal: false,
          drop_invalid_header_fields: true,
          subnets: expect.stringMatching(/public_subnet_ids/),
          access_logs: expect.objectContaining({ enabled: true, prefix: 'alb' }),
        }),
      );
    });

    it('the production ALB has deletion protection; dev can delete its own', () => {
      expect(resourcesOf(prod, 'aws_lb')[0]!['enable_deletion_protection']).toBe(true);
      expect(resourcesOf(dev, 'aws_lb')[0]!['enable_deletion_protection']).toBe(false);
    });

    it('the ALB rejects ambiguous requests that could smuggle a second one (desync mitigation strictest)', () => {
      for (const json of [dev, prod])
        expect(resourcesOf(json, 'aws_lb')[0]!['desync_mitigation_mode']).toBe('strictest');
    });

    it('HTTPS uses a TLS 1.2+ policy on the validated certificate; HTTP only redirects', () => {
      const listeners = resourcesOf(prod, 'aws_lb_listener');
      const https = listeners.find((l) => l['port'] === 443)!;
      expect(https).toEqual(
        expect.objectContaining({
          protocol: 'HTTPS',
          ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        }),
      );
      expect(https['certificate_arn']).toMatch(/aws_acm_certificate_validation\./);
      expect(listeners.find((l) => l['port'] === 80)!['default_action']).toEqual([
        expect.objectContaining({
          type: 'redirect',
          redirect: expect.objectContaining({
            protocol: 'HTTPS',
            port: '443',
            status_code: 'HTTP_301',
          }),
        }),
      ]);
      for (const l of listeners.filter((x) => x['protocol'] === 'HTTPS'))
        expect(l['ssl_policy']).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
    });

    it('the default certificate covers the zone apex and its subdomains, so adding a service replaces no certificate', () => {
      expect(resourcesOf(prod, 'aws_acm_certificate')).toEqual([
        expect.objectContaining({
          domain_name: 'acme-platform.example',
          subject_alternative_names: ['*.acme-platform.example'],
          validation_method: 'DNS',
          lifecycle: { create_before_destroy: true },
        }),
      ]);
      const records = resourcesOf(prod, 'aws_route53_record');
      expect(records.every((r) => r['zone_id'] === 'Z0PROD33333333333333')).toBe(true);
      expect(
        records
          .filter((r) => r['type'] === 'A')
          .map((r) => r['name'])
          .sort(),
      ).toEqual(['api.acme-platform.example', 'www.acme-platform.example']);
    });

    it('certificate validation records are addressed without for_each, so a first plan can compute them', () => {
      const validations = resourcesOf(prod, 'aws_route53_record').filter((r) => r['type'] !== 'A');
      expect(validations).toHaveLength(1);
      expect(validations[0]!['for_each']).toBeUndefined();
      expect(validations[0]!['name']).toMatch(
        /^\$\{tolist\(aws_acm_certificate\.[^)]+\.domain_validation_options\)(\.0|\[0\])\.resource_record_name\}$/,
      );
    });

    it('a WAF web ACL with the common, known-bad-inputs and IP-reputation rule groups and a rate limit guards the ALB', () => {
      const [acl] = resourcesOf(prod, 'aws_wafv2_web_acl');
      const rules = acl!['rule'] as Record<string, any>[];
      expect(rules.map((r) => r['statement'].managed_rule_group_statement?.name ?? 'rate')).toEqual(
        [
          'AWSManagedRulesCommonRuleSet',
          'AWSManagedRulesKnownBadInputsRuleSet',
          'AWSManagedRulesAmazonIpReputationList',
          'rate',
        ],
      );
      expect(rules[3]!['statement']).toEqual({
        rate_based_statement: { limit: 1000, aggregate_key_type: 'IP' },
      });
      expect(resourcesOf(prod, 'aws_wafv2_web_acl_association')).toHaveLength(1);
    });

    it('WAF logs never hold the Authorization or Cookie headers of a request', () => {
      for (const json of [dev, prod])
        expect(
          resourcesOf(json, 'aws_wafv2_web_acl_logging_configuration')[0]!['redacted_fields'],
        ).toEqual([
          { single_header: { name: 'authorization' } },
          { single_header: { name: 'cookie' } },
        ]);
    });

    it("WAF logs are encrypted and kept for the environment's log retention", () => {
      for (const [json, name] of [
        [dev, 'dev'],
        [prod, 'prod'],
      ] as const) {
        expect(
          byName(json, 'aws_cloudwatch_log_group', 'name', `aws-waf-logs-${name}-public-alb`),
        ).toEqual(
          expect.objectContaining({
            retention_in_days: environment(name).ecs.logRetentionDays,
            kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\./),
          }),
        );
      }
      expect(environment('prod').ecs.logRetentionDays).toBe(365);
    });

    it('only the ALB takes traffic from the internet (443 and 80); tasks take traffic only from the ALB', () => {
      const ingress = resourcesOf(prod, 'aws_vpc_security_group_ingress_rule');
      expect(
        ingress
          .filter((r) => r['cidr_ipv4'] === '0.0.0.0/0')
          .map((r) => r['from_port'])
          .sort(),
      ).toEqual([443, 80]);
      const taskRules = ingress.filter((r) => String(r['security_group_id']).includes('service-'));
      expect(taskRules).toHaveLength(2);
      for (const r of taskRules) {
        expect(r['referenced_security_group_id']).toMatch(/public_security-group/);
        expect(r['cidr_ipv4']).toBeUndefined();
      }
    });
  });

  describe('services', () => {
    it('task containers have a read-only root, run as non-root, are not privileged, with writable volumes for /tmp and the ECS Exec agent', () => {
      for (const family of ['prod-web', 'prod-api']) {
        const containers = containersOf(prod, family);
        for (const c of containers)
          expect(c).toEqual(
            expect.objectContaining({
              readonlyRootFilesystem: true,
              privileged: false,
              user: '1000:1000',
            }),
          );
        expect(containers[0]!['mountPoints'].map((m: any) => m.containerPath)).toEqual([
          '/tmp',
          '/var/lib/amazon',
          '/var/log/amazon',
        ]);
      }
    });

    it('every container drops all Linux capabilities and runs an init process, sidecars included', () => {
      for (const family of ['prod-web', 'prod-api']) {
        const containers = containersOf(prod, family);
        expect(containers.length).toBeGreaterThan(1);
        for (const c of containers)
          expect({ name: c['name'], linuxParameters: c['linuxParameters'] }).toEqual({
            name: c['name'],
            linuxParameters: { initProcessEnabled: true, capabilities: { drop: ['ALL'] } },
          });
      }
    });

    it("images come from the environment's own registry; secrets are ARNs", () => {
      const [app] = containersOf(prod, 'prod-api');
      expect(app!['image']).toBe('333333333333.dkr.ecr.eu-west-1.amazonaws.com/api:initial');
      expect(app!['secrets']).toEqual([
        {
          name: 'DATABASE_URL',
          valueFrom: 'arn:aws:ssm:eu-west-1:333333333333:parameter/prod/api/database-url',
        },
      ]);
    });

    it('every task runs the OpenTelemetry collector; only services that opt in run the AppConfig agent, addressed by config names', () => {
      expect(containersOf(prod, 'prod-web').map((c) => c['name'])).toEqual([
        'web',
        'otel-collector',
        'appconfig-agent',
      ]);
      expect(containersOf(prod, 'prod-api').map((c) => c['name'])).toEqual([
        'api',
        'otel-collector',
      ]);
      const agent = containersOf(prod, 'prod-web')[2]!;
      expect(agent['environment']).toContainEqual({
        name: 'PREFETCH_LIST',
        value: '/applications/web/environments/prod/configurations/feature-flags',
      });
    });

    it('task and execution roles are distinct, and the logs of each service are encrypted with retention', () => {
      for (const def of resourcesOf(prod, 'aws_ecs_task_definition')) {
        expect(def['task_role_arn']).not.toEqual(def['execution_role_arn']);
      }
      const keys = Object.keys(prod.resource?.['aws_kms_key'] ?? {});
      expect(keys).toHaveLength(1);
      for (const service of ['api', 'web']) {
        expect(
          byName(prod, 'aws_cloudwatch_log_group', 'name', `/platform/prod/ecs/${service}`),
        ).toEqual(
          expect.objectContaining({
            retention_in_days: 365,
            kms_key_id: `\${aws_kms_key.${keys[0]}.arn}`,
          }),
        );
      }
    });

    it('services run in private subnets without public IPs, with ECS Exec off in prod', () => {
      for (const svc of resourcesOf(prod, 'aws_ecs_service')) {
        expect(svc['network_configuration']).toEqual(
          expect.objectContaining({
            assign_public_ip: false,
            subnets: expect.stringMatching(/private_subnet_ids/),
          }),
        );
        expect(svc['enable_execute_command']).toBe(false);
      }
    });

    it('ECS Exec is on where the environment enables it (dev)', () => {
      for (const svc of resourcesOf(dev, 'aws_ecs_service')) {
        expect(svc['enable_execute_command']).toBe(true);
      }
    });

    it('the rolling service rolls back on the circuit breaker and on its alarms, and scales on requests too', () => {
      const api = byName(prod, 'aws_ecs_service', 'name', 'api')!;
      expect(api['deployment_controller']).toEqual({ type: 'ECS' });
      expect(api['deployment_circuit_breaker']).toEqual({ enable: true, rollback: true });
      expect(api['alarms']).toEqual({
        alarm_names: [
          expect.stringMatching(/service-api_alarms_error-rate.*alarm_name/),
          expect.stringMatching(/service-api_alarms_p99-latency.*alarm_name/),
        ],
        enable: true,
        rollback: true,
      });
      const policies = resourcesOf(prod, 'aws_appautoscaling_policy').map((p) => p['name']);
      expect(policies.sort()).toEqual([
        'prod-api-cpu',
        'prod-api-memory',
        'prod-api-requests',
        'prod-web-cpu',
        'prod-web-memory',
      ]);
    });

    it('the blue-green service is deployed by CodeDeploy: two target groups, production and test rules, canary config, rollback on failure and alarm', () => {
      const web = byName(prod, 'aws_ecs_service', 'name', 'web')!;
      expect(web['deployment_controller']).toEqual({ type: 'CODE_DEPLOY' });
      expect(web['lifecycle']).toEqual({
        ignore_changes: [
          'desired_count',
          'task_definition',
          'load_balancer',
          'capacity_provider_strategy',
        ],
      });
      expect(
        resourcesOf(prod, 'aws_lb_target_group')
          .map((t) => t['name'])
          .sort(),
      ).toEqual(['prod-api', 'prod-web-blue', 'prod-web-green']);
      const webRules = resourcesOf(prod, 'aws_lb_listener_rule').filter((r) =>
        JSON.stringify(r['condition']).includes('www.'),
      );
      expect(webRules).toHaveLength(2);
      for (const rule of webRules)
        expect(rule['lifecycle']).toEqual({ ignore_changes: ['action'] });
      const [production, test] = webRules as [Record<string, any>, Record<string, any>];
      expect(production['listener_arn']).toMatch(/public_https_/);
      expect(production['action'][0].target_group_arn).toMatch(/target-group-blue/);
      expect(test['listener_arn']).toMatch(/public_test_/);
      expect(test['action'][0].target_group_arn).toMatch(/target-group-green/);
      const [group] = resourcesOf(prod, 'aws_codedeploy_deployment_group');
      expect(group).toEqual(
        expect.objectContaining({
          deployment_group_name: 'prod-web',
          deployment_config_name: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
          auto_rollback_configuration: {
            enabled: true,
            events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'],
          },
          alarm_configuration: {
            enabled: true,
            alarms: [
              expect.stringMatching(/service-web_alarms_error-rate.*alarm_name/),
              expect.stringMatching(/service-web_alarms_p99-latency.*alarm_name/),
            ],
          },
        }),
      );
      expect(group!['blue_green_deployment_config']).toEqual(
        expect.objectContaining({
          terminate_blue_instances_on_deployment_success: {
            action: 'TERMINATE',
            termination_wait_time_in_minutes: 60,
          },
        }),
      );
    });

    it('each service has 5xx, p99 latency, unhealthy-host, CPU and memory alarms to the alerting topic, over both target groups for blue-green', () => {
      const alarms = resourcesOf(prod, 'aws_cloudwatch_metric_alarm');
      expect(alarms.map((a) => a['alarm_name']).sort()).toEqual(
        ['cpu', 'memory', '5xx-rate', 'p99-latency', 'unhealthy-hosts']
          .flatMap((k) => [`prod-api-${k}`, `prod-web-${k}`])
          .sort(),
      );
      for (const a of alarms)
        expect(a['alarm_actions']).toEqual([expect.stringMatching(/alerting-state.*topic_arn/)]);
      const webErrors = byName(
        prod,
        'aws_cloudwatch_metric_alarm',
        'alarm_name',
        'prod-web-5xx-rate',
      )!;
      expect((webErrors['metric_query'] as any[]).find((q) => q.id === 'rate').expression).toBe(
        '100 * (FILL(e0, 0) + FILL(e1, 0)) / (FILL(r0, 0) + FILL(r1, 0))',
      );
    });
  });

  it('the contract lists each service with its strategy, target groups, alarms and CodeDeploy names', () => {
    const value = String(prod.output?.['services']?.['value']);
    expect(value).toMatch(/^\$\{jsonencode\(/);
    expect(value).toContain('"codeDeployDeploymentGroup" = "prod-web"');
    expect(value).toContain('"targetGroupNames" = ["prod-web-blue", "prod-web-green"]');
    expect(value).toContain(
      '"alarms" = {"errorRate" = "prod-api-5xx-rate", "latency" = "prod-api-p99-latency", "unhealthyHosts" = "prod-api-unhealthy-hosts", "cpu" = "prod-api-cpu", "memory" = "prod-api-memory"}',
    );
  });

  it('a service added as one more block gets its own task, service, target group, rule, alarms and scaling', () => {
    const dev = environment('dev');
    const worker = {
      ...dev.services.find((s) => s.name === 'api')!,
      name: 'worker',
      repository: 'worker',
      route: { path: '/jobs/*' },
      cpu: 256,
      memoryMiB: 512,
    };
    const json = synthJson(
      new EcsStack(new App(), { ...dev, services: [...dev.services, worker] }),
    );
    expect(byName(json, 'aws_ecs_service', 'name', 'worker')).toBeDefined();
    expect(byName(json, 'aws_ecs_task_definition', 'family', 'dev-worker')).toEqual(
      expect.objectContaining({ cpu: '256', memory: '512' }),
    );
    expect(byName(json, 'aws_lb_target_group', 'name', 'dev-worker')).toBeDefined();
    // priorities come from the names: the new service renumbers no other rule
    expect(
      resourcesOf(json, 'aws_lb_listener_rule')
        .map((r) => r['priority'] as number)
        .sort((a, b) => a - b),
    ).toEqual(
      [
        derivedRulePriority('api'),
        derivedRulePriority('web'),
        derivedRulePriority('web'),
        derivedRulePriority('worker'),
      ].sort((a, b) => a - b),
    );
    expect(
      resourcesOf(json, 'aws_cloudwatch_metric_alarm').filter((a) =>
        String(a['alarm_name']).startsWith('dev-worker-'),
      ),
    ).toHaveLength(5);
  });

  it('publishes the ECS contract for delivery and observability', () => {
    expect(Object.keys(prod.output ?? {}).sort()).toEqual([
      'alb_arn',
      'alb_arn_suffix',
      'alb_dns_name',
      'cluster_arn',
      'cluster_name',
      'https_listener_arn',
      'service_names',
      'services',
      'test_listener_arn',
      'web_acl_name',
    ]);
  });

  it('passes the policy pack through the synth users run, with only the reasoned ALB exceptions', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'platform-ecs-')), 'ecs');
    const result = synthFamily(
      'ecs',
      { aws: (app, env) => new EcsStack(app, env) },
      {
        environments: environments(),
        outdir,
      },
    );
    for (const stack of ['ecs-dev', 'ecs-staging', 'ecs-prod']) {
      expect(
        (result.suppressions[stack] ?? []).map(
          (s) => `${s.rule} ${s.path.split('/').slice(1).join('/')}`,
        ),
      ).toEqual([
        'PLT-S3-KMS public/access-logs/bucket',
        'PLT-SG-NO-OPEN-INGRESS public/ingress-443',
        'PLT-SG-NO-OPEN-INGRESS public/ingress-80',
      ]);
    }
  });

  describe('partitions', () => {
    const statementsOf = (json: StackJson, sid: string) =>
      Object.values(json.data?.['aws_iam_policy_document'] ?? {})
        .flatMap((d) => (d['statement'] as Record<string, unknown>[]) ?? [])
        .filter((st) => st['sid'] === sid);

    it('a China environment (cn-north-1) names only aws-cn ARNs and pulls from the .com.cn registry', () => {
      const json = synthJson(new EcsStack(new App(), environmentsIn('cn-north-1')[0]!));
      expect(arnPartitionsOf(json)).toEqual(['aws-cn']);
      const [web] = containersOf(json, 'dev-web');
      expect(web!['image']).toBe('111111111111.dkr.ecr.cn-north-1.amazonaws.com.cn/web:initial');
    });

    it('a GovCloud environment (us-gov-west-1) names only aws-us-gov ARNs', () => {
      const json = synthJson(new EcsStack(new App(), environmentsIn('us-gov-west-1')[2]!));
      expect(arnPartitionsOf(json)).toEqual(['aws-us-gov']);
    });

    it("ALB access logs are written by the region's ELB account in regions opened before August 2022", () => {
      expect(Object.keys(dev.data?.['aws_elb_service_account'] ?? {})).toHaveLength(1);
      expect(statementsOf(dev, 'LoadBalancerLogDelivery')[0]!['principals']).toEqual([
        {
          type: 'AWS',
          identifiers: [expect.stringMatching(/^\$\{data\.aws_elb_service_account\./)],
        },
      ]);
    });

    it('and by the log-delivery service principal in regions opened since (eu-central-2, 2022-11)', () => {
      const json = synthJson(new EcsStack(new App(), environmentsIn('eu-central-2')[0]!));
      expect(json.data?.['aws_elb_service_account']).toBeUndefined();
      expect(statementsOf(json, 'LoadBalancerLogDelivery')[0]!['principals']).toEqual([
        { type: 'Service', identifiers: ['logdelivery.elasticloadbalancing.amazonaws.com'] },
      ]);
    });
  });
});
