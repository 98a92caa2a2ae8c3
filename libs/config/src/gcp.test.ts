import { environmentsOf, loadEnvironments } from './load';
import { editedEnvironments, ENVIRONMENTS_DIR, problems } from './test-support';

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
