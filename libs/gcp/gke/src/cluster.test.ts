import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, type StackJson, synthJson } from '@platform/testing';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { GkeCluster, type GkeClusterProps } from './cluster';

const scope = () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-dev', region: 'europe-west1' });
  return stack;
};

const props: GkeClusterProps = {
  name: 'dev-gke',
  projectId: 'acme-dev',
  projectNumber: '123456789012',
  region: 'europe-west1',
  network: 'dev-vpc',
  subnetwork: 'dev-gke',
  podsRangeName: 'gke-pods',
  servicesRangeName: 'gke-services',
  controlPlaneCidr: '172.16.0.0/28',
  imageRepositoryIds: ['projects/acme-ci/locations/europe-west1/repositories/images'],
  nodePools: [
    { name: 'system', machineType: 'e2-standard-4', minNodesPerZone: 1, maxNodesPerZone: 3 },
    {
      name: 'batch',
      machineType: 'n2d-standard-8',
      minNodesPerZone: 0,
      maxNodesPerZone: 5,
      spot: true,
      taints: [{ key: 'workload', value: 'batch', effect: 'NO_SCHEDULE' }],
    },
  ],
};

const synth = (overrides: Partial<GkeClusterProps> = {}): StackJson => {
  const stack = scope();
  new GkeCluster(stack, 'gke', { ...props, ...overrides });
  return synthJson(stack);
};
const clusterOf = (json: StackJson) => resourcesOf(json, 'google_container_cluster')[0]!;
const build = (overrides: Partial<GkeClusterProps>) => () =>
  new GkeCluster(scope(), 'gke', { ...props, ...overrides });

