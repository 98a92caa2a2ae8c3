import { DORA_DETAIL_TYPES, DORA_EVENT_SOURCE } from '@platform/config';
import { synthFamily } from '@platform/core';
import {
  environment,
  environments,
  resourcesOf,
  synthJson,
  type StackJson,
} from '@platform/testing';
import { App } from 'cdktf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ObservabilityStack } from './observability-stack';

const synth = (name: string) =>
  synthJson(new ObservabilityStack(new App(), environment(name), environments()));
const byName = (json: StackJson, type: string, key: string, value: string) =>
  resourcesOf(json, type).find((r) => r[key] === value);
type Widget = {
  type: string;
  x: number;
  y: number;
  width: number;
  properties: Record<string, any>;
};
const dashboard = (json: StackJson, name: string) =>
  JSON.parse(
    String(byName(json, 'aws_cloudwatch_dashboard', 'dashboard_name', name)!['dashboard_body']),
  ) as { widgets: Widget[] };
const titled = (body: { widgets: Widget[] }, title: string) =>
  body.widgets.find((w) => w.properties['title'] === title)!;
const policyOf = (json: StackJson, reference: unknown) => {
  const name = /data\.aws_iam_policy_document\.([^.]+)\.json/.exec(String(reference))![1]!;
  return json.data!['aws_iam_policy_document']![name]!['statement'] as Record<string, any>[];
};
const remote = (family: string, output: string) =>
  `data.terraform_remote_state.${family}-state.outputs.${output}`;

