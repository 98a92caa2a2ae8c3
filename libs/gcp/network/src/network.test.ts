import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { resourcesOf, synthJson } from '@platform/testing';
import { TerraformStack, Testing } from 'cdktf';
import { GcpNetwork, type GcpNetworkProps } from './network';

const TIERS: GcpNetworkProps['tiers'] = [
  {
    name: 'nodes',
    prefixLength: 20,
    nat: true,
    secondaryRanges: [
      { name: 'pods', cidr: '10.64.0.0/14' },
      { name: 'services', prefixLength: 22 },
    ],
  },
  { name: 'data', prefixLength: 24 },
];

const stackWith = (props: Partial<GcpNetworkProps> = {}) => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-dev' });
  const network = new GcpNetwork(stack, 'network', {
    name: 'platform-dev',
    region: 'europe-west1',
    cidr: '10.40.0.0/16',
    tiers: TIERS,
    ...props,
  });
  return { stack, network };
};
const synth = (props: Partial<GcpNetworkProps> = {}) => synthJson(stackWith(props).stack);
const byName = (json: ReturnType<typeof synth>, type: string) =>
  Object.fromEntries(resourcesOf(json, type).map((r) => [r['name'] as string, r]));

describe('GcpNetwork', () => {
  const json = synth({ healthCheckPorts: [8080, 443] });

  it('is a custom-mode, regionally routed VPC that keeps the default internet route for NAT', () => {
    expect(resourcesOf(json, 'google_compute_network')).toEqual([
      expect.objectContaining({
        name: 'platform-dev',
        auto_create_subnetworks: false,
        routing_mode: 'REGIONAL',
        delete_default_routes_on_create: false,
      }),
    ]);
  });

  it('has one subnet per tier, ranges computed from the network range, with Private Google Access', () => {
    const subnets = byName(json, 'google_compute_subnetwork');
    expect(Object.keys(subnets).sort()).toEqual(['platform-dev-data', 'platform-dev-nodes']);
    expect(subnets['platform-dev-nodes']).toEqual(
      expect.objectContaining({
        ip_cidr_range: '10.40.0.0/20',
        region: 'europe-west1',
        private_ip_google_access: true,
        network: expect.stringMatching(/^\$\{google_compute_network\.[\w-]+\.id\}$/),
      }),
    );
    expect(subnets['platform-dev-data']!['ip_cidr_range']).toBe('10.40.20.0/24');
    expect(subnets['platform-dev-data']!['private_ip_google_access']).toBe(true);
  });

  it('logs flows on every subnet with sampling, interval and metadata', () => {
    for (const subnet of resourcesOf(
      synth({ flowLogSampling: 0.25 }),
      'google_compute_subnetwork',
    )) {
      expect(subnet['log_config']).toEqual({
        aggregation_interval: 'INTERVAL_5_SEC',
        flow_sampling: 0.25,
        metadata: 'INCLUDE_ALL_METADATA',
      });
    }
  });

  it('puts the GKE pod and service ranges on the tier that hosts GKE, and only there', () => {
    const subnets = byName(json, 'google_compute_subnetwork');
    expect(subnets['platform-dev-nodes']!['secondary_ip_range']).toEqual([
      { range_name: 'nodes-pods', ip_cidr_range: '10.64.0.0/14' },
      { range_name: 'nodes-services', ip_cidr_range: '10.40.16.0/22' },
    ]);
    expect(subnets['platform-dev-data']!['secondary_ip_range']).toBeUndefined();
  });

  it('names secondary ranges for the GKE family and refuses unknown ones', () => {
    const { network } = stackWith();
    expect(network.secondaryRangeName('nodes', 'pods')).toBe('nodes-pods');
    expect(() => network.secondaryRangeName('data', 'pods')).toThrow(
      'test/network: tier "data" has no secondary range "pods"',
    );
  });

  it('routes only the NAT tiers (all their ranges) through one logged Cloud NAT on a Cloud Router', () => {
    const [router] = resourcesOf(json, 'google_compute_router');
    expect(router).toEqual(
      expect.objectContaining({ name: 'platform-dev-router', region: 'europe-west1' }),
    );
    expect(resourcesOf(json, 'google_compute_router_nat')).toEqual([
      expect.objectContaining({
        region: 'europe-west1',
        router: expect.stringMatching(/^\$\{google_compute_router\.[\w-]+\.name\}$/),
        nat_ip_allocate_option: 'AUTO_ONLY',
        source_subnetwork_ip_ranges_to_nat: 'LIST_OF_SUBNETWORKS',
        subnetwork: [
          {
            name: expect.stringMatching(
              /^\$\{google_compute_subnetwork\.network_subnet-nodes_[\w]+\.id\}$/,
            ),
            source_ip_ranges_to_nat: ['ALL_IP_RANGES'],
          },
        ],
        log_config: { enable: true, filter: 'ERRORS_ONLY' },
      }),
    ]);
  });

  it('has no router and no NAT when no tier asks for NAT', () => {
    const noNat = synth({ tiers: [{ name: 'data', prefixLength: 24 }] });
    expect(resourcesOf(noNat, 'google_compute_router')).toHaveLength(0);
    expect(resourcesOf(noNat, 'google_compute_router_nat')).toHaveLength(0);
  });

  it('denies and logs all ingress at priority 65534, explicitly', () => {
    expect(byName(json, 'google_compute_firewall')['platform-dev-deny-all-ingress']).toEqual(
      expect.objectContaining({
        direction: 'INGRESS',
        priority: 65534,
        source_ranges: ['0.0.0.0/0'],
        deny: [{ protocol: 'all' }],
        log_config: { metadata: 'INCLUDE_ALL_METADATA' },
      }),
    );
  });

  it("lets Google's health checks reach the load-balanced ports only", () => {
    expect(byName(json, 'google_compute_firewall')['platform-dev-allow-health-checks']).toEqual(
      expect.objectContaining({
        direction: 'INGRESS',
        source_ranges: ['35.191.0.0/16', '130.211.0.0/22'],
        allow: [{ protocol: 'tcp', ports: ['443', '8080'] }],
        log_config: { metadata: 'INCLUDE_ALL_METADATA' },
      }),
    );
  });

  it('allows 0.0.0.0/0 in nowhere, and SSH from nowhere unless IAP SSH is asked for', () => {
    for (const json of [synth({ healthCheckPorts: [80] }), synth({ allowIapSsh: true })]) {
      for (const rule of resourcesOf(json, 'google_compute_firewall')) {
        if ((rule['source_ranges'] as string[]).includes('0.0.0.0/0')) {
          expect(rule['allow']).toBeUndefined();
        }
      }
    }
    const names = (j: ReturnType<typeof synth>) =>
      Object.keys(byName(j, 'google_compute_firewall')).sort();
    expect(names(synth())).toEqual(['platform-dev-deny-all-ingress']);
    expect(
      byName(synth({ allowIapSsh: true }), 'google_compute_firewall')['platform-dev-allow-iap-ssh'],
    ).toEqual(
      expect.objectContaining({
        source_ranges: ['35.235.240.0/20'],
        allow: [{ protocol: 'tcp', ports: ['22'] }],
      }),
    );
  });

  it('enables the Compute Engine API without disabling it on destroy, before the network', () => {
    const [api] = resourcesOf(json, 'google_project_service');
    expect(api).toEqual({ service: 'compute.googleapis.com', disable_on_destroy: false });
    expect(resourcesOf(json, 'google_compute_network')[0]!['depends_on']).toEqual([
      expect.stringMatching(/^google_project_service\./),
    ]);
  });

  it('reports every bad prop at once, naming it and the bad value', () => {
    expect(() =>
      stackWith({
        name: 'Platform',
        tiers: [
          { name: 'nodes', prefixLength: 20 },
          { name: 'nodes', prefixLength: 8 },
        ],
        flowLogSampling: 0,
      }),
    ).toThrow(
      'test/network: name must be lowercase letters, digits and hyphens, starting with a letter (got "Platform"); ' +
        'tiers lists a tier twice (got nodes, nodes); ' +
        'flowLogSampling must be above 0 and at most 1 (got 0); ' +
        'ranges: range "nodes" is requested twice; ' +
        'ranges: range "nodes": prefixLength must be a whole number from 16 (the network range) to 29 (got 8)',
    );
  });

  it('refuses ranges that do not fit in the network range', () => {
    expect(() => stackWith({ cidr: '10.40.0.0/20' })).toThrow(
      'test/network: ranges: "nodes-services", "data" do not fit: the sized ranges need 5376 addresses but 10.40.0.0/20 has 4096',
    );
  });

  it('keeps a fixed primary range given by the caller, and refuses one outside the network range', () => {
    const fixed = synth({ tiers: [{ name: 'data', cidr: '10.40.200.0/24' }] });
    expect(byName(fixed, 'google_compute_subnetwork')['platform-dev-data']).toEqual(
      expect.objectContaining({ ip_cidr_range: '10.40.200.0/24' }),
    );
    expect(() => stackWith({ tiers: [{ name: 'data', cidr: '10.41.0.0/24' }] })).toThrow(
      "test/network: a tier's primary range must lie inside the network range 10.40.0.0/16 (got data 10.41.0.0/24)",
    );
  });

  it('refuses a name that makes a resource name longer than 63 characters', () => {
    expect(() => stackWith({ name: `p${'x'.repeat(50)}` })).toThrow(
      /name "px+" is too long: "px+-allow-health-checks" would exceed GCP's 63 characters/,
    );
  });
});
