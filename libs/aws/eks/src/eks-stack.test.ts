import { optionalSection, synthFamily } from '@platform/core';
import {
  environmentWith,
  environments,
  resourcesOf,
  synthJson,
  type StackJson,
} from '@platform/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import { EksStack } from './eks-stack';

const synth = (name: string) => synthJson(new EksStack(new App(), environmentWith(name, 'eks')));

/** The terraform address of the resource of `type` at construct `path` below the stack (logical ids follow the path). */
function addressOf(json: StackJson, type: string, path: string): string {
  const prefix = `${path.replace(/\//g, '_')}_`;
  const names = Object.keys(json.resource?.[type] ?? {}).filter(
    (name) => name.startsWith(prefix) && /^[0-9A-F]{8}$/.test(name.slice(prefix.length)),
  );
  if (names.length !== 1) throw new Error(`expected one ${type} at ${path}, found ${names.length}`);
  return `${type}.${names[0]}`;
}

describe('eks stack', () => {
  const dev = synth('dev');
  const prod = synth('prod');
  const [prodCluster] = resourcesOf(prod, 'aws_eks_cluster');

  it('prod cluster is private only, audited with every log type, and encrypts secrets with our key', () => {
    expect(prodCluster).toEqual(
      expect.objectContaining({
        name: 'prod-eks',
        version: '1.32',
        enabled_cluster_log_types: [
          'api',
          'audit',
          'authenticator',
          'controllerManager',
          'scheduler',
        ],
        encryption_config: {
          provider: { key_arn: expect.stringMatching(/^\$\{aws_kms_key\.cluster_secrets-key/) },
          resources: ['secrets'],
        },
        lifecycle: { prevent_destroy: true },
      }),
    );
    expect(prodCluster!['vpc_config']).toEqual(
      expect.objectContaining({
        endpoint_private_access: true,
        endpoint_public_access: false,
        subnet_ids: '${data.terraform_remote_state.network-state.outputs.intra_subnet_ids}',
      }),
    );
  });

  it('dev exposes its public endpoint only to the configured ranges', () => {
    expect(resourcesOf(dev, 'aws_eks_cluster')[0]!['vpc_config']).toEqual(
      expect.objectContaining({
        endpoint_public_access: true,
        endpoint_private_access: true,
        public_access_cidrs: ['203.0.113.0/24'],
      }),
    );
  });

  it('control-plane logs go to a log group created first, with retention and KMS', () => {
    const [group] = resourcesOf(prod, 'aws_cloudwatch_log_group').filter(
      (g) => g['name'] === '/aws/eks/prod-eks/cluster',
    );
    expect(group).toEqual(
      expect.objectContaining({
        retention_in_days: 365,
        kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.cluster_logs-key/),
      }),
    );
    expect(prodCluster!['depends_on']).toContain(
      addressOf(prod, 'aws_cloudwatch_log_group', 'cluster/control-plane-logs/group'),
    );
  });

  it('access is granted only by access entries: the identity that creates the cluster gets no implicit cluster-admin', () => {
    for (const json of [dev, prod])
      expect(resourcesOf(json, 'aws_eks_cluster')[0]!['access_config']).toEqual({
        authentication_mode: 'API',
        bootstrap_cluster_creator_admin_permissions: false,
      });
  });

  it('admins get cluster-admin and read-only roles only the view policy, cluster-wide, through access entries', () => {
    expect(
      resourcesOf(prod, 'aws_eks_access_entry')
        .map((e) => e['principal_arn'])
        .sort(),
    ).toEqual([
      'arn:aws:iam::333333333333:role/developers',
      'arn:aws:iam::333333333333:role/platform-admins',
    ]);
    const policies = Object.fromEntries(
      resourcesOf(prod, 'aws_eks_access_policy_association').map((a) => [
        a['principal_arn'],
        a['policy_arn'],
      ]),
    );
    expect(policies).toEqual({
      'arn:aws:iam::333333333333:role/platform-admins':
        'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
      'arn:aws:iam::333333333333:role/developers':
        'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    });
  });

  it('the OIDC provider trusts the cluster issuer for STS with the documented root CA thumbprint', () => {
    expect(resourcesOf(prod, 'aws_iam_openid_connect_provider')).toEqual([
      expect.objectContaining({
        url: '${aws_eks_cluster.cluster_A4C38409.identity[0].oidc[0].issuer}',
        client_id_list: ['sts.amazonaws.com'],
        thumbprint_list: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
      }),
    ]);
  });

  it('each add-on role trusts only its own service account through the cluster OIDC provider', () => {
    const trusts = Object.entries(prod.data?.['aws_iam_policy_document'] ?? {})
      .filter(([name]) => /(vpc-cni|ebs-csi|cloudwatch-observability)-role_trust/.test(name))
      .map(([, doc]) =>
        (
          doc['statement'] as { condition: { variable: string; values: string[] }[] }[]
        )[0]!.condition.map((c) => c.values[0]),
      );
    expect(trusts.sort()).toEqual([
      ['system:serviceaccount:amazon-cloudwatch:cloudwatch-agent', 'sts.amazonaws.com'],
      ['system:serviceaccount:kube-system:aws-node', 'sts.amazonaws.com'],
      ['system:serviceaccount:kube-system:ebs-csi-controller-sa', 'sts.amazonaws.com'],
    ]);
  });

  it('node groups launch AL2023 from launch templates with IMDSv2, encrypted gp3 and no SSH', () => {
    const templates = resourcesOf(prod, 'aws_launch_template').filter((t) =>
      String(t['name']).match(/^prod-(system|spot)$/),
    );
    expect(templates).toHaveLength(2);
    for (const template of templates) {
      expect(template['image_id']).toBeUndefined();
      expect(template['key_name']).toBeUndefined();
      expect(template['metadata_options']).toEqual(
        expect.objectContaining({ http_tokens: 'required', http_put_response_hop_limit: 1 }),
      );
      expect(template['block_device_mappings']).toEqual([
        expect.objectContaining({
          device_name: '/dev/xvda',
          ebs: expect.objectContaining({
            volume_type: 'gp3',
            encrypted: 'true',
            kms_key_id: expect.stringMatching(/volume-key/),
          }),
        }),
      ]);
    }
    for (const group of resourcesOf(prod, 'aws_eks_node_group')) {
      expect(group).toEqual(
        expect.objectContaining({
          ami_type: 'AL2023_x86_64_STANDARD',
          lifecycle: { ignore_changes: ['scaling_config[0].desired_size'] },
        }),
      );
      expect(group['remote_access']).toBeUndefined();
    }
  });

  it('prod has an on-demand and a tainted spot group with the configured scaling bounds', () => {
    const groups = Object.fromEntries(
      resourcesOf(prod, 'aws_eks_node_group').map((g) => [g['node_group_name'], g]),
    );
    expect(groups['prod-system']).toEqual(
      expect.objectContaining({
        capacity_type: 'ON_DEMAND',
        scaling_config: { min_size: 3, max_size: 6, desired_size: 3 },
      }),
    );
    expect(groups['prod-spot']).toEqual(
      expect.objectContaining({
        capacity_type: 'SPOT',
        taint: [{ key: 'capacity', value: 'spot', effect: 'NO_SCHEDULE' }],
      }),
    );
  });

  it('networking add-ons are installed before the nodes, the rest after them', () => {
    const addonAddress = (name: string) => addressOf(prod, 'aws_eks_addon', `addon-${name}/addon`);
    const nodeGroups = resourcesOf(prod, 'aws_eks_node_group');
    for (const group of nodeGroups) {
      expect(group['depends_on']).toEqual(
        expect.arrayContaining(['vpcCni', 'podIdentityAgent', 'kubeProxy'].map(addonAddress)),
      );
    }
    const addons = Object.fromEntries(
      resourcesOf(prod, 'aws_eks_addon').map((a) => [a['addon_name'], a]),
    );
    for (const name of ['coredns', 'aws-ebs-csi-driver', 'amazon-cloudwatch-observability']) {
      expect(addons[name]!['depends_on']).toEqual(
        expect.arrayContaining([
          addressOf(prod, 'aws_eks_node_group', 'node-group-system/node-group'),
        ]),
      );
    }
    for (const addon of Object.values(addons)) {
      expect(addon).toEqual(
        expect.objectContaining({
          resolve_conflicts_on_create: 'OVERWRITE',
          resolve_conflicts_on_update: 'OVERWRITE',
        }),
      );
    }
    expect(Object.keys(addons).sort()).toEqual([
      'amazon-cloudwatch-observability',
      'aws-ebs-csi-driver',
      'coredns',
      'eks-pod-identity-agent',
      'kube-proxy',
      'vpc-cni',
    ]);
  });

  it('nodes accept only the control plane and each other; the API accepts HTTPS from nodes and the access instance', () => {
    const rules = resourcesOf(prod, 'aws_vpc_security_group_ingress_rule');
    for (const rule of rules) {
      expect(rule['cidr_ipv4']).toBeUndefined();
      expect(rule['referenced_security_group_id']).toMatch(/^\$\{aws_security_group\./);
    }
    expect(rules.filter((r) => r['from_port'] === 22)).toEqual([]);
    expect(
      rules
        .filter((r) => String(r['security_group_id']).includes('cluster-security-group'))
        .map((r) => r['from_port']),
    ).toEqual([443, 443]);
  });

  it('nodes leave the VPC only on HTTPS; inside the VPC they reach every protocol (DNS, pod-to-service)', () => {
    const nodeEgress = resourcesOf(prod, 'aws_vpc_security_group_egress_rule').filter((r) =>
      String(r['security_group_id']).includes('node-security-group'),
    );
    expect(nodeEgress.map((r) => [r['ip_protocol'], r['from_port'], r['cidr_ipv4']])).toEqual(
      expect.arrayContaining([
        ['tcp', 443, '0.0.0.0/0'],
        ['-1', undefined, '${data.terraform_remote_state.network-state.outputs.vpc_cidr}'],
      ]),
    );
    expect(nodeEgress).toHaveLength(2);
  });

  it('prod has an SSM access instance with no inbound rule, an encrypted volume and IMDSv2; dev has none', () => {
    expect(resourcesOf(dev, 'aws_instance')).toEqual([]);
    const [template] = resourcesOf(prod, 'aws_launch_template').filter(
      (t) => t['name'] === 'prod-eks-access',
    );
    expect(template).toEqual(
      expect.objectContaining({
        image_id:
          'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
        metadata_options: expect.objectContaining({
          http_tokens: 'required',
          http_put_response_hop_limit: 1,
        }),
      }),
    );
    expect(template!['key_name']).toBeUndefined();
    const accessGroup = addressOf(prod, 'aws_security_group', 'access-instance/security-group');
    expect(
      resourcesOf(prod, 'aws_vpc_security_group_ingress_rule').filter(
        (r) => r['security_group_id'] === `\${${accessGroup}.id}`,
      ),
    ).toEqual([]);
    expect(
      resourcesOf(prod, 'aws_iam_role_policy_attachment').filter((a) =>
        String(a['policy_arn']).endsWith('AmazonSSMManagedInstanceCore'),
      ),
    ).toHaveLength(1);
  });

  it('cluster alarms notify the environment alerting topic', () => {
    const alarms = resourcesOf(prod, 'aws_cloudwatch_metric_alarm');
    expect(alarms.map((a) => a['alarm_name']).sort()).toEqual([
      'prod-eks-api-server-errors',
      'prod-eks-failed-nodes',
      'prod-eks-node-cpu',
      'prod-eks-node-memory',
      'prod-eks-pending-pods',
    ]);
    for (const alarm of alarms)
      expect(alarm['alarm_actions']).toEqual([
        '${data.terraform_remote_state.alerting-state.outputs.topic_arn}',
      ]);
  });

  it('publishes the eks contract for other families', () => {
    expect(Object.keys(prod.output ?? {}).sort()).toEqual([
      'access_instance_id',
      'cluster_certificate_authority',
      'cluster_endpoint',
      'cluster_name',
      'cluster_security_group_id',
      'node_security_group_id',
      'oidc_issuer',
      'oidc_provider_arn',
      'volume_kms_key_arn',
    ]);
  });

  it('no IAM policy of the stack grants a wildcard action', () => {
    const inline = Object.values(prod.data?.['aws_iam_policy_document'] ?? {}).flatMap(
      (d) => d['statement'] as { actions: string[] }[],
    );
    const actions = inline.flatMap((s) => s.actions);
    expect(actions.filter((a) => a === '*' || (a.endsWith(':*') && a !== 'kms:*'))).toEqual([]);
  });

  it('every environment passes the policy pack through the synth users run, with no suppression', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'eks-synth-')), 'eks');
    const result = synthFamily(
      'eks',
      { aws: optionalSection('eks', 'eks', (app, env) => new EksStack(app, env)) },
      {
        environments: environments(),
        outdir,
      },
    );
    expect(result.stacks).toEqual(['eks-dev', 'eks-staging', 'eks-prod']);
    expect(result.suppressions).toEqual({ 'eks-dev': [], 'eks-staging': [], 'eks-prod': [] });
  });
});