describe('GKE cluster', () => {
  const json = synth();
  const cluster = clusterOf(json);

  it('is regional, private-noded, and by default reachable only on its private endpoint', () => {
    expect(cluster['location']).toBe('europe-west1');
    expect(cluster['private_cluster_config']).toEqual({
      enable_private_nodes: true,
      enable_private_endpoint: true,
      master_ipv4_cidr_block: '172.16.0.0/28',
    });
    expect(cluster['master_authorized_networks_config']).toEqual({
      cidr_blocks: [],
      gcp_public_cidrs_access_enabled: false,
    });
    expect(cluster['control_plane_endpoints_config']).toEqual({
      dns_endpoint_config: { allow_external_traffic: false },
    });
  });

  it('a public endpoint is reachable only from the named networks', () => {
    const open = clusterOf(
      synth({
        privateEndpoint: false,
        authorizedNetworks: [{ cidrBlock: '203.0.113.0/24', displayName: 'office VPN' }],
      }),
    );
    expect(open['private_cluster_config']).toEqual(
      expect.objectContaining({ enable_private_nodes: true, enable_private_endpoint: false }),
    );
    expect(open['master_authorized_networks_config']).toEqual({
      cidr_blocks: [{ cidr_block: '203.0.113.0/24', display_name: 'office VPN' }],
      gcp_public_cidrs_access_enabled: false,
    });
  });

  it('refuses a control plane open to the internet, or a public endpoint with no networks named', () => {
    expect(
      build({
        privateEndpoint: false,
        authorizedNetworks: [{ cidrBlock: '0.0.0.0/0', displayName: 'anyone' }],
      }),
    ).toThrow(
      /authorizedNetworks must not open the control plane to the internet \(got 0\.0\.0\.0\/0\)/,
    );
    expect(build({ privateEndpoint: false })).toThrow(
      /a public endpoint \(privateEndpoint: false\) needs authorizedNetworks/,
    );
  });

  it('is VPC-native on the subnet’s named secondary ranges', () => {
    expect(cluster).toEqual(
      expect.objectContaining({
        network: 'dev-vpc',
        subnetwork: 'dev-gke',
        networking_mode: 'VPC_NATIVE',
        ip_allocation_policy: {
          cluster_secondary_range_name: 'gke-pods',
          services_secondary_range_name: 'gke-services',
        },
      }),
    );
  });

  it('runs Dataplane V2, which enforces network policy itself: no network-policy add-on beside it', () => {
    expect(cluster['datapath_provider']).toBe('ADVANCED_DATAPATH');
    expect(cluster['network_policy']).toBeUndefined();
    expect(JSON.stringify(cluster['addons_config'] ?? {})).not.toContain('network_policy');
  });

  it('hardens identity: Workload Identity, no legacy ABAC, no client certificate, shielded nodes', () => {
    expect(cluster).toEqual(
      expect.objectContaining({
        workload_identity_config: { workload_pool: 'acme-dev.svc.id.goog' },
        enable_legacy_abac: false,
        enable_shielded_nodes: true,
        master_auth: { client_certificate_config: { issue_client_certificate: false } },
      }),
    );
  });

  it('ships system and workload logs and runs Managed Service for Prometheus', () => {
    expect(cluster['logging_config']).toEqual({
      enable_components: ['SYSTEM_COMPONENTS', 'WORKLOADS'],
    });
    expect(cluster['monitoring_config']).toEqual({ managed_prometheus: { enabled: true } });
  });

  it('follows the REGULAR release channel unless told otherwise', () => {
    expect(cluster['release_channel']).toEqual({ channel: 'REGULAR' });
    expect(clusterOf(synth({ releaseChannel: 'STABLE' }))['release_channel']).toEqual({
      channel: 'STABLE',
    });
  });

  it('encrypts secrets with a key created here, rotated every 90 days, usable by the project’s GKE service agent only', () => {
    const [key] = resourcesOf(json, 'google_kms_crypto_key');
    expect(key).toEqual(
      expect.objectContaining({ purpose: 'ENCRYPT_DECRYPT', rotation_period: '7776000s' }),
    );
    expect(cluster['database_encryption']).toEqual({
      state: 'ENCRYPTED',
      key_name: expect.stringMatching(/^\$\{google_kms_crypto_key\.gke_secrets-key_\w+\.id\}$/),
    });
    expect(resourcesOf(json, 'google_kms_key_ring')[0]).toEqual(
      expect.objectContaining({ name: 'dev-gke', location: 'europe-west1', project: 'acme-dev' }),
    );
    expect(resourcesOf(json, 'google_kms_crypto_key_iam_member')).toEqual([
      {
        crypto_key_id: (cluster['database_encryption'] as Record<string, unknown>)['key_name'],
        role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
        member:
          'serviceAccount:service-123456789012@container-engine-robot.iam.gserviceaccount.com',
      },
    ]);
    expect(resourcesOf(json, 'google_kms_key_ring_iam_member')).toHaveLength(0);
    expect(cluster['depends_on']).toEqual(
      expect.arrayContaining([expect.stringMatching(/^google_kms_crypto_key_iam_member\./)]),
    );
  });

  it('removes the default node pool, and even that short-lived pool runs as the dedicated node account', () => {
    expect(cluster['remove_default_node_pool']).toBe(true);
    expect(cluster['initial_node_count']).toBe(1);
    expect(cluster['node_config']).toEqual(
      expect.objectContaining({
        service_account: expect.stringMatching(
          /^\$\{google_service_account\.gke_node-service-account_\w+\.email\}$/,
        ),
        workload_metadata_config: { mode: 'GKE_METADATA' },
      }),
    );
    expect(cluster['lifecycle']).toEqual(
      expect.objectContaining({ ignore_changes: ['node_config', 'initial_node_count'] }),
    );
  });

  it('has one node pool per spec, each running as the dedicated node account', () => {
    const pools = resourcesOf(json, 'google_container_node_pool');
    expect(pools.map((p) => p['name']).sort()).toEqual(['batch', 'system']);
    for (const pool of pools) {
      expect(pool['cluster']).toMatch(/^\$\{google_container_cluster\.gke_cluster_\w+\.id\}$/);
      expect((pool['node_config'] as Record<string, unknown>)['service_account']).toBe(
        (cluster['node_config'] as Record<string, unknown>)['service_account'],
      );
    }
  });

  it('gives the node account the five node roles on its project and read on the named repositories only', () => {
    const grants = resourcesOf(json, 'google_project_iam_member');
    expect(grants.map((g) => g['role']).sort()).toEqual([
      'roles/autoscaling.metricsWriter',
      'roles/logging.logWriter',
      'roles/monitoring.metricWriter',
      'roles/monitoring.viewer',
      'roles/stackdriver.resourceMetadata.writer',
    ]);
    expect(new Set(grants.map((g) => g['project']))).toEqual(new Set(['acme-dev']));
    expect(resourcesOf(json, 'google_artifact_registry_repository_iam_member')).toEqual([
      expect.objectContaining({
        project: 'acme-ci',
        location: 'europe-west1',
        repository: 'images',
        role: 'roles/artifactregistry.reader',
      }),
    ]);
  });

  it('is protected by default: GKE deletion protection and prevent_destroy on the cluster and its key', () => {
    expect(cluster['deletion_protection']).toBe(true);
    expect(cluster['lifecycle']).toEqual(expect.objectContaining({ prevent_destroy: true }));
    for (const type of ['google_kms_crypto_key', 'google_kms_key_ring'])
      expect(resourcesOf(json, type)[0]!['lifecycle']).toEqual({ prevent_destroy: true });
  });

  it('turning protection off is explicit, and then terraform may destroy it', () => {
    const open = synth({ deletionProtection: false });
    expect(clusterOf(open)['deletion_protection']).toBe(false);
    expect(clusterOf(open)['lifecycle']).not.toHaveProperty('prevent_destroy');
    expect(resourcesOf(open, 'google_kms_crypto_key')[0]!['lifecycle']).toBeUndefined();
  });

  it('enforces Binary Authorization only when asked', () => {
    expect(cluster['binary_authorization']).toBeUndefined();
    expect(clusterOf(synth({ binaryAuthorization: true }))['binary_authorization']).toEqual({
      evaluation_mode: 'PROJECT_SINGLETON_POLICY_ENFORCE',
    });
  });

  it('the DNS endpoint accepts outside traffic only when asked', () => {
    expect(clusterOf(synth({ dnsEndpoint: true }))['control_plane_endpoints_config']).toEqual({
      dns_endpoint_config: { allow_external_traffic: true },
    });
  });

  it('publishes a reference with the id GKE gives the cluster and the node account', () => {
    const stack = scope();
    const { ref } = new GkeCluster(stack, 'gke', props);
    new TerraformOutput(stack, 'email', { value: ref.nodeServiceAccountEmail });
    expect(ref).toEqual(
      expect.objectContaining({
        projectId: 'acme-dev',
        clusterId: 'projects/acme-dev/locations/europe-west1/clusters/dev-gke',
        clusterName: 'dev-gke',
        location: 'europe-west1',
        privateEndpoint: true,
        dnsEndpoint: false,
      }),
    );
    expect(synthJson(stack).output?.['email']?.['value']).toMatch(
      /^\$\{google_service_account\.gke_node-service-account_\w+\.email\}$/,
    );
  });
});

