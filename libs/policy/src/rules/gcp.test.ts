import type { Rule } from '../types';
import { type FixtureResource, violations } from './harness';
import { GCP_RULES } from './gcp-pack';
import { PLATFORM_RULES } from './index';
import { artifactRegistryCmek } from './artifact-registry/cmek';
import { cloudKmsRotation } from './cloud-kms/rotation';
import { firewallNoOpenRdp } from './gcp-network/no-open-rdp';
import { firewallNoOpenSsh } from './gcp-network/no-open-ssh';
import { subnetPrivateGoogleAccess } from './gcp-network/private-google-access';
import { subnetFlowLogs } from './gcp-network/subnet-flow-logs';
import { gcsPublicAccessPrevention } from './gcs/public-access-prevention';
import { gcsUniformAccess } from './gcs/uniform-access';
import { gcsVersioning } from './gcs/versioning';
import { gkeNetworkPolicy } from './gke/network-policy';
import { gkeNodeServiceAccount } from './gke/node-service-account';
import { gkeNoLegacyAbac } from './gke/no-legacy-abac';
import { gkePrivateNodes } from './gke/private-nodes';
import { gkeReleaseChannel } from './gke/release-channel';
import { gkeSecretsCmek } from './gke/secrets-cmek';
import { gkeShieldedNodes } from './gke/shielded-nodes';
import { gkeWorkloadIdentity } from './gke/workload-identity';

/** A node configuration that every GKE node rule accepts. */
const nodeConfig = {
  service_account: '${google_service_account.nodes.email}',
  workload_metadata_config: { mode: 'GKE_METADATA' },
  shielded_instance_config: { enable_secure_boot: true, enable_integrity_monitoring: true },
};

/** A cluster as the platform builds it: private, Dataplane V2, CMEK secrets, its default pool removed. */
const cluster = (override: Record<string, unknown> = {}): FixtureResource => [
  'google_container_cluster.gke',
  {
    name: 'platform',
    remove_default_node_pool: true,
    initial_node_count: 1,
    enable_shielded_nodes: true,
    enable_legacy_abac: false,
    datapath_provider: 'ADVANCED_DATAPATH',
    release_channel: { channel: 'REGULAR' },
    workload_identity_config: { workload_pool: 'acme-dev.svc.id.goog' },
    private_cluster_config: { enable_private_nodes: true, master_ipv4_cidr_block: '172.16.0.0/28' },
    database_encryption: { state: 'ENCRYPTED', key_name: '${google_kms_crypto_key.gke.id}' },
    ...override,
  },
];
const pool = (override: Record<string, unknown> = {}): FixtureResource => [
  'google_container_node_pool.pool',
  { cluster: '${google_container_cluster.gke.id}', node_config: nodeConfig, ...override },
];
const subnet = (override: Record<string, unknown> = {}): FixtureResource => [
  'google_compute_subnetwork.nodes',
  {
    ip_cidr_range: '10.10.0.0/20',
    private_ip_google_access: true,
    log_config: { aggregation_interval: 'INTERVAL_5_SEC', flow_sampling: 0.5 },
    ...override,
  },
];
const firewall = (override: Record<string, unknown>): FixtureResource => [
  'google_compute_firewall.fw',
  { network: '${google_compute_network.vpc.id}', ...override },
];
const bucket = (override: Record<string, unknown> = {}): FixtureResource => [
  'google_storage_bucket.b',
  {
    name: 'acme-dev-artifacts',
    uniform_bucket_level_access: true,
    public_access_prevention: 'enforced',
    versioning: { enabled: true },
    ...override,
  },
];

