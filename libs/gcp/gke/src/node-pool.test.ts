import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, synthJson } from '@platform/testing';
import { TerraformStack, Testing } from 'cdktf';
import { GkeNodePool, type GkeNodePoolProps } from './node-pool';

const scope = () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-dev', region: 'europe-west1' });
  return stack;
};

const props: GkeNodePoolProps = {
  name: 'system',
  clusterId: 'projects/acme-dev/locations/europe-west1/clusters/dev-gke',
  projectId: 'acme-dev',
  location: 'europe-west1',
  machineType: 'e2-standard-4',
  minNodesPerZone: 1,
  maxNodesPerZone: 3,
  serviceAccountEmail: 'dev-gke-nodes@acme-dev.iam.gserviceaccount.com',
};

const poolOf = (overrides: Partial<GkeNodePoolProps> = {}) => {
  const stack = scope();
  new GkeNodePool(stack, 'pool', { ...props, ...overrides });
  return resourcesOf(synthJson(stack), 'google_container_node_pool')[0]!;
};
const build = (overrides: Partial<GkeNodePoolProps>) => () =>
  new GkeNodePool(scope(), 'pool', { ...props, ...overrides });

describe('GKE node pool', () => {
  const pool = poolOf();
  const nodeConfig = pool['node_config'] as Record<string, unknown>;

  it('autoscales between the per-zone bounds, balanced across zones', () => {
    expect(pool['autoscaling']).toEqual({
      min_node_count: 1,
      max_node_count: 3,
      location_policy: 'BALANCED',
    });
  });

  it('upgrades and repairs itself, surging one node before taking one away', () => {
    expect(pool['management']).toEqual({ auto_upgrade: true, auto_repair: true });
    expect(pool['upgrade_settings']).toEqual({
      strategy: 'SURGE',
      max_surge: 1,
      max_unavailable: 0,
    });
  });

  it('nodes are shielded COS VMs behind the GKE metadata server, with legacy metadata endpoints off', () => {
    expect(nodeConfig).toEqual(
      expect.objectContaining({
        image_type: 'COS_CONTAINERD',
        shielded_instance_config: { enable_secure_boot: true, enable_integrity_monitoring: true },
        workload_metadata_config: { mode: 'GKE_METADATA' },
        metadata: { 'disable-legacy-endpoints': 'true' },
      }),
    );
  });

  it('nodes run as the given account with the cloud-platform scope (IAM limits them, not scopes)', () => {
    expect(nodeConfig['service_account']).toBe('dev-gke-nodes@acme-dev.iam.gserviceaccount.com');
    expect(nodeConfig['oauth_scopes']).toEqual(['https://www.googleapis.com/auth/cloud-platform']);
  });

  it('changing the minimum later never replaces the pool: terraform ignores the initial count', () => {
    expect(pool['initial_node_count']).toBe(1);
    expect(pool['lifecycle']).toEqual({ ignore_changes: ['initial_node_count'] });
  });

  it('a spot pool runs Spot VMs wherever capacity is, with its labels and taints', () => {
    const spot = poolOf({
      spot: true,
      minNodesPerZone: 0,
      labels: { workload: 'batch' },
      taints: [{ key: 'workload', value: 'batch', effect: 'NO_SCHEDULE' }],
    });
    expect(spot['autoscaling']).toEqual(expect.objectContaining({ location_policy: 'ANY' }));
    expect(spot['node_config']).toEqual(
      expect.objectContaining({
        spot: true,
        labels: { workload: 'batch' },
        taint: [{ key: 'workload', value: 'batch', effect: 'NO_SCHEDULE' }],
      }),
    );
    expect(nodeConfig['spot']).toBe(false);
  });
});

describe('GKE node pool props are validated', () => {
  it.each([
    'e2-standard-4',
    'n2-highmem-8',
    'n2d-standard-16',
    'c3-highcpu-22',
    't2d-standard-4',
    'e2-medium',
    'n2-custom-4-16384',
  ])('accepts machine type %s', (machineType) => expect(build({ machineType })).not.toThrow());

  it.each(['n1-standard-4', 't2a-standard-4', 'a2-highgpu-1g', 'm1-ultramem-40', 'e2-standard'])(
    'refuses machine type %s, naming the allowed families',
    (machineType) =>
      expect(build({ machineType })).toThrow(
        `test/pool: machineType "${machineType}" is not allowed; use a e2, n2, n2d, n4, c3, c3d, t2d type`,
      ),
  );

  it('a pool name may have 40 characters, lowercase, not 41 or uppercase', () => {
    const forty = `p${'o'.repeat(39)}`;
    expect(build({ name: forty })).not.toThrow();
    expect(build({ name: `${forty}l` })).toThrow(/name must be 1-40 lowercase letters/);
    expect(build({ name: 'System' })).toThrow(/\(got "System"\)/);
  });

  it('reports contradictory sizes, a bad disk, a bad taint and the default compute account together', () => {
    expect(
      build({
        minNodesPerZone: 4,
        maxNodesPerZone: 2,
        diskSizeGb: 5,
        taints: [{ key: 'a', value: 'b', effect: 'NoSchedule' as 'NO_SCHEDULE' }],
        serviceAccountEmail: '123456789012-compute@developer.gserviceaccount.com',
      }),
    ).toThrow(
      'test/pool: minNodesPerZone and maxNodesPerZone must be whole numbers with 0 <= min <= max and max >= 1 (got 4, 2); ' +
        'diskSizeGb must be a whole number from 10 to 65536 (got 5); ' +
        'taint effect must be one of NO_SCHEDULE, PREFER_NO_SCHEDULE, NO_EXECUTE (got "NoSchedule" on a); ' +
        'serviceAccountEmail must be a dedicated node account, not the Compute Engine default account (got "123456789012-compute@developer.gserviceaccount.com")',
    );
  });
});
