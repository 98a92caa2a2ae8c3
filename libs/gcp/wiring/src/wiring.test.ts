// How the GCP stack families meet: each side of every cross-family (and cross-project) name is
// read from what the producing and the consuming stacks synthesize, for every example GCP
// environment. A family computes another's names from config (libs/config/src/gcp-naming.ts)
// instead of reading remote state across projects; these tests fail when the two drift apart.
import { GcpBootstrapStack } from '@platform/gcp-bootstrap';
import { GcpDeliveryStack } from '@platform/gcp-delivery';
import { GkeStack } from '@platform/gcp-gke';
import { GcpNetworkStack } from '@platform/gcp-network';
import { GcpRegistryStack, hostsGcpRegistry } from '@platform/gcp-registry';
import { gcpEnvironments, resourcesOf, type StackJson, synthJson } from '@platform/testing';
import { App } from 'cdktf';

const all = gcpEnvironments();
const names = all.map((e) => e.name);
const byEnv = <T>(build: (env: (typeof all)[number]) => T) =>
  Object.fromEntries(all.map((e) => [e.name, build(e)])) as Record<string, T>;

const gke = byEnv((e) => synthJson(new GkeStack(new App(), e)));
const network = byEnv((e) => synthJson(new GcpNetworkStack(new App(), e)));
const bootstrap = byEnv((e) => synthJson(new GcpBootstrapStack(new App(), e)));
const delivery = byEnv((e) => synthJson(new GcpDeliveryStack(new App(), e, all)));
const registries = all
  .filter((e) => hostsGcpRegistry(e, all))
  .map((e) => synthJson(new GcpRegistryStack(new App(), e, all)));

const only = <T>(list: T[]): T => {
  expect(list).toHaveLength(1);
  return list[0] as T;
};
const clusterOf = (json: StackJson) => only(resourcesOf(json, 'google_container_cluster'));
const nodeAccountOf = (json: StackJson) => {
  const account = only(resourcesOf(json, 'google_service_account'));
  return `serviceAccount:${account['account_id']}@${account['project']}.iam.gserviceaccount.com`;
};

describe('GCP families agree on the names they share', () => {
  it('the registry grants pull to exactly the node service accounts the gke stacks create', () => {
    const registry = only(registries);
    const members = new Set(
      resourcesOf(registry, 'google_artifact_registry_repository_iam_member')
        .filter((g) => g['role'] === 'roles/artifactregistry.reader')
        .map((g) => g['member']),
    );
    expect([...members].sort()).toEqual(names.map((n) => nodeAccountOf(gke[n]!)).sort());
  });

  it('every Cloud Deploy target points at the cluster the gke stack of its environment creates', () => {
    const pipeline = only(
      Object.values(delivery).filter((j) => j.resource?.['google_clouddeploy_target']),
    );
    for (const name of names) {
      const cluster = clusterOf(gke[name]!);
      const target = only(
        resourcesOf(pipeline, 'google_clouddeploy_target').filter((t) => t['name'] === name),
      );
      expect((target['gke'] as Record<string, unknown>)['cluster']).toBe(
        `projects/${cluster['project']}/locations/${cluster['location']}/clusters/${cluster['name']}`,
      );
    }
  });

  it.each(names)(
    '%s: GKE uses the secondary ranges the network creates on the nodes subnet',
    (name) => {
      const subnet = only(
        resourcesOf(network[name]!, 'google_compute_subnetwork').filter((s) =>
          Array.isArray(s['secondary_ip_range']),
        ),
      );
      const created = (subnet['secondary_ip_range'] as { range_name: string }[]).map(
        (r) => r.range_name,
      );
      const policy = clusterOf(gke[name]!)['ip_allocation_policy'] as Record<string, string>;
      expect(created).toEqual([
        policy['cluster_secondary_range_name'],
        policy['services_secondary_range_name'],
      ]);
      expect(String(clusterOf(gke[name]!)['subnetwork'])).toContain('nodes_subnet_self_link');
    },
  );

  it.each(names)(
    '%s: every project-level role a GCP family grants there is one its deploy account may grant',
    (name) => {
      const env = all.find((e) => e.name === name)!;
      const expression = String(
        (
          resourcesOf(bootstrap[name]!, 'google_project_iam_member').find(
            (m) => m['role'] === 'roles/resourcemanager.projectIamAdmin',
          )!['condition'] as Record<string, unknown>
        )['expression'],
      );
      const grantable = [...expression.matchAll(/'(roles\/[\w.]+)'/g)].map((m) => m[1]);
      const granted = [gke, network, delivery]
        .flatMap((family) => Object.values(family))
        .concat(registries)
        .flatMap((json) => resourcesOf(json, 'google_project_iam_member'))
        .filter((g) => g['project'] === env.gcp.projectId)
        .map((g) => g['role']);
      expect(granted.length).toBeGreaterThan(0);
      expect(granted.filter((role) => !grantable.includes(role as string))).toEqual([]);
    },
  );

  it('builds push to repositories the registry creates, in the same project', () => {
    const registry = only(registries);
    const repositories = resourcesOf(registry, 'google_artifact_registry_repository').map(
      (r) => `${r['project']}/${r['location']}/${r['repository_id']}`,
    );
    const pipeline = only(
      Object.values(delivery).filter((j) => j.resource?.['google_clouddeploy_target']),
    );
    const pushes = resourcesOf(pipeline, 'google_artifact_registry_repository_iam_member').map(
      (g) => `${g['project']}/${g['location']}/${g['repository']}`,
    );
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.filter((p) => !repositories.includes(p))).toEqual([]);
  });
});
