/**
 * An independent, checkov-style scan of every synthesized stack. It re-implements the checkov
 * checks our policy pack claims to cover, from the raw JSON and without the pack's code, so a
 * gap in a rule (or a resource created around it) shows up here. Every finding must be covered
 * by a suppression with a reason that synth honoured (policy-report.json). Real checkov runs in
 * the pull-request workflow; it cannot be installed on these machines.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPS, synthesized } from './synth';

type Json = Record<string, any>;
interface Hit {
  check: string;
  path: string;
}

const RULE_OF_CHECK: Record<string, string> = {
  CKV_AWS_7: 'PLT-KMS-ROTATION',
  CKV_AWS_21: 'PLT-S3-VERSIONING',
  CKV_AWS_145: 'PLT-S3-KMS',
  CKV2_AWS_6: 'PLT-S3-PUBLIC-ACCESS-BLOCK',
  CKV_AWS_66: 'PLT-LOGS-RETENTION',
  CKV_AWS_158: 'PLT-LOGS-KMS',
  CKV_AWS_26: 'PLT-SNS-KMS',
  CKV_AWS_130: 'PLT-VPC-SUBNET-NO-PUBLIC-IP',
  CKV2_AWS_11: 'PLT-VPC-FLOW-LOGS',
  CKV2_AWS_12: 'PLT-VPC-DEFAULT-SG-CLOSED',
  CKV_AWS_260: 'PLT-SG-NO-OPEN-INGRESS',
  CKV_AWS_23: 'PLT-SG-DESCRIPTION',
  CKV_AWS_316: 'PLT-CODEBUILD-NOT-PRIVILEGED',
  CKV_AWS_147: 'PLT-CODEBUILD-KMS',
  CKV_AWS_314: 'PLT-CODEBUILD-LOGS',
  CKV_AWS_219: 'PLT-CODEPIPELINE-KMS',
};

function scan(stack: Json): Hit[] {
  const hits: Hit[] = [];
  const res = (type: string): [string, Json][] => Object.entries(stack['resource']?.[type] ?? {});
  const path = (r: Json) => r['//']?.metadata?.path as string;
  const refersTo = (type: string, target: string, name: string) =>
    res(type).filter(([, r]) => JSON.stringify(r).includes(`\${${target}.${name}.`));

  for (const [, key] of res('aws_kms_key'))
    if (key['enable_key_rotation'] !== true) hits.push({ check: 'CKV_AWS_7', path: path(key) });
  for (const [name, bucket] of res('aws_s3_bucket')) {
    const related = (type: string) => refersTo(type, 'aws_s3_bucket', name).map(([, r]) => r);
    if (
      !related('aws_s3_bucket_versioning').some(
        (v) => v['versioning_configuration']?.status === 'Enabled',
      )
    )
      hits.push({ check: 'CKV_AWS_21', path: path(bucket) });
    if (
      !related('aws_s3_bucket_server_side_encryption_configuration').some((c) =>
        JSON.stringify(c).includes('"sse_algorithm":"aws:kms"'),
      )
    )
      hits.push({ check: 'CKV_AWS_145', path: path(bucket) });
    const pab = related('aws_s3_bucket_public_access_block')[0];
    if (
      !pab ||
      ![
        'block_public_acls',
        'block_public_policy',
        'ignore_public_acls',
        'restrict_public_buckets',
      ].every((k) => pab[k] === true)
    )
      hits.push({ check: 'CKV2_AWS_6', path: path(bucket) });
  }
  for (const [, group] of res('aws_cloudwatch_log_group')) {
    if (!group['retention_in_days']) hits.push({ check: 'CKV_AWS_66', path: path(group) });
    if (!group['kms_key_id']) hits.push({ check: 'CKV_AWS_158', path: path(group) });
  }
  for (const [, topic] of res('aws_sns_topic')) {
    if (!topic['kms_master_key_id'] || topic['kms_master_key_id'] === 'alias/aws/sns')
      hits.push({ check: 'CKV_AWS_26', path: path(topic) });
  }
  for (const [, subnet] of res('aws_subnet'))
    if (subnet['map_public_ip_on_launch'] === true)
      hits.push({ check: 'CKV_AWS_130', path: path(subnet) });
  for (const [name, vpc] of res('aws_vpc')) {
    if (refersTo('aws_flow_log', 'aws_vpc', name).length === 0)
      hits.push({ check: 'CKV2_AWS_11', path: path(vpc) });
    const dsg = refersTo('aws_default_security_group', 'aws_vpc', name).map(([, r]) => r);
    if (
      !dsg.some(
        (g) =>
          Array.isArray(g['ingress']) &&
          g['ingress'].length === 0 &&
          Array.isArray(g['egress']) &&
          g['egress'].length === 0,
      )
    )
      hits.push({ check: 'CKV2_AWS_12', path: path(vpc) });
  }
  for (const [, rule] of res('aws_vpc_security_group_ingress_rule')) {
    if (['0.0.0.0/0'].includes(rule['cidr_ipv4']) || rule['cidr_ipv6'] === '::/0')
      hits.push({ check: 'CKV_AWS_260', path: path(rule) });
    if (!rule['description']) hits.push({ check: 'CKV_AWS_23', path: path(rule) });
  }
  for (const [, group] of res('aws_security_group')) {
    if (!group['description'] || group['description'] === 'Managed by Terraform')
      hits.push({ check: 'CKV_AWS_23', path: path(group) });
    for (const ingress of group['ingress'] ?? []) {
      if ((ingress['cidr_blocks'] ?? []).includes('0.0.0.0/0'))
        hits.push({ check: 'CKV_AWS_260', path: path(group) });
    }
  }
  // Nested blocks are a list or, as cdktf writes single blocks, one object.
  const first = (value: unknown): Json | undefined =>
    (Array.isArray(value) ? value[0] : value) as Json | undefined;
  for (const [, project] of res('aws_codebuild_project')) {
    if (first(project['environment'])?.['privileged_mode'] === true)
      hits.push({ check: 'CKV_AWS_316', path: path(project) });
    if (!project['encryption_key']) hits.push({ check: 'CKV_AWS_147', path: path(project) });
    const cloudwatch = first(first(project['logs_config'])?.['cloudwatch_logs']);
    if (!cloudwatch || cloudwatch['status'] === 'DISABLED')
      hits.push({ check: 'CKV_AWS_314', path: path(project) });
  }
  for (const [, pipeline] of res('aws_codepipeline')) {
    for (const store of pipeline['artifact_store'] ?? []) {
      const key = first(store['encryption_key']);
      if (!key?.['id']) hits.push({ check: 'CKV_AWS_219', path: path(pipeline) });
    }
  }
  return hits;
}

describe('independent checkov-style scan of every synthesized stack', () => {
  const [root] = synthesized().roots;

  it.each(APPS)('%s: every finding is a suppression with a reason', (app) => {
    const dir = join(root, 'dist', 'apps', app);
    expect(existsSync(join(dir, 'policy-report.json'))).toBe(true);
    const report = JSON.parse(readFileSync(join(dir, 'policy-report.json'), 'utf8')) as {
      suppressions: Record<string, { rule: string; path: string; reason: string }[]>;
    };
    for (const stack of readdirSync(join(dir, 'stacks'))) {
      const hits = scan(
        JSON.parse(readFileSync(join(dir, 'stacks', stack, 'cdk.tf.json'), 'utf8')),
      );
      const suppressed = report.suppressions[stack] ?? [];
      const unexplained = hits.filter(
        (h) =>
          !suppressed.some(
            (s) =>
              s.rule === RULE_OF_CHECK[h.check] &&
              h.path.startsWith(s.path) &&
              s.reason.length > 10,
          ),
      );
      expect({ stack, unexplained }).toEqual({ stack, unexplained: [] });
    }
  });

  it('the scan itself finds a bucket with nothing on it', () => {
    const hits = scan({
      resource: { aws_s3_bucket: { b: { '//': { metadata: { path: 's/b' } } } } },
    });
    expect(hits.map((h) => h.check).sort()).toEqual(['CKV2_AWS_6', 'CKV_AWS_145', 'CKV_AWS_21']);
  });

  it('the scan itself finds a privileged, unencrypted build without logs and an unencrypted pipeline', () => {
    const hits = scan({
      resource: {
        aws_codebuild_project: {
          p: { '//': { metadata: { path: 's/p' } }, environment: [{ privileged_mode: true }] },
        },
        aws_codepipeline: {
          c: { '//': { metadata: { path: 's/c' } }, artifact_store: [{ type: 'S3' }] },
        },
      },
    });
    expect(hits.map((h) => h.check).sort()).toEqual([
      'CKV_AWS_147',
      'CKV_AWS_219',
      'CKV_AWS_314',
      'CKV_AWS_316',
    ]);
  });
});
