import { type ContractValues, defineContract } from '../remote-state';

const shape = {
  clusterId: 'string',
  clusterName: 'string',
  location: 'string',
  nodeServiceAccountEmail: 'string',
} as const;

/** What the gke family publishes: the cluster and the identity its nodes run as. */
export const gkeContract = defineContract('gke', shape, {
  clusterId: 'Id of the GKE cluster (projects/<project>/locations/<region>/clusters/<name>)',
  clusterName: 'Name of the GKE cluster',
  location: 'Region of the (regional) cluster',
  nodeServiceAccountEmail:
    'Service account the nodes run as: logs, metrics and image pulls (never the Compute default)',
});

/** A typed reference to an environment's GKE cluster. */
export type GkeRef = ContractValues<typeof shape>;
