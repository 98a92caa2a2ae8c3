import {
  artifactRepositoryId,
  cloudDeployExecutionServiceAccountEmail,
  gcpNetworkName,
  gkeClusterId,
  gkeNodeServiceAccountEmail,
  gkeNodeServiceAccountId,
  gkeSecondaryRangeNames,
} from './gcp-naming';
import { environmentProblems } from './load';
import { editedEnvironments, problems } from './test-support';

const dev = { name: 'gcpdev', gcp: { projectId: 'acme-dev', region: 'europe-west1' } } as const;
const prod = { name: 'gcpprod', gcp: { projectId: 'acme-prod', region: 'europe-west1' } } as const;

describe('GCP names shared between stack families', () => {
  it('the GKE ranges are the nodes tier secondary ranges, nodes-pods and nodes-services', () => {
    expect(gkeSecondaryRangeNames()).toEqual({ pods: 'nodes-pods', services: 'nodes-services' });
  });

  it('the cluster and its node account are named from the environment, in its own project', () => {
    expect(gkeClusterId(prod as never)).toBe(
      'projects/acme-prod/locations/europe-west1/clusters/gcpprod-gke',
    );
    expect(gkeNodeServiceAccountId(prod)).toBe('gcpprod-gke-nodes');
    expect(gkeNodeServiceAccountEmail(prod as never)).toBe(
      'gcpprod-gke-nodes@acme-prod.iam.gserviceaccount.com',
    );
  });

  it('the longest environment name still gives a service account id of at most 30 characters', () => {
    expect(gkeNodeServiceAccountId({ name: 'abcdefghijkl' })).toHaveLength(22);
  });

  it('images live in the building environment; each target deploys as its own account there', () => {
    expect(artifactRepositoryId(dev as never, 'web')).toBe(
      'projects/acme-dev/locations/europe-west1/repositories/web',
    );
    expect(cloudDeployExecutionServiceAccountEmail(dev as never, prod)).toBe(
      'deploy-gcpprod@acme-dev.iam.gserviceaccount.com',
    );
    expect(gcpNetworkName(prod)).toBe('gcpprod-vpc');
  });
});

describe('how Cloud Deploy reaches a private control plane', () => {
  it('without the DNS endpoint, a private worker pool is required, and the field is named', () => {
    const dir = editedEnvironments((d) => d['gcpprod']!.setIn(['gke', 'dnsEndpoint'], false));
    expect(problems(dir)).toEqual([
      'gcpprod.yaml delivery.workerPool: is required while gke.dnsEndpoint is false: Cloud Deploy needs a route to the private control plane (set gke.dnsEndpoint: true, or name a private pool here)',
    ]);
  });

  it('a private worker pool instead of the DNS endpoint is accepted', () => {
    const dir = editedEnvironments((d) => {
      d['gcpprod']!.setIn(['gke', 'dnsEndpoint'], false);
      d['gcpprod']!.setIn(
        ['delivery', 'workerPool'],
        'projects/acme-platform-gcpdev/locations/europe-west1/workerPools/deploy',
      );
    });
    expect(environmentProblems(dir)).toEqual([]);
  });
});
