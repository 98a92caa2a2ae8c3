import { type ContractValues, defineContract } from '../remote-state';

const shape = {
  networkId: 'string',
  networkSelfLink: 'string',
  nodesSubnetId: 'string',
  nodesSubnetSelfLink: 'string',
  dataSubnetId: 'string',
  dataSubnetSelfLink: 'string',
  podsRangeName: 'string',
  servicesRangeName: 'string',
} as const;

/** What the network family publishes in a Google Cloud environment: the VPC and its subnets, by tier. */
export const gcpNetworkContract = defineContract('network', shape, {
  networkId: 'Id of the VPC network (projects/<project>/global/networks/<name>)',
  networkSelfLink: 'Self link of the VPC network',
  nodesSubnetId: 'Id of the nodes subnet: GKE nodes and internal load balancers, with Cloud NAT',
  nodesSubnetSelfLink: 'Self link of the nodes subnet',
  dataSubnetId: 'Id of the data subnet: private data services, no NAT',
  dataSubnetSelfLink: 'Self link of the data subnet',
  podsRangeName: 'Secondary range of the nodes subnet for GKE pods',
  servicesRangeName: 'Secondary range of the nodes subnet for GKE services',
});

/** A typed reference to a Google Cloud environment's network. */
export type GcpNetworkRef = ContractValues<typeof shape>;
