import { environmentsOf, loadEnvironments } from './load';
import { editedEnvironments, ENVIRONMENTS_DIR, problems, problemsAfter } from './test-support';

describe('Google Cloud environment files', () => {
  it('the examples load: gcpdev then gcpprod on their own promotion path, with regional subnets', () => {
    const gcp = environmentsOf('gcp', loadEnvironments(ENVIRONMENTS_DIR));
    expect(gcp.map((e) => [e.name, e.deployOrder])).toEqual([
      ['gcpdev', 1],
      ['gcpprod', 2],
    ]);
    expect(gcp[1]!.subnets).toEqual([
      { tier: 'nodes', cidr: '10.60.0.0/20' },
      { tier: 'data', cidr: '10.60.16.0/24' },
    ]);
    expect(gcp[0]!.delivery.canaryPercentages).toEqual([25, 50]);
  });

  it('a file without cloud is refused at cloud, naming the clouds there are', () => {
    const dir = editedEnvironments((d) => d['gcpdev']!.delete('cloud'));
    expect(problems(dir)).toContainEqual(
      expect.stringMatching(/^gcpdev\.yaml cloud: .*"aws".*"gcp"/),
    );
  });

  it('an unknown field lists the fields a GCP file allows there', () => {
    const dir = editedEnvironments((d) => d['gcpdev']!.set('eks', { version: '1.32' }));
    expect(problems(dir)).toEqual([
      expect.stringMatching(/^gcpdev\.yaml eks: unknown field; allowed here: .*\bgcp\b.*\bgke\b/),
    ]);
  });

  it.each([
    [
      'a zone of another region',
      (d: Parameters<Parameters<typeof editedEnvironments>[0]>[0]) =>
        d['gcpdev']!.setIn(['gcp', 'zones', 1], 'us-east1-b'),
      /^gcpdev\.yaml gcp\.zones\.1: "us-east1-b" is not a zone of europe-west1/,
    ],
    [
      'one zone in production',
      (d: Parameters<Parameters<typeof editedEnvironments>[0]>[0]) =>
        d['gcpprod']!.setIn(['gcp', 'zones'], ['europe-west1-b']),
      /^gcpprod\.yaml gcp\.zones: a production environment needs at least 2 zones/,
    ],
    [
      'a pod range overlapping the primary range',
      (d: Parameters<Parameters<typeof editedEnvironments>[0]>[0]) =>
        d['gcpdev']!.setIn(['network', 'podsCidr'], '10.50.128.0/17'),
      /^gcpdev\.yaml network\.podsCidr: 10\.50\.128\.0\/17 overlaps network\.cidr/,
    ],
    [
      'a control plane range that is not a /28',
      (d: Parameters<Parameters<typeof editedEnvironments>[0]>[0]) =>
        d['gcpdev']!.setIn(['gke', 'controlPlaneCidr'], '172.16.0.0/24'),
      /^gcpdev\.yaml gke\.controlPlaneCidr: GKE needs a \/28 here/,
    ],
    [
      'a control plane open to the internet',
      (d: Parameters<Parameters<typeof editedEnvironments>[0]>[0]) =>
        d['gcpdev']!.setIn(['gke', 'authorizedNetworks'], [{ name: 'all', cidr: '0.0.0.0/0' }]),
      /^gcpdev\.yaml gke\.authorizedNetworks\.0\.cidr: opens the control plane to a \/0/,
    ],
    [
      'canary steps that do not increase',
      (d: Parameters<Parameters<typeof editedEnvironments>[0]>[0]) =>
        d['gcpdev']!.setIn(['delivery', 'canaryPercentages'], [50, 25]),
      /^gcpdev\.yaml delivery\.canaryPercentages\.1: canary steps must increase: 25 follows 50/,
    ],
    [
      'a node pool whose maximum is below its minimum',
      (d: Parameters<Parameters<typeof editedEnvironments>[0]>[0]) =>
        d['gcpdev']!.setIn(['gke', 'nodePools', 0, 'maxNodes'], 0),
      /^gcpdev\.yaml gke\.nodePools\.0\.maxNodes: /,
    ],
    [
      'a project id used by another environment',
      (d: Parameters<Parameters<typeof editedEnvironments>[0]>[0]) =>
        d['gcpprod']!.setIn(['gcp', 'projectId'], 'acme-platform-gcpdev'),
      /^gcpprod\.yaml gcp\.projectId: project id "acme-platform-gcpdev" is already used by/,
    ],
    [
      'a network range overlapping an AWS environment',
      (d: Parameters<Parameters<typeof editedEnvironments>[0]>[0]) =>
        d['gcpdev']!.setIn(['network', 'cidr'], '10.10.0.0/16'),
      /^gcpdev\.yaml network\.cidr: 10\.10\.0\.0\/16 overlaps 10\.10\.0\.0\/16 of .*dev\.yaml/,
    ],
    [
      'a later environment running a service the first does not build',
      (d: Parameters<Parameters<typeof editedEnvironments>[0]>[0]) =>
        d['gcpprod']!.setIn(['services', 0, 'name'], 'billing'),
      /^gcpprod\.yaml services\.0\.name: "billing" is not built anywhere: images are built in .*gcpdev\.yaml/,
    ],
    [
      'a first environment that builds without a GitHub connection',
      (d: Parameters<Parameters<typeof editedEnvironments>[0]>[0]) =>
        d['gcpdev']!.deleteIn(['delivery', 'github']),
      /^gcpdev\.yaml delivery\.github: is required: Cloud Build builds/,
    ],
  ])('refuses %s, naming file and field', (_, edit, expected) => {
    expect(problems(editedEnvironments(edit))).toContainEqual(expect.stringMatching(expected));
  });
});

