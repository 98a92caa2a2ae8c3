import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import {
  EncryptedLogGroup,
  EncryptionKey,
  grantWriteLogs,
  logsKeyStatement,
  policyDocument,
} from '@platform/aws-common';
import {
  arn,
  type PlannedSubnet,
  servicePrincipal,
  type SubnetTierName,
  vpcEndpointServiceName,
} from '@platform/config';
import { type NAT_STRATEGIES, resourceName } from '@platform/config';
import type { NetworkRef } from '@platform/core';
import { Construct } from 'constructs';

/** Where the NAT gateways go: one per zone, or a single one. */
export type NatStrategy = (typeof NAT_STRATEGIES)[number];

/** Interface endpoints every environment gets, so workloads pull images and ship logs privately. */
export const INTERFACE_ENDPOINT_SERVICES = ['ecr.api', 'ecr.dkr', 'logs', 'sts'] as const;

/** Props of {@link Network}. */
export interface NetworkProps {
  /** Prefix of every name, e.g. dev: resources are named `<prefix>-<what>` (dev-vpc, dev-nat-…). */
  readonly namePrefix: string;
  /** The account (flow-log delivery is limited to it). */
  readonly accountId: string;
  /** The region (endpoint service names, the partition of ARNs and principals). */
  readonly region: string;
  /** The VPC's IPv4 range, e.g. 10.10.0.0/16. */
  readonly vpcCidr: string;
  /** The zones used, by name, e.g. [eu-west-1a, eu-west-1b]: one subnet of each tier per zone. */
  readonly availabilityZones: readonly string[];
  /** Every subnet: tier, zone and range (planned from the tier sizes, see planSubnets). */
  readonly subnets: readonly PlannedSubnet[];
  /**
   * NAT for the private subnets: one gateway per zone, or a single one for the whole VPC.
   * @default "one-per-az": a zone's outage stays in that zone
   */
  readonly natStrategy?: NatStrategy;
  /** Days the VPC flow logs are kept; one of the values CloudWatch Logs accepts. */
  readonly flowLogRetentionDays: number;
}

/**
 * An environment's VPC: public, private and intra subnets in every configured zone, an
 * internet gateway, NAT per the strategy, flow logs to an encrypted log group, a default
 * security group with no rules, an S3 gateway endpoint and private interface endpoints.
 */
