import { PLATFORM_RULES } from '@platform/policy';
import {
  environmentWith,
  environments,
  resourcesOf,
  synthJson,
  type StackJson,
} from '@platform/testing';
import { optionalSection, synthFamily } from '@platform/core';
import { App } from 'cdktf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaselineStack } from './baseline-stack';
import { CIS_ALARMS } from './cis-alarms';
import { MANAGED_CONFIG_RULES } from './config-rules';
import { serviceLinkedRoleArn } from './service-linked-roles';

const synth = (name: string) =>
  synthJson(new BaselineStack(new App(), environmentWith(name, 'baseline')));
const TOPIC = '${data.terraform_remote_state.alerting-state.outputs.topic_arn}';

type PolicyStatement = {
  sid?: string;
  actions?: string[];
  resources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  condition?: { test: string; variable: string; values: string[] }[];
};

/** The statements of the policy document a `${data.aws_iam_policy_document.X.json}` reference points to. */
function statementsOf(json: StackJson, reference: unknown): PolicyStatement[] {
  const name = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(String(reference))?.[1];
  const document = name ? json.data?.['aws_iam_policy_document']?.[name] : undefined;
  if (!document) throw new Error(`no policy document behind ${String(reference)}`);
  return document['statement'] as PolicyStatement[];
}
const bySid = (statements: PolicyStatement[], sid: string) => {
  const found = statements.find((s) => s.sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
};
const conditionsOf = (s: PolicyStatement) =>
  Object.fromEntries((s.condition ?? []).map((c) => [c.variable, c.values]));
const keyWithAlias = (json: StackJson, alias: string) => {
  const aliasResource = resourcesOf(json, 'aws_kms_alias').find((a) => a['name'] === alias);
  const keyName = /^\$\{aws_kms_key\.([^.]+)\.key_id\}$/.exec(
    String(aliasResource?.['target_key_id']),
  )?.[1];
  return json.resource?.['aws_kms_key']?.[keyName ?? ''] as Record<string, unknown>;
};

describe('baseline stack', () => {
  const dev = synth('dev');
  const prod = synth('prod');

  describe('audit trail', () => {
    it('prod has one multi-region trail with log-file validation, our key and CloudWatch delivery', () => {
      expect(resourcesOf(prod, 'aws_cloudtrail')).toEqual([
        expect.objectContaining({
          name: 'prod-audit',
          is_multi_region_trail: true,
          include_global_service_events: true,
          enable_log_file_validation: true,
          kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.audit-store_key/),
          cloud_watch_logs_group_arn: expect.stringMatching(
            /^\$\{aws_cloudwatch_log_group\.audit-trail_log-group.*\.arn\}:\*$/,
          ),
          depends_on: [expect.stringMatching(/^aws_s3_bucket_policy\.audit-store_bucket_policy/)],
        }),
      ]);
    });

    it("the audit key lets CloudTrail encrypt only for this account's trail, and logs and Config use it", () => {
      const statements = statementsOf(prod, keyWithAlias(prod, 'alias/prod-audit')['policy']);
      expect(conditionsOf(bySid(statements, 'CloudTrailEncryptLogs'))).toEqual({
        'aws:SourceArn': ['arn:aws:cloudtrail:eu-west-1:333333333333:trail/prod-audit'],
        'kms:EncryptionContext:aws:cloudtrail:arn': ['arn:aws:cloudtrail:*:333333333333:trail/*'],
      });
      expect(bySid(statements, 'CloudWatchLogs').principals).toEqual([
        { type: 'Service', identifiers: ['logs.eu-west-1.amazonaws.com'] },
      ]);
      expect(conditionsOf(bySid(statements, 'ConfigDeliveries'))).toEqual({
        'aws:SourceAccount': ['333333333333'],
      });
    });

    it('the audit bucket lets CloudTrail and Config write only under AWSLogs/<account>/, from this account', () => {
      const [policy] = resourcesOf(prod, 'aws_s3_bucket_policy');
      const statements = statementsOf(prod, policy?.['policy']);
      const trailWrite = bySid(statements, 'CloudTrailWrite');
      expect(trailWrite.resources).toEqual([
        'arn:aws:s3:::prod-audit-logs-333333333333/AWSLogs/333333333333/*',
      ]);
      expect(conditionsOf(trailWrite)).toEqual({
        'aws:SourceArn': ['arn:aws:cloudtrail:eu-west-1:333333333333:trail/prod-audit'],
        's3:x-amz-acl': ['bucket-owner-full-control'],
      });
      const configWrite = bySid(statements, 'ConfigWrite');
      expect(configWrite.resources).toEqual([
        'arn:aws:s3:::prod-audit-logs-333333333333/AWSLogs/333333333333/Config/*',
      ]);
      expect(conditionsOf(configWrite)['aws:SourceAccount']).toEqual(['333333333333']);
      expect(bySid(statements, 'DenyInsecureTransport')).toBeDefined();
    });

    it('audit logs move to Standard-IA, then Glacier, and expire after the configured retention', () => {
      const [lifecycle] = resourcesOf(prod, 'aws_s3_bucket_lifecycle_configuration');
      expect(lifecycle?.['rule']).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: 'age-out-current-objects',
            transition: [
              { days: 30, storage_class: 'STANDARD_IA' },
              { days: 90, storage_class: 'GLACIER' },
            ],
            expiration: [{ days: 2557 }],
          }),
        ]),
      );
    });

    it('the trail records every read and write of the Terraform state bucket', () => {
      const [trail] = resourcesOf(prod, 'aws_cloudtrail');
      expect(trail!['event_selector']).toEqual([
        expect.objectContaining({
          include_management_events: true,
          read_write_type: 'All',
          data_resource: [
            { type: 'AWS::S3::Object', values: ['arn:aws:s3:::acme-platform-tfstate-prod/'] },
          ],
        }),
      ]);
    });

    it('every new audit log version is locked in governance mode for the configured days, without replacing the bucket', () => {
      const [bucket] = resourcesOf(prod, 'aws_s3_bucket').filter((b) =>
        String(b['bucket']).startsWith('prod-audit-logs'),
      );
      expect(bucket).not.toHaveProperty('object_lock_enabled');
      expect(resourcesOf(prod, 'aws_s3_bucket_object_lock_configuration')).toEqual([
        expect.objectContaining({
          object_lock_enabled: 'Enabled',
          rule: { default_retention: { mode: 'GOVERNANCE', days: 365 } },
        }),
      ]);
      expect(resourcesOf(dev, 'aws_s3_bucket_object_lock_configuration')[0]!['rule']).toEqual({
        default_retention: { mode: 'GOVERNANCE', days: 30 },
      });
    });

    it('prod protects the audit bucket and key from destroy; dev does not', () => {
      expect(resourcesOf(prod, 'aws_s3_bucket')[0]?.['lifecycle']).toEqual({
        prevent_destroy: true,
      });
      expect(keyWithAlias(prod, 'alias/prod-audit')['lifecycle']).toEqual({
        prevent_destroy: true,
      });
      expect(resourcesOf(dev, 'aws_s3_bucket')[0]?.['lifecycle']).toBeUndefined();
    });

    it('the trail log group is encrypted with the audit key and keeps events for the configured days', () => {
      expect(resourcesOf(prod, 'aws_cloudwatch_log_group')).toEqual([
        expect.objectContaining({
          name: '/platform/prod/cloudtrail',
          retention_in_days: 365,
          kms_key_id: expect.stringMatching(/audit-store_key/),
        }),
      ]);
    });

    it('every CIS check has a metric filter on the trail log group and an alarm that notifies the alerting topic', () => {
      const filters = resourcesOf(prod, 'aws_cloudwatch_log_metric_filter');
      const alarms = resourcesOf(prod, 'aws_cloudwatch_metric_alarm');
      expect(filters).toHaveLength(CIS_ALARMS.length);
      expect(alarms).toHaveLength(CIS_ALARMS.length);
      for (const filter of filters)
        expect(filter['log_group_name']).toMatch(/audit-trail_log-group.*\.name\}$/);
      for (const alarm of alarms) {
        expect(alarm).toEqual(
          expect.objectContaining({
            alarm_actions: [TOPIC],
            namespace: 'Platform/prod/CISBenchmark',
            treat_missing_data: 'notBreaching',
          }),
        );
      }
      const thresholds = Object.fromEntries(alarms.map((a) => [a['alarm_name'], a['threshold']]));
      expect(thresholds['prod-cis-root-usage']).toBe(1);
      expect(thresholds['prod-cis-unauthorized-api-calls']).toBe(10);
      expect(alarms.map((a) => a['alarm_name'])).toEqual(
        expect.arrayContaining([
          'prod-cis-root-usage',
          'prod-cis-iam-policy-changes',
          'prod-cis-console-signin-without-mfa',
          'prod-cis-cloudtrail-changes',
          'prod-cis-security-group-changes',
          'prod-cis-nacl-changes',
        ]),
      );
    });
  });

  describe('threat detection', () => {
    const features = (json: StackJson) =>
      Object.fromEntries(
        resourcesOf(json, 'aws_guardduty_detector_feature').map((f) => [f['name'], f['status']]),
      );

    it('prod turns every GuardDuty protection feature on, runtime monitoring with the managed agent', () => {
      expect(resourcesOf(prod, 'aws_guardduty_detector')).toEqual([
        expect.objectContaining({ enable: true, finding_publishing_frequency: 'FIFTEEN_MINUTES' }),
      ]);
      expect(Object.values(features(prod))).toEqual(Array(6).fill('ENABLED'));
      const runtime = resourcesOf(prod, 'aws_guardduty_detector_feature').find(
        (f) => f['name'] === 'RUNTIME_MONITORING',
      );
      expect(runtime?.['additional_configuration']).toEqual([
        { name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' },
        { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' },
        { name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' },
      ]);
    });

    it('dev declares the features it leaves off as DISABLED, so config is the whole truth', () => {
      expect(features(dev)).toEqual({
        S3_DATA_EVENTS: 'ENABLED',
        EKS_AUDIT_LOGS: 'DISABLED',
        EBS_MALWARE_PROTECTION: 'DISABLED',
        RDS_LOGIN_EVENTS: 'DISABLED',
        LAMBDA_NETWORK_LOGS: 'DISABLED',
        RUNTIME_MONITORING: 'DISABLED',
      });
    });

    it('Security Hub runs the regional FSBP and CIS standards, after the Config recorder is on', () => {
      expect(
        resourcesOf(prod, 'aws_securityhub_standards_subscription')
          .map((s) => s['standards_arn'])
          .sort(),
      ).toEqual([
        'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0',
        'arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0',
      ]);
      expect(resourcesOf(prod, 'aws_securityhub_account')).toEqual([
        expect.objectContaining({
          enable_default_standards: false,
          depends_on: [expect.stringMatching(/^aws_config_configuration_recorder_status\./)],
        }),
      ]);
    });

    it('an account IAM Access Analyzer is on', () => {
      expect(resourcesOf(prod, 'aws_accessanalyzer_analyzer')).toEqual([
        expect.objectContaining({ type: 'ACCOUNT', analyzer_name: 'prod-account-access' }),
      ]);
    });

    it('high-severity GuardDuty findings and new HIGH/CRITICAL Security Hub findings go to the alerting topic, each once', () => {
      const patterns = Object.fromEntries(
        resourcesOf(prod, 'aws_cloudwatch_event_rule').map((r) => [
          r['name'],
          JSON.parse(String(r['event_pattern'])),
        ]),
      );
      expect(patterns['prod-guardduty-findings']).toEqual({
        source: ['aws.guardduty'],
        'detail-type': ['GuardDuty Finding'],
        detail: { severity: [{ numeric: ['>=', 7] }] },
      });
      expect(patterns['prod-security-hub-findings'].detail.findings).toEqual(
        expect.objectContaining({
          Severity: { Label: ['HIGH', 'CRITICAL'] },
          ProductName: [{ 'anything-but': 'GuardDuty' }],
        }),
      );
      expect(resourcesOf(prod, 'aws_cloudwatch_event_target').map((t) => t['arn'])).toEqual([
        TOPIC,
        TOPIC,
      ]);
    });
  });

  describe('configuration compliance', () => {
    it('the recorder records every supported type, global ones included, and is switched on after its channel exists', () => {
      expect(resourcesOf(prod, 'aws_config_configuration_recorder')).toEqual([
        expect.objectContaining({
          recording_group: { all_supported: true, include_global_resource_types: true },
          recording_mode: { recording_frequency: 'CONTINUOUS' },
        }),
      ]);
      expect(resourcesOf(dev, 'aws_config_configuration_recorder')[0]?.['recording_mode']).toEqual({
        recording_frequency: 'DAILY',
      });
      expect(resourcesOf(prod, 'aws_config_configuration_recorder_status')).toEqual([
        expect.objectContaining({
          is_enabled: true,
          depends_on: [expect.stringMatching(/^aws_config_delivery_channel\./)],
        }),
      ]);
    });

    it("the recorder uses Config's service-linked role, created by the stack when config asks for it", () => {
      expect(
        resourcesOf(prod, 'aws_iam_service_linked_role')
          .map((r) => r['aws_service_name'])
          .sort(),
      ).toEqual(['autoscaling.amazonaws.com', 'config.amazonaws.com']);
      expect(resourcesOf(prod, 'aws_config_configuration_recorder')[0]?.['role_arn']).toMatch(
        /^\$\{aws_iam_service_linked_role\.service-linked-roles_config/,
      );
    });

    it('an account that already has the service-linked roles uses them by their well-known ARNs', () => {
      const dev0 = environmentWith('dev', 'baseline');
      const existing = {
        ...dev0,
        baseline: {
          ...dev0.baseline,
          serviceLinkedRoles: { createConfigRole: false, createAutoScalingRole: false },
        },
      };
      const json = synthJson(new BaselineStack(new App(), existing));
      expect(resourcesOf(json, 'aws_iam_service_linked_role')).toEqual([]);
      expect(resourcesOf(json, 'aws_config_configuration_recorder')[0]?.['role_arn']).toBe(
        'arn:aws:iam::111111111111:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
      );
      expect(keyWithAlias(json, 'alias/dev-ebs-default')['depends_on']).toBeUndefined();
    });

    it('Config delivers to the audit bucket under the audit key', () => {
      expect(resourcesOf(prod, 'aws_config_delivery_channel')).toEqual([
        expect.objectContaining({
          s3_bucket_name: expect.stringMatching(/audit-store_bucket/),
          s3_kms_key_arn: expect.stringMatching(/audit-store_key/),
          snapshot_delivery_properties: { delivery_frequency: 'Six_Hours' },
        }),
      ]);
    });

    it('the managed rules cover encrypted volumes, restricted SSH, S3 public access, root MFA and CloudTrail', () => {
      const identifiers = resourcesOf(prod, 'aws_config_config_rule').map(
        (r) => (r['source'] as { source_identifier: string }).source_identifier,
      );
      expect(identifiers).toEqual(
        expect.arrayContaining([
          'ENCRYPTED_VOLUMES',
          'INCOMING_SSH_DISABLED',
          'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED',
          'ROOT_ACCOUNT_MFA_ENABLED',
          'CLOUD_TRAIL_ENABLED',
        ]),
      );
      expect(identifiers).toHaveLength(MANAGED_CONFIG_RULES.length);
    });

    it('every managed rule that mirrors a policy-pack rule names one that exists', () => {
      const ids = new Set(PLATFORM_RULES.map((r) => r.id));
      for (const { id, policyRule } of MANAGED_CONFIG_RULES) {
        if (policyRule)
          expect({ id, policyRule, known: ids.has(policyRule) }).toEqual({
            id,
            policyRule,
            known: true,
          });
      }
    });

    it('the password-policy rule checks the configured policy', () => {
      const rule = resourcesOf(prod, 'aws_config_config_rule').find(
        (r) => r['name'] === 'prod-iam-password-policy',
      );
      expect(JSON.parse(String(rule?.['input_parameters']))).toEqual(
        expect.objectContaining({
          MinimumPasswordLength: '14',
          PasswordReusePrevention: '24',
          MaxPasswordAge: '90',
        }),
      );
    });
  });

  describe('account guardrails', () => {
    it('S3 public access is blocked for the whole account', () => {
      expect(resourcesOf(prod, 'aws_s3_account_public_access_block')).toEqual([
        expect.objectContaining({
          account_id: '333333333333',
          block_public_acls: true,
          block_public_policy: true,
          ignore_public_acls: true,
          restrict_public_buckets: true,
        }),
      ]);
    });

    it('EBS volumes are encrypted by default with our key, which EC2 Auto Scaling may use', () => {
      expect(resourcesOf(prod, 'aws_ebs_encryption_by_default')).toEqual([
        expect.objectContaining({ enabled: true }),
      ]);
      expect(resourcesOf(prod, 'aws_ebs_default_kms_key')).toEqual([
        expect.objectContaining({ key_arn: expect.stringMatching(/guardrails_ebs-key/) }),
      ]);
      const statements = statementsOf(prod, keyWithAlias(prod, 'alias/prod-ebs-default')['policy']);
      const role = serviceLinkedRoleArn(
        { region: 'eu-west-1', accountId: '333333333333' },
        'autoscaling.amazonaws.com',
        'AWSServiceRoleForAutoScaling',
      );
      expect(bySid(statements, 'AutoScalingUseOfTheKey').principals).toEqual([
        { type: 'AWS', identifiers: [role] },
      ]);
      const grant = bySid(statements, 'AutoScalingAttachPersistentResources');
      expect(grant.actions).toEqual(['kms:CreateGrant']);
      expect(conditionsOf(grant)).toEqual({ 'kms:GrantIsForAWSResource': ['true'] });
      // KMS rejects a policy naming a role that does not exist yet: the key waits for the role.
      expect(keyWithAlias(prod, 'alias/prod-ebs-default')['depends_on']).toEqual([
        expect.stringMatching(/^aws_iam_service_linked_role\.service-linked-roles_autoscaling/),
      ]);
    });

    it('the IAM password policy is CIS strength', () => {
      expect(resourcesOf(prod, 'aws_iam_account_password_policy')).toEqual([
        expect.objectContaining({
          minimum_password_length: 14,
          password_reuse_prevention: 24,
          require_symbols: true,
          require_numbers: true,
          max_password_age: 90,
        }),
      ]);
    });

    it('each budget alerts the alerting topic at 80 % and 100 % of its monthly limit; prod has a compute budget too', () => {
      const budgets = resourcesOf(prod, 'aws_budgets_budget');
      expect(budgets.map((b) => [b['name'], b['limit_amount']])).toEqual([
        ['prod-account', '8000.00'],
        ['prod-compute', '4000.00'],
      ]);
      for (const budget of budgets) {
        expect(budget).toEqual(
          expect.objectContaining({
            time_unit: 'MONTHLY',
            budget_type: 'COST',
            account_id: '333333333333',
          }),
        );
        expect(
          (budget['notification'] as Record<string, unknown>[]).map((n) => [
            n['threshold'],
            n['notification_type'],
            n['subscriber_sns_topic_arns'],
          ]),
        ).toEqual([
          [80, 'ACTUAL', [TOPIC]],
          [100, 'ACTUAL', [TOPIC]],
        ]);
      }
      expect(budgets[1]?.['cost_filter']).toEqual([
        { name: 'Service', values: ['Amazon Elastic Compute Cloud - Compute'] },
      ]);
    });
  });

  it('plans offline: the only data sources are policy documents and the alerting remote state', () => {
    expect(Object.keys(prod.data ?? {}).sort()).toEqual([
      'aws_iam_policy_document',
      'terraform_remote_state',
    ]);
  });

  it('passes the policy pack with no suppression, through the synth users run', () => {
    const result = synthFamily(
      'baseline',
      { aws: optionalSection('baseline', 'baseline', (app, env) => new BaselineStack(app, env)) },
      {
        environments: environments(),
        outdir: join(mkdtempSync(join(tmpdir(), 'baseline-synth-')), 'out'),
      },
    );
    expect(result.stacks).toEqual(['baseline-dev', 'baseline-staging', 'baseline-prod']);
    expect(Object.values(result.suppressions).flat()).toEqual([]);
  });
});

describe('baseline README', () => {
  const readme = readFileSync(
    join(__dirname, '..', '..', '..', '..', 'apps', 'baseline', 'README.md'),
    'utf8',
  );

  /** The ids in the first column of the README's tables, whatever padding Prettier gives them. */
  const documented = new Set([...readme.matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1]));

  it('explains every CIS alarm and every Config rule the stack creates', () => {
    const ids = [...CIS_ALARMS, ...MANAGED_CONFIG_RULES].map((item) => item.id);
    expect(ids.filter((id) => !documented.has(id))).toEqual([]);
  });
});