describe('observability stack', () => {
  const dev = synth('dev');
  const staging = synth('staging');
  const prod = synth('prod');

  describe('dashboards', () => {
    it('one per ECS service, an overview and a DORA dashboard per environment', () => {
      expect(
        resourcesOf(prod, 'aws_cloudwatch_dashboard')
          .map((d) => d['dashboard_name'])
          .sort(),
      ).toEqual(['prod-api', 'prod-dora', 'prod-overview', 'prod-web']);
    });

    it('a service dashboard shows requests, 5xx, p50/p90/p99 over blue and green, CPU/memory, running vs desired tasks, alarms', () => {
      const web = dashboard(prod, 'prod-web');
      expect(web.widgets.map((w) => w.properties['title'] ?? w.type)).toEqual([
        'text',
        'ALB requests',
        '5xx responses from the tasks',
        'Target response time p50 / p90 / p99',
        'ECS CPU and memory',
        'Running vs desired tasks',
        'Alarms',
      ]);
      const services = `jsondecode(${remote('ecs', 'services')})`;
      expect(titled(web, 'ALB requests').properties['metrics']).toEqual([
        [
          'AWS/ApplicationELB',
          'RequestCount',
          'LoadBalancer',
          `\${${remote('ecs', 'alb_arn_suffix')}}`,
          'TargetGroup',
          `\${${services}.web.targetGroupArnSuffixes.0}`,
          { stat: 'Sum', label: 'requests (blue)' },
        ],
        [
          'AWS/ApplicationELB',
          'RequestCount',
          'LoadBalancer',
          `\${${remote('ecs', 'alb_arn_suffix')}}`,
          'TargetGroup',
          `\${${services}.web.targetGroupArnSuffixes.1}`,
          { stat: 'Sum', label: 'requests (green)' },
        ],
      ]);
      const latency = titled(web, 'Target response time p50 / p90 / p99').properties['metrics'];
      expect(latency.map((m: any[]) => m.at(-1).label)).toEqual([
        'p50 (blue)',
        'p50 (green)',
        'p90 (blue)',
        'p90 (green)',
        'p99 (blue)',
        'p99 (green)',
      ]);
      expect(
        titled(web, 'Running vs desired tasks').properties['metrics'].map((m: any[]) => m[1]),
      ).toEqual(['RunningTaskCount', 'DesiredTaskCount']);
      expect(titled(web, 'Alarms').properties['alarms']).toHaveLength(6);
    });

    it('a rolling service has one target group per graph', () => {
      const api = dashboard(prod, 'prod-api');
      expect(
        titled(api, 'Target response time p50 / p90 / p99').properties['metrics'].map(
          (m: any[]) => m.at(-1).label,
        ),
      ).toEqual(['p50 (main)', 'p90 (main)', 'p99 (main)']);
    });

    it('the overview shows alarm states, EKS nodes and pods, NAT errors per gateway and WAF blocks', () => {
      const overview = dashboard(prod, 'prod-overview');
      expect(overview.widgets.map((w) => w.properties['title'] ?? w.type)).toEqual([
        'text',
        'Alarm states',
        'EKS nodes',
        'EKS pods',
        'EKS node CPU and memory',
        'NAT gateway errors',
        'WAF blocked requests',
        'Public ALB 5xx',
      ]);
      expect(titled(overview, 'EKS nodes').properties['metrics'][0]).toEqual([
        'ContainerInsights',
        'cluster_node_count',
        'ClusterName',
        `\${${remote('eks', 'cluster_name')}}`,
        { stat: 'Maximum', label: 'nodes' },
      ]);
      const nat = titled(overview, 'NAT gateway errors').properties['metrics'];
      expect(nat.filter((m: any[]) => m[1] === 'ErrorPortAllocation')).toHaveLength(3);
      expect(nat[0][3]).toBe(`\${element(${remote('network', 'nat_gateway_ids')}, 0)}`);
      expect(titled(overview, 'WAF blocked requests').properties['metrics'][0].slice(0, 8)).toEqual(
        [
          'AWS/WAFV2',
          'BlockedRequests',
          'WebACL',
          `\${${remote('ecs', 'web_acl_name')}}`,
          'Region',
          'eu-west-1',
          'Rule',
          'ALL',
        ],
      );
      // 2 services x (composite + 5) + 3 NAT + WAF
      expect(titled(overview, 'Alarm states').properties['alarms']).toHaveLength(16);
      expect(
        titled(dashboard(dev, 'dev-overview'), 'NAT gateway errors').properties['metrics'],
      ).toHaveLength(2);
    });

    it('the DORA dashboard shows the four numbers', () => {
      const dora = dashboard(prod, 'prod-dora');
      expect(dora.widgets.map((w) => w.properties['title'] ?? w.type)).toEqual([
        'text',
        'Deployment frequency (deployments per day)',
        'Lead time for changes (commit to deploy)',
        'Change failure rate (failed deployments, % per week)',
        'Restores of a degraded service (per day)',
        'Time to restore per incident (minutes)',
        'Lead time per commit SHA',
        'Deployments per day and service',
      ]);
      expect(titled(dora, 'Time to restore per incident (minutes)').properties['query']).toMatch(
        /^SOURCE '\/platform\/prod\/dora\/events' \| filter source = "aws.cloudwatch"/,
      );
    });

    it('every widget the README promises (bold in its Dashboards section) is on a synthesized dashboard', () => {
      const readme = readFileSync(
        join(__dirname, '..', '..', '..', '..', 'apps', 'observability', 'README.md'),
        'utf8',
      );
      const section = readme.split('## Dashboards')[1]!.split('\n## ')[0]!;
      const promised = [...section.matchAll(/\*\*([\s\S]+?)\*\*/g)]
        .map((m) => m[1]!.replace(/\s+/g, ' '))
        .filter((t) => !t.includes('`'));
      const titles = resourcesOf(prod, 'aws_cloudwatch_dashboard').flatMap((d) =>
        (JSON.parse(String(d['dashboard_body'])) as { widgets: Widget[] }).widgets.map(
          (w) => w.properties['title'],
        ),
      );
      expect(promised.length).toBeGreaterThan(10);
      expect(promised.filter((t) => !titles.includes(t))).toEqual([]);
    });

    it('lays widgets out on the 24-column grid and writes the same bodies on every synth', () => {
      for (const w of dashboard(prod, 'prod-web').widgets)
        expect(w.x + w.width).toBeLessThanOrEqual(24);
      const again = synth('prod');
      expect(resourcesOf(again, 'aws_cloudwatch_dashboard')).toEqual(
        resourcesOf(prod, 'aws_cloudwatch_dashboard'),
      );
    });
  });

  describe('alarms', () => {
    it('a composite alarm per service pages when a user-facing symptom is confirmed by a second one', () => {
      const web = byName(
        prod,
        'aws_cloudwatch_composite_alarm',
        'alarm_name',
        'prod-web-degraded',
      )!;
      const alarm = (key: string) =>
        `ALARM("\${jsondecode(${remote('ecs', 'services')}).web.alarms.${key}}")`;
      expect(web['alarm_rule']).toBe(
        `(${alarm('errorRate')} AND ${alarm('latency')}) OR ((${alarm('errorRate')} OR ${alarm('latency')}) AND (${alarm('unhealthyHosts')} OR ${alarm('cpu')} OR ${alarm('memory')}))`,
      );
      expect(web).toEqual(
        expect.objectContaining({
          alarm_actions: [`\${${remote('alerting', 'topic_arn')}}`],
          ok_actions: [`\${${remote('alerting', 'topic_arn')}}`],
          alarm_description: expect.stringContaining('Check first'),
        }),
      );
    });

    it('alarms on NAT port-allocation errors per gateway and on WAF block spikes, with thresholds from config', () => {
      const alarms = resourcesOf(prod, 'aws_cloudwatch_metric_alarm');
      expect(alarms.map((a) => a['alarm_name'])).toEqual([
        'prod-nat-0-port-allocation-errors',
        'prod-nat-1-port-allocation-errors',
        'prod-nat-2-port-allocation-errors',
        'prod-waf-blocked-requests-spike',
      ]);
      expect(alarms[3]).toEqual(
        expect.objectContaining({
          namespace: 'AWS/WAFV2',
          threshold: 1000,
          dimensions: {
            WebACL: `\${${remote('ecs', 'web_acl_name')}}`,
            Region: 'eu-west-1',
            Rule: 'ALL',
          },
        }),
      );
      for (const alarm of alarms)
        expect(alarm['alarm_description']).toEqual(expect.stringContaining('Check first'));
      expect(
        byName(dev, 'aws_cloudwatch_metric_alarm', 'namespace', 'AWS/WAFV2')!['threshold'],
      ).toBe(500);
    });

    it('the pipeline account alerts the topic when a <service>-release pipeline fails, with what to check first', () => {
      const rule = byName(dev, 'aws_cloudwatch_event_rule', 'name', 'dev-release-pipeline-failed')!;
      expect(String(rule['description']).length).toBeLessThanOrEqual(512);
      expect(JSON.parse(String(rule['event_pattern']))).toEqual({
        source: ['aws.codepipeline'],
        'detail-type': ['CodePipeline Pipeline Execution State Change'],
        detail: { pipeline: ['api-release', 'web-release'], state: ['FAILED'] },
      });
      const target = resourcesOf(dev, 'aws_cloudwatch_event_target').find(
        (t) => t['target_id'] === 'alerting-topic',
      )!;
      expect(target['arn']).toBe(`\${${remote('alerting', 'topic_arn')}}`);
      expect(JSON.parse(String((target['input_transformer'] as any)['input_template']))).toMatch(
        /^Release pipeline <pipeline> failed .*Check first/,
      );
      for (const other of [staging, prod])
        expect(
          byName(other, 'aws_cloudwatch_event_rule', 'name', 'staging-release-pipeline-failed'),
        ).toBeUndefined();
    });
  });

  describe('tracing', () => {
    it('samples each service at the environment rate, never samples health checks, and has fault and slow groups', () => {
      const rules = resourcesOf(prod, 'aws_xray_sampling_rule');
      expect(byName(prod, 'aws_xray_sampling_rule', 'rule_name', 'prod-web')).toEqual(
        expect.objectContaining({ service_name: 'web', fixed_rate: 0.05, reservoir_size: 1 }),
      );
      expect(byName(dev, 'aws_xray_sampling_rule', 'rule_name', 'dev-web')).toEqual(
        expect.objectContaining({ fixed_rate: 0.5, reservoir_size: 5 }),
      );
      expect(byName(prod, 'aws_xray_sampling_rule', 'rule_name', 'prod-web-probe')).toEqual(
        expect.objectContaining({ url_path: '/healthz', fixed_rate: 0, reservoir_size: 0 }),
      );
      for (const probe of rules.filter((r) => String(r['rule_name']).endsWith('-probe')))
        expect(probe['priority']).toBeLessThan(
          byName(prod, 'aws_xray_sampling_rule', 'rule_name', 'prod-web')!['priority'] as number,
        );
      expect(
        resourcesOf(prod, 'aws_xray_group').map((g) => [g['group_name'], g['filter_expression']]),
      ).toEqual([
        ['prod-faults', 'fault = true'],
        ['prod-slow', 'responsetime > 2'],
      ]);
    });

    it('encrypts traces with a customer-managed key', () => {
      const [config] = resourcesOf(prod, 'aws_xray_encryption_config');
      expect(config).toEqual(
        expect.objectContaining({
          type: 'KMS',
          key_id: expect.stringMatching(/^\$\{aws_kms_key\./),
        }),
      );
    });
  });

  describe('DORA metrics', () => {
    const group = (json: StackJson) => resourcesOf(json, 'aws_cloudwatch_log_group')[0]!;
    const pattern = (json: StackJson, name: string) =>
      JSON.parse(String(byName(json, 'aws_cloudwatch_event_rule', 'name', name)!['event_pattern']));

    it('keeps deployment, commit and incident events in an encrypted log group with retention from config', () => {
      expect(group(prod)).toEqual(
        expect.objectContaining({
          name: '/platform/prod/dora/events',
          retention_in_days: 731,
          kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\./),
        }),
      );
      expect(pattern(prod, 'prod-dora-commit-events')).toEqual({
        source: [DORA_EVENT_SOURCE],
        'detail-type': [DORA_DETAIL_TYPES.commitDeployed],
        detail: { environment: ['prod'] },
      });
      expect(pattern(prod, 'prod-dora-codedeploy-deployments')['source']).toEqual([
        'aws.codedeploy',
      ]);
      expect(pattern(prod, 'prod-dora-ecs-deployments')['detail-type']).toEqual([
        'ECS Deployment State Change',
      ]);
      expect(pattern(prod, 'prod-dora-incident-alarms')['detail']).toEqual({
        alarmName: ['prod-api-degraded', 'prod-web-degraded'],
      });
      expect(pattern(dev, 'dev-dora-pipeline-executions')['detail']).toEqual({
        pipeline: ['api-release', 'web-release'],
      });
      expect(
        byName(prod, 'aws_cloudwatch_event_rule', 'name', 'prod-dora-pipeline-executions'),
      ).toBeUndefined();
    });

    it('lets only its own rules write to the log group (events.amazonaws.com, aws:SourceArn)', () => {
      const [policy] = resourcesOf(prod, 'aws_cloudwatch_log_resource_policy');
      const [statement] = policyOf(prod, policy!['policy_document']);
      expect(statement).toEqual(
        expect.objectContaining({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          principals: [
            {
              type: 'Service',
              identifiers: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'],
            },
          ],
        }),
      );
      expect(statement!['condition'][0]).toEqual({
        test: 'ArnEquals',
        variable: 'aws:SourceArn',
        values: [
          'arn:aws:events:eu-west-1:333333333333:rule/prod-dora-codedeploy-deployments',
          'arn:aws:events:eu-west-1:333333333333:rule/prod-dora-commit-events',
          'arn:aws:events:eu-west-1:333333333333:rule/prod-dora-ecs-deployments',
          'arn:aws:events:eu-west-1:333333333333:rule/prod-dora-incident-alarms',
        ],
      });
      const names = resourcesOf(prod, 'aws_cloudwatch_event_rule')
        .filter((r) => String(r['name']).startsWith('prod-dora-'))
        .map((r) => `arn:aws:events:eu-west-1:333333333333:rule/${r['name']}`)
        .sort();
      expect(statement!['condition'][0].values).toEqual(names);
    });

    it('metric filters publish deployments, lead time, deployment outcomes and restores; saved queries compute the four numbers', () => {
      expect(
        resourcesOf(prod, 'aws_cloudwatch_log_metric_filter')
          .map((f) => (f['metric_transformation'] as any).name)
          .sort(),
      ).toEqual([
        'Deployments',
        'DeploymentsFailed',
        'DeploymentsSucceeded',
        'LeadTimeSeconds',
        'ServiceRestores',
      ]);
      expect(
        byName(prod, 'aws_cloudwatch_log_metric_filter', 'name', 'prod-dora-lead-time')![
          'metric_transformation'
        ],
      ).toEqual(expect.objectContaining({ value: '$.detail.leadTimeSeconds', unit: 'Seconds' }));
      expect(
        resourcesOf(prod, 'aws_cloudwatch_query_definition')
          .map((q) => q['name'])
          .sort(),
      ).toEqual([
        'DORA/prod/change-failure-rate',
        'DORA/prod/deployment-frequency',
        'DORA/prod/lead-time-per-commit',
        'DORA/prod/lead-time-summary',
        'DORA/prod/time-to-restore',
      ]);
      expect(
        String(
          byName(
            prod,
            'aws_cloudwatch_query_definition',
            'name',
            'DORA/prod/lead-time-per-commit',
          )!['query_string'],
        ),
      ).toContain('by service, commitSha');
    });

    it('the pipeline account forwards each environment its Commit Deployed events through a role limited to those buses', () => {
      const targets = resourcesOf(dev, 'aws_cloudwatch_event_target').filter((t) =>
        String(t['arn']).includes(':event-bus/'),
      );
      expect(targets.map((t) => t['arn']).sort()).toEqual([
        'arn:aws:events:eu-west-1:222222222222:event-bus/default',
        'arn:aws:events:eu-west-1:333333333333:event-bus/default',
      ]);
      for (const t of targets) expect(t['role_arn']).toMatch(/^\$\{aws_iam_role\./);
      expect(pattern(dev, 'dev-dora-to-prod')).toEqual({
        source: [DORA_EVENT_SOURCE],
        'detail-type': [DORA_DETAIL_TYPES.commitDeployed],
        detail: { environment: ['prod'] },
      });
      const [rolePolicy] = resourcesOf(dev, 'aws_iam_role_policy');
      expect(policyOf(dev, rolePolicy!['policy'])).toEqual([
        expect.objectContaining({
          actions: ['events:PutEvents'],
          resources: [
            'arn:aws:events:eu-west-1:222222222222:event-bus/default',
            'arn:aws:events:eu-west-1:333333333333:event-bus/default',
          ],
        }),
      ]);
      expect(resourcesOf(dev, 'aws_cloudwatch_event_bus_policy')).toEqual([]);
    });

    it("every other environment lets exactly the pipeline account's forwarder role put delivery events on its default bus", () => {
      for (const [json, account] of [
        [staging, '222222222222'],
        [prod, '333333333333'],
      ] as const) {
        const [bus] = resourcesOf(json, 'aws_cloudwatch_event_bus_policy');
        expect(bus!['event_bus_name']).toBe('default');
        expect(policyOf(json, bus!['policy'])).toEqual([
          expect.objectContaining({
            actions: ['events:PutEvents'],
            resources: [`arn:aws:events:eu-west-1:${account}:event-bus/default`],
            principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111111111111:root'] }],
            condition: [
              { test: 'StringEquals', variable: 'events:source', values: [DORA_EVENT_SOURCE] },
              {
                test: 'ArnEquals',
                variable: 'aws:PrincipalArn',
                values: ['arn:aws:iam::111111111111:role/dev-dora-forwarder'],
              },
            ],
          }),
        ]);
        expect(resourcesOf(json, 'aws_iam_role')).toEqual([]);
      }
    });
  });

  it('passes the policy pack through the synth users run, with no suppression', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'platform-observability-')), 'observability');
    const result = synthFamily(
      'observability',
      { aws: (app, env, all) => new ObservabilityStack(app, env, all) },
      { environments: environments(), outdir },
    );
    expect(result.stacks).toEqual([
      'observability-dev',
      'observability-staging',
      'observability-prod',
    ]);
    expect(Object.values(result.suppressions).flat()).toEqual([]);
  });
});