export class Network extends Construct {
  /** The VPC. */
  readonly vpc: Vpc;
  /** Subnets per tier, in zone order. */
  readonly subnets: Readonly<Record<SubnetTierName, readonly Subnet[]>>;
  /** NAT gateways: one, or one per zone. */
  readonly natGateways: readonly NatGateway[];
  /** Security group of the interface endpoints. */
  readonly endpointSecurityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const env = { name: props.namePrefix };
    const name = (...parts: string[]) => resourceName(env, ...parts);

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: props.vpcCidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: name('vpc') },
    });
    new DefaultSecurityGroup(this, 'default-security-group', {
      vpcId: this.vpc.id,
      ingress: [],
      egress: [],
      tags: { Name: name('default-do-not-use') },
    });

    const subnets: Record<SubnetTierName, Subnet[]> = { public: [], private: [], intra: [] };
    for (const planned of props.subnets) {
      subnets[planned.tier].push(
        new Subnet(this, `${planned.tier}-${planned.availabilityZone}`, {
          vpcId: this.vpc.id,
          cidrBlock: planned.cidr,
          availabilityZone: planned.availabilityZone,
          mapPublicIpOnLaunch: false,
          tags: { Name: name(planned.tier, planned.availabilityZone), Tier: planned.tier },
        }),
      );
    }
    this.subnets = subnets;

    const igw = new InternetGateway(this, 'internet-gateway', {
      vpcId: this.vpc.id,
      tags: { Name: name('igw') },
    });
    const publicRoutes = new RouteTable(this, 'public-routes', {
      vpcId: this.vpc.id,
      tags: { Name: name('public') },
    });
    new Route(this, 'public-default-route', {
      routeTableId: publicRoutes.id,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: igw.id,
    });
    subnets.public.forEach(
      (subnet, i) =>
        new RouteTableAssociation(this, `public-${props.availabilityZones[i]}-routes`, {
          subnetId: subnet.id,
          routeTableId: publicRoutes.id,
        }),
    );

    const natZones =
      (props.natStrategy ?? 'one-per-az') === 'one-per-az'
        ? props.availabilityZones
        : props.availabilityZones.slice(0, 1);
    this.natGateways = natZones.map((zone, i) => {
      const eip = new Eip(this, `nat-${zone}-ip`, {
        domain: 'vpc',
        tags: { Name: name('nat', zone) },
      });
      return new NatGateway(this, `nat-${zone}`, {
        allocationId: eip.allocationId,
        subnetId: (subnets.public[i] as Subnet).id,
        tags: { Name: name('nat', zone) },
        dependsOn: [igw],
      });
    });

    const privateRouteTables = props.availabilityZones.map((zone, i) => {
      const table = new RouteTable(this, `private-${zone}-routes`, {
        vpcId: this.vpc.id,
        tags: { Name: name('private', zone) },
      });
      const nat = this.natGateways[Math.min(i, this.natGateways.length - 1)] as NatGateway;
      new Route(this, `private-${zone}-default-route`, {
        routeTableId: table.id,
        destinationCidrBlock: '0.0.0.0/0',
        natGatewayId: nat.id,
      });
      new RouteTableAssociation(this, `private-${zone}-association`, {
        subnetId: (subnets.private[i] as Subnet).id,
        routeTableId: table.id,
      });
      return table;
    });
    const intraRoutes = new RouteTable(this, 'intra-routes', {
      vpcId: this.vpc.id,
      tags: { Name: name('intra') },
    });
    subnets.intra.forEach(
      (subnet, i) =>
        new RouteTableAssociation(this, `intra-${props.availabilityZones[i]}-association`, {
          subnetId: subnet.id,
          routeTableId: intraRoutes.id,
        }),
    );

    this.addFlowLogs(props);

    new VpcEndpoint(this, 's3-endpoint', {
      vpcId: this.vpc.id,
      serviceName: vpcEndpointServiceName(props.region, 's3'),
      vpcEndpointType: 'Gateway',
      routeTableIds: [...privateRouteTables.map((t) => t.id), intraRoutes.id],
      tags: { Name: name('s3') },
    });
    this.endpointSecurityGroup = new SecurityGroup(this, 'endpoint-security-group', {
      name: name('vpc-endpoints'),
      description: 'Interface VPC endpoints: HTTPS from inside the VPC only',
      vpcId: this.vpc.id,
      tags: { Name: name('vpc-endpoints') },
    });
    new VpcSecurityGroupIngressRule(this, 'endpoint-https-from-vpc', {
      securityGroupId: this.endpointSecurityGroup.id,
      description: 'HTTPS to the AWS APIs from workloads in this VPC',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: props.vpcCidr,
    });
    for (const service of INTERFACE_ENDPOINT_SERVICES) {
      new VpcEndpoint(this, `${service.replace('.', '-')}-endpoint`, {
        vpcId: this.vpc.id,
        serviceName: vpcEndpointServiceName(props.region, service),
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: subnets.private.map((s) => s.id),
        securityGroupIds: [this.endpointSecurityGroup.id],
        tags: { Name: name(service) },
      });
    }
  }

  /** A typed reference for the network contract. */
  get ref(): NetworkRef {
    return {
      vpcId: this.vpc.id,
      vpcCidr: this.vpc.cidrBlock,
      publicSubnetIds: this.subnets.public.map((s) => s.id),
      privateSubnetIds: this.subnets.private.map((s) => s.id),
      intraSubnetIds: this.subnets.intra.map((s) => s.id),
      endpointSecurityGroupId: this.endpointSecurityGroup.id,
      natGatewayIds: this.natGateways.map((n) => n.id),
    };
  }

  private addFlowLogs(props: NetworkProps): void {
    const env = { name: props.namePrefix };
    const key = new EncryptionKey(this, 'flow-logs-key', {
      accountId: props.accountId,
      region: props.region,
      alias: `alias/${resourceName(env, 'flow-logs')}`,
      description: `Encrypts the VPC flow logs of ${props.namePrefix}`,
      statements: [logsKeyStatement(props)],
    });
    const flowLogGroupName = `/platform/${props.namePrefix}/vpc-flow-logs`;
    const flowLogGroupArn = arn(props, {
      service: 'logs',
      resource: `log-group:${flowLogGroupName}`,
    });
    const logs = new EncryptedLogGroup(this, 'flow-logs', {
      name: flowLogGroupName,
      retentionDays: props.flowLogRetentionDays,
      kmsKeyArn: key.arn,
    });
    const role = new IamRole(this, 'flow-logs-role', {
      name: resourceName(env, 'vpc-flow-logs'),
      description: 'Lets VPC flow logs deliver to their log group',
      assumeRolePolicy: policyDocument(this, 'flow-logs-trust', [
        {
          actions: ['sts:AssumeRole'],
          principals: [
            { type: 'Service', identifiers: [servicePrincipal(props.region, 'vpc-flow-logs')] },
          ],
          conditions: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] },
          ],
        },
      ]),
    });
    new IamRolePolicy(this, 'flow-logs-delivery', {
      role: role.id,
      name: 'deliver-to-log-group',
      policy: policyDocument(this, 'flow-logs-permissions', [
        // built from the name, not the group's arn: a data source that reads a resource is
        // deferred to apply whenever that resource changes, so a retention change would also
        // show this policy as changing
        grantWriteLogs([flowLogGroupArn, `${flowLogGroupArn}:*`], {
          sid: 'DeliverFlowLogs',
          describeStreams: true,
        }),
      ]),
    });
    new FlowLog(this, 'flow-log', {
      vpcId: this.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: logs.group.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
      tags: { Name: resourceName(env, 'flow-log') },
    });
  }
}