/** Each GCP rule with a compliant and a non-compliant stack, and what it must report for the latter. */
const cases: { rule: Rule; good: FixtureResource[]; bad: FixtureResource[]; expected: string[] }[] =
  [
    {
      rule: gkePrivateNodes,
      good: [cluster(), pool()],
      bad: [
        cluster({ private_cluster_config: { enable_private_nodes: false } }),
        pool({ network_config: { enable_private_nodes: false } }),
      ],
      expected: [
        'google_container_cluster.gke: private_cluster_config.enable_private_nodes is not true',
        'google_container_node_pool.pool: network_config.enable_private_nodes is false',
      ],
    },
    {
      rule: gkeNoLegacyAbac,
      good: [cluster({ enable_legacy_abac: undefined })],
      bad: [cluster({ enable_legacy_abac: true })],
      expected: ['google_container_cluster.gke: enable_legacy_abac is true, not false'],
    },
    {
      rule: gkeWorkloadIdentity,
      good: [cluster(), pool()],
      bad: [
        cluster({ workload_identity_config: undefined }),
        pool({
          node_config: { ...nodeConfig, workload_metadata_config: { mode: 'GCE_METADATA' } },
        }),
      ],
      expected: [
        'google_container_cluster.gke: workload_identity_config.workload_pool is not set',
        'google_container_node_pool.pool: node_config.workload_metadata_config.mode is "GCE_METADATA", not "GKE_METADATA"',
      ],
    },
    {
      rule: gkeShieldedNodes,
      good: [cluster(), pool()],
      bad: [
        cluster({ enable_shielded_nodes: false }),
        pool({
          node_config: {
            ...nodeConfig,
            shielded_instance_config: { enable_integrity_monitoring: false },
          },
        }),
      ],
      expected: [
        'google_container_cluster.gke: enable_shielded_nodes is not true',
        'google_container_node_pool.pool: node_config.shielded_instance_config.enable_secure_boot is not true',
        'google_container_node_pool.pool: node_config.shielded_instance_config.enable_integrity_monitoring is false',
      ],
    },
    {
      rule: gkeReleaseChannel,
      good: [cluster()],
      bad: [cluster({ release_channel: { channel: 'UNSPECIFIED' } })],
      expected: [
        'google_container_cluster.gke: release_channel.channel is "UNSPECIFIED", not one of RAPID, REGULAR, STABLE, EXTENDED',
      ],
    },
    {
      rule: gkeNetworkPolicy,
      good: [
        cluster({
          datapath_provider: undefined,
          network_policy: { enabled: true, provider: 'CALICO' },
        }),
      ],
      bad: [cluster({ datapath_provider: 'LEGACY_DATAPATH', network_policy: { enabled: false } })],
      expected: [
        'google_container_cluster.gke: neither Dataplane V2 (datapath_provider = "ADVANCED_DATAPATH") nor network_policy.enabled = true',
      ],
    },
    {
      rule: gkeSecretsCmek,
      good: [cluster()],
      bad: [cluster({ database_encryption: { state: 'DECRYPTED' } })],
      expected: [
        'google_container_cluster.gke: database_encryption.state is not "ENCRYPTED"',
        'google_container_cluster.gke: database_encryption.key_name is not set',
      ],
    },
    {
      rule: gkeNodeServiceAccount,
      good: [cluster(), pool()],
      bad: [
        cluster({ remove_default_node_pool: false }),
        pool({
          node_config: {
            ...nodeConfig,
            service_account: '123456789-compute@developer.gserviceaccount.com',
          },
        }),
      ],
      expected: [
        'google_container_cluster.gke: node_config is missing (nodes run as the default service account)',
        'google_container_node_pool.pool: node_config.service_account 123456789-compute@developer.gserviceaccount.com is the Compute Engine default service account',
      ],
    },
    {
      rule: subnetFlowLogs,
      good: [subnet()],
      bad: [subnet({ log_config: undefined })],
      expected: ['google_compute_subnetwork.nodes: log_config is missing'],
    },
    {
      rule: subnetPrivateGoogleAccess,
      good: [subnet()],
      bad: [subnet({ private_ip_google_access: false })],
      expected: ['google_compute_subnetwork.nodes: private_ip_google_access is not true'],
    },
    {
      rule: firewallNoOpenSsh,
      good: [
        firewall({
          source_ranges: ['35.235.240.0/20'],
          allow: [{ protocol: 'tcp', ports: ['22'] }],
        }),
      ],
      bad: [
        firewall({ source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: ['20-25'] }] }),
      ],
      expected: ['google_compute_firewall.fw: allow[0] opens tcp/22 to 0.0.0.0/0'],
    },
    {
      rule: firewallNoOpenRdp,
      good: [
        firewall({ source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: ['443'] }] }),
      ],
      bad: [firewall({ source_ranges: ['::/0'], allow: [{ protocol: 'all' }] })],
      expected: ['google_compute_firewall.fw: allow[0] opens tcp/3389 to ::/0'],
    },
    {
      rule: gcsUniformAccess,
      good: [bucket()],
      bad: [bucket({ uniform_bucket_level_access: false })],
      expected: ['google_storage_bucket.b: uniform_bucket_level_access is not true'],
    },
    {
      rule: gcsPublicAccessPrevention,
      good: [bucket()],
      bad: [bucket({ public_access_prevention: undefined })],
      expected: [
        'google_storage_bucket.b: public_access_prevention is not set (inherited), not "enforced"',
      ],
    },
    {
      rule: gcsVersioning,
      good: [bucket()],
      bad: [bucket({ versioning: { enabled: false } })],
      expected: ['google_storage_bucket.b: versioning.enabled is not true'],
    },
    {
      rule: artifactRegistryCmek,
      good: [
        [
          'google_artifact_registry_repository.images',
          { format: 'DOCKER', kms_key_name: '${google_kms_crypto_key.registry.id}' },
        ],
      ],
      bad: [['google_artifact_registry_repository.images', { format: 'DOCKER' }]],
      expected: ['google_artifact_registry_repository.images: kms_key_name is not set'],
    },
    {
      rule: cloudKmsRotation,
      good: [['google_kms_crypto_key.k', { rotation_period: '7776000s' }]],
      bad: [['google_kms_crypto_key.k', { rotation_period: '31536000s' }]],
      expected: [
        'google_kms_crypto_key.k: rotation_period 31536000s is not between 86400s (1 day) and 7776000s (90 days)',
      ],
    },
  ];

