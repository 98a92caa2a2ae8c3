import { type ContractValues, defineContract } from '../remote-state';

const shape = {
  vpcId: 'string',
  vpcCidr: 'string',
  publicSubnetIds: 'list',
  privateSubnetIds: 'list',
  intraSubnetIds: 'list',
  endpointSecurityGroupId: 'string',
  natGatewayIds: 'list',
} as const;

/** What the network family publishes: the VPC and its subnets, by tier. */
export const networkContract = defineContract('network', shape, {
  vpcId: 'ID of the environment VPC',
  vpcCidr: 'IPv4 range of the VPC',
  publicSubnetIds: 'Public subnets, one per AZ in config order: load balancers and NAT only',
  privateSubnetIds: 'Private subnets with NAT egress, one per AZ in config order: workloads',
  intraSubnetIds: 'Intra subnets with no route out of the VPC, one per AZ in config order',
  endpointSecurityGroupId:
    'Security group of the interface VPC endpoints (allows HTTPS from the VPC)',
  natGatewayIds:
    'NAT gateways in config zone order: one (single) or one per AZ (one-per-az); the NatGatewayId dimension of their metrics',
});

/** A typed reference to an environment's network. */
export type NetworkRef = ContractValues<typeof shape>;