describe('GKE cluster props are validated, every problem named at once', () => {
  it('reports a bad name, project number, control-plane range and pool list together', () => {
    let message = '';
    try {
      build({
        name: 'Dev_GKE',
        projectNumber: 'acme-dev',
        controlPlaneCidr: '172.16.0.0/24',
        nodePools: [],
      })();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('test/gke: name must be 1-40 lowercase letters');
    expect(message).toContain(
      'projectNumber must be the project\'s number from config, digits only (got "acme-dev")',
    );
    expect(message).toContain('controlPlaneCidr must be an IPv4 /28 network address');
    expect(message).toContain('nodePools must list at least one pool');
  });

  it('a cluster name may have 40 characters, not 41', () => {
    const forty = `a${'b'.repeat(39)}`;
    expect(build({ name: forty, nodeServiceAccountId: 'long-nodes' })).not.toThrow();
    expect(build({ name: `${forty}c`, nodeServiceAccountId: 'long-nodes' })).toThrow(
      /name must be 1-40 lowercase letters/,
    );
  });

  it('a derived node account id that is too long asks for nodeServiceAccountId', () => {
    expect(build({ name: 'a-cluster-name-of-twenty-seven' })).toThrow(
      /nodeServiceAccountId must be 6-30 .* \(got "a-cluster-name-of-twenty-seven-nodes", derived from name: set nodeServiceAccountId\)/,
    );
  });

  it('a control-plane range that is not a network address, pods and services on one range, a repeated pool', () => {
    expect(build({ controlPlaneCidr: '172.16.0.8/28' })).toThrow(/controlPlaneCidr must be/);
    expect(build({ servicesRangeName: 'gke-pods' })).toThrow(
      /podsRangeName and servicesRangeName must name two different secondary ranges/,
    );
    expect(build({ nodePools: [props.nodePools[0]!, props.nodePools[0]!] })).toThrow(
      /nodePools names must be unique \(got system, system\)/,
    );
  });

  it('an authorized network that is not a CIDR block', () => {
    expect(
      build({ authorizedNetworks: [{ cidrBlock: '203.0.113.7', displayName: 'one host' }] }),
    ).toThrow(/authorizedNetworks must be IPv4 network addresses .*\(got "203\.0\.113\.7"\)/);
  });
});