describe('GCP rule pack', () => {
  it('every rule of the pack has a case below, and no AWS rule is in it', () => {
    expect(cases.map((c) => c.rule.id).sort()).toEqual(GCP_RULES.map((r) => r.id).sort());
    const aws = new Set(PLATFORM_RULES.map((r) => r.id));
    expect(GCP_RULES.filter((r) => aws.has(r.id))).toEqual([]);
  });

  it('the platform’s own GCP stack shape passes every rule of the pack', () => {
    const stack = [cluster(), pool(), subnet(), bucket()];
    expect(GCP_RULES.flatMap((rule) => violations(rule, ...stack))).toEqual([]);
  });

  describe.each(cases.map((c) => [c.rule.id, c] as const))(
    '%s',
    (_id, { rule, good, bad, expected }) => {
      it('passes a compliant stack', () => expect(violations(rule, ...good)).toEqual([]));
      it('reports a non-compliant stack', () => expect(violations(rule, ...bad)).toEqual(expected));
    },
  );
});

describe('GCP rules at their edges', () => {
  it('PLT-GKE-NETWORK-POLICY counts Dataplane V2 as enforcement, with network_policy unset or off', () => {
    expect(violations(gkeNetworkPolicy, cluster({ network_policy: { enabled: false } }))).toEqual(
      [],
    );
    expect(violations(gkeNetworkPolicy, cluster({ datapath_provider: undefined }))).toHaveLength(1);
  });

  it('GKE node rules fail closed on a node pool without node_config, and on a kept default pool without one', () => {
    for (const rule of [gkeWorkloadIdentity, gkeShieldedNodes, gkeNodeServiceAccount])
      expect(violations(rule, pool({ node_config: undefined }))).toEqual([
        expect.stringMatching(/^google_container_node_pool\.pool: node_config is missing/),
      ]);
    expect(
      violations(
        gkeNodeServiceAccount,
        cluster({ remove_default_node_pool: undefined, node_config: nodeConfig }),
      ),
    ).toEqual([]);
    expect(
      violations(
        gkeNodeServiceAccount,
        pool({ node_config: { ...nodeConfig, service_account: 'default' } }),
      ),
    ).toEqual([
      'google_container_node_pool.pool: node_config.service_account is not set (the default service account)',
    ]);
  });

  it('firewall rules: no source named means 0.0.0.0/0; egress, disabled and deny-only rules do not open a port', () => {
    expect(violations(firewallNoOpenSsh, firewall({ allow: [{ protocol: 'tcp' }] }))).toEqual([
      'google_compute_firewall.fw: allow[0] opens tcp/22 to any address (no source is named: GCP then applies 0.0.0.0/0)',
    ]);
    expect(
      violations(
        firewallNoOpenSsh,
        firewall({ source_tags: ['bastion'], allow: [{ protocol: 'tcp' }] }),
      ),
    ).toEqual([]);
    const open = { source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: ['22'] }] };
    expect(violations(firewallNoOpenSsh, firewall({ ...open, direction: 'EGRESS' }))).toEqual([]);
    expect(violations(firewallNoOpenSsh, firewall({ ...open, disabled: true }))).toEqual([]);
    expect(
      violations(
        firewallNoOpenSsh,
        firewall({ source_ranges: ['0.0.0.0/0'], deny: [{ protocol: 'tcp', ports: ['22'] }] }),
      ),
    ).toEqual([]);
    expect(
      violations(
        firewallNoOpenSsh,
        firewall({ source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'udp' }] }),
      ),
    ).toEqual([]);
    expect(
      violations(
        firewallNoOpenRdp,
        firewall({ source_ranges: '${var.ranges}', allow: [{ protocol: 'tcp', ports: ['3389'] }] }),
      ),
    ).toEqual([
      'google_compute_firewall.fw: allow[0] opens tcp/3389 to source_ranges ${var.ranges} (cannot be read)',
    ]);
  });

  it('subnet rules do not apply to proxy-only subnets; a flow log sampling nothing is a finding', () => {
    const proxy = subnet({
      purpose: 'REGIONAL_MANAGED_PROXY',
      log_config: undefined,
      private_ip_google_access: undefined,
    });
    expect(violations(subnetFlowLogs, proxy)).toEqual([]);
    expect(violations(subnetPrivateGoogleAccess, proxy)).toEqual([]);
    expect(violations(subnetFlowLogs, subnet({ log_config: { flow_sampling: 0 } }))).toEqual([
      'google_compute_subnetwork.nodes: log_config.flow_sampling is 0 (nothing is recorded)',
    ]);
  });

  it('PLT-GCP-KMS-ROTATION: 1 to 90 days; unset, a reference or a non-second duration fail closed; asymmetric keys do not rotate', () => {
    const key = (config: Record<string, unknown>) =>
      violations(cloudKmsRotation, ['google_kms_crypto_key.k', config]);
    expect(key({ rotation_period: '86400s' })).toEqual([]);
    expect(key({ rotation_period: '3600s' })).toHaveLength(1);
    expect(key({})).toEqual([
      'google_kms_crypto_key.k: rotation_period is not set (the key never rotates)',
    ]);
    expect(key({ rotation_period: '${var.period}' })).toEqual([
      'google_kms_crypto_key.k: rotation_period "${var.period}" is not a literal duration in seconds',
    ]);
    expect(key({ purpose: 'ASYMMETRIC_SIGN' })).toEqual([]);
  });

  it('GKE secrets and registry CMEK accept a reference to our key, and fail closed without one', () => {
    expect(violations(gkeSecretsCmek, cluster({ database_encryption: undefined }))).toHaveLength(2);
    expect(
      violations(artifactRegistryCmek, [
        'google_artifact_registry_repository.r',
        { kms_key_name: '' },
      ]),
    ).toEqual(['google_artifact_registry_repository.r: kms_key_name is not set']);
  });
});