describe('Google Cloud environment rules, word for word', () => {
  type Docs = Parameters<Parameters<typeof editedEnvironments>[0]>[0];

  it('zones: each once; production needs two (two are enough)', () => {
    expect(
      problemsAfter((d) =>
        d['gcpdev']!.setIn(['gcp', 'zones'], ['europe-west1-b', 'europe-west1-b']),
      ),
    ).toEqual(['gcpdev.yaml gcp.zones.1: "europe-west1-b" is listed twice']);
    expect(
      problemsAfter((d) =>
        d['gcpprod']!.setIn(['gcp', 'zones'], ['europe-west1-b', 'europe-west1-c']),
      ),
    ).toEqual([]);
    expect(problemsAfter((d) => d['gcpprod']!.setIn(['gcp', 'zones'], ['europe-west1-b']))).toEqual(
      ['gcpprod.yaml gcp.zones: a production environment needs at least 2 zones (got 1)'],
    );
  });

  it('tags become label values of at most 63 characters', () => {
    expect(problemsAfter((d) => d['gcpdev']!.setIn(['tags', 'owner'], 'o'.repeat(63)))).toEqual([]);
    expect(
      problemsAfter((d) => d['gcpdev']!.setIn(['tags', 'costCenter'], 'c'.repeat(64))),
    ).toEqual([
      'gcpdev.yaml tags.costCenter: becomes a GCP label value, which is at most 63 characters (got 64)',
    ]);
    expect(problemsAfter((d) => d['gcpdev']!.setIn(['tags', 'owner'], 'o'.repeat(64)))).toEqual([
      'gcpdev.yaml tags.owner: becomes a GCP label value, which is at most 63 characters (got 64)',
    ]);
  });

  it('service and node pool names are used once', () => {
    expect(
      problemsAfter((d) => {
        d['gcpdev']!.setIn(['services', 1, 'name'], 'web');
        d['gcpprod']!.setIn(['services', 1, 'name'], 'web');
      }),
    ).toEqual([
      'gcpdev.yaml services.1.name: service name "web" is used twice',
      'gcpprod.yaml services.1.name: service name "web" is used twice',
    ]);
    expect(
      problemsAfter((d) => {
        const pools = d['gcpdev']!.getIn(['gke', 'nodePools']) as { add(v: unknown): void };
        pools.add({ name: 'general', machineType: 'e2-standard-4', minNodes: 1, maxNodes: 2 });
      }),
    ).toEqual(['gcpdev.yaml gke.nodePools.1.name: node pool name "general" is used twice']);
  });

  it('a node pool maximum is at least its minimum (equal is fine)', () => {
    const pool = (min: number, max: number) => (d: Docs) => {
      d['gcpdev']!.setIn(['gke', 'nodePools', 0, 'minNodes'], min);
      d['gcpdev']!.setIn(['gke', 'nodePools', 0, 'maxNodes'], max);
    };
    expect(problemsAfter(pool(3, 2))).toEqual([
      'gcpdev.yaml gke.nodePools.0.maxNodes: must be at least minNodes (3) (got 2)',
    ]);
    expect(problemsAfter(pool(2, 2))).toEqual([]);
  });

  it('canary steps increase strictly', () => {
    expect(
      problemsAfter((d) => d['gcpdev']!.setIn(['delivery', 'canaryPercentages'], [25, 25])),
    ).toEqual([
      'gcpdev.yaml delivery.canaryPercentages.1: canary steps must increase: 25 follows 25',
    ]);
    expect(
      problemsAfter((d) => d['gcpdev']!.setIn(['delivery', 'canaryPercentages'], [10])),
    ).toEqual([]);
  });

  it('each range starts at its first address; nothing else about ranges is checked until they do', () => {
    expect(
      problemsAfter((d) => {
        d['gcpdev']!.setIn(['network', 'servicesCidr'], '10.56.0.1/20');
        d['gcpdev']!.setIn(['gke', 'controlPlaneCidr'], '172.16.0.1/24');
      }),
    ).toEqual([
      'gcpdev.yaml network.servicesCidr: "10.56.0.1/20" is not an IPv4 range starting at its first address, e.g. 10.40.0.0/16',
      'gcpdev.yaml gke.controlPlaneCidr: "172.16.0.1/24" is not an IPv4 range starting at its first address, e.g. 10.40.0.0/16',
    ]);
  });

  it('authorized networks: canonical ranges of /8 or narrower', () => {
    const networks =
      (...cidrs: string[]) =>
      (d: Docs) =>
        d['gcpdev']!.setIn(
          ['gke', 'authorizedNetworks'],
          cidrs.map((cidr, i) => ({ name: `office-${i}`, cidr })),
        );
    expect(problemsAfter(networks('203.0.113.0/24', '203.0.113.9/24', '10.0.0.0/7'))).toEqual([
      'gcpdev.yaml gke.authorizedNetworks.1.cidr: "203.0.113.9/24" is not an IPv4 range starting at its first address, e.g. 203.0.113.0/24',
      'gcpdev.yaml gke.authorizedNetworks.2.cidr: opens the control plane to a /7: name your own ranges, /8 or narrower',
    ]);
    expect(problemsAfter(networks('11.0.0.0/8'))).toEqual([]);
  });

  it('ranges that overlap are named at the later one', () => {
    expect(
      problemsAfter((d) => d['gcpdev']!.setIn(['gke', 'controlPlaneCidr'], '10.56.0.0/28')),
    ).toEqual([
      'gcpdev.yaml gke.controlPlaneCidr: 10.56.0.0/28 overlaps network.servicesCidr (10.56.0.0/20)',
    ]);
  });

  it('subnets that do not fit the primary range are refused', () => {
    expect(problemsAfter((d) => d['gcpdev']!.setIn(['network', 'cidr'], '10.50.0.0/22'))).toEqual([
      expect.stringMatching(/^gcpdev\.yaml network\.subnets: subnets do not fit: /),
    ]);
  });
});
