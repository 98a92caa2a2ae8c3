import { environment, resourcesOf, type StackJson, synthJson } from '@platform/testing';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { App, Testing } from 'cdktf';
import { NetworkStack } from './network-stack';

const synth = (name: string) => synthJson(new NetworkStack(new App(), environment(name)));

/** The resource of `type` a `${type.name.attr}` reference points at. */
function refTarget(json: StackJson, reference: string, type: string): Record<string, unknown> {
  const match = new RegExp(`^\\$\\{${type}\\.([^.]+)\\.[a-z_]+\\}$`).exec(reference);
  const target = match ? json.resource?.[type]?.[match[1]!] : undefined;
  if (!target) throw new Error(`${reference} is not a reference to a ${type} of the stack`);
  return target;
}
const subnetOf = (json: StackJson, reference: string) => refTarget(json, reference, 'aws_subnet');

describe('network stack', () => {
  const dev = synth('dev');
  const prod = synth('prod');

  it('prod has one NAT gateway per availability zone, each in its own public subnet', () => {
    const nats = resourcesOf(prod, 'aws_nat_gateway');
    expect(nats).toHaveLength(3);
    const subnets = nats.map((n) => subnetOf(prod, String(n['subnet_id'])));
    expect(subnets.map((s) => (s['tags'] as Record<string, string>)['Tier'])).toEqual([
      'public',
      'public',
      'public',
    ]);
    expect(subnets.map((s) => s['availability_zone']).sort()).toEqual(
      environment('prod').aws.availabilityZones.slice().sort(),
    );
  });

  it('dev has a single NAT gateway shared by every private route table', () => {
    expect(resourcesOf(dev, 'aws_nat_gateway')).toHaveLength(1);
    const privateRoutes = resourcesOf(dev, 'aws_route').filter((r) => r['nat_gateway_id']);
    expect(privateRoutes).toHaveLength(2);
    expect(new Set(privateRoutes.map((r) => r['nat_gateway_id'])).size).toBe(1);
  });

  it('prod private subnets each route through the NAT gateway of their own zone', () => {
    const privateSubnets = Object.entries(prod.resource?.['aws_subnet'] ?? {}).filter(
      ([, s]) => (s['tags'] as Record<string, string>)['Tier'] === 'private',
    );
    expect(privateSubnets.map(([, s]) => s['availability_zone']).sort()).toEqual(
      environment('prod').aws.availabilityZones.slice().sort(),
    );
    for (const [name, subnet] of privateSubnets) {
      // subnet -> its route table (association) -> the default route -> the NAT -> the NAT's subnet
      const tables = resourcesOf(prod, 'aws_route_table_association')
        .filter((a) => a['subnet_id'] === `\${aws_subnet.${name}.id}`)
        .map((a) => a['route_table_id']);
      expect(tables).toHaveLength(1);
      const routes = resourcesOf(prod, 'aws_route').filter(
        (r) => r['route_table_id'] === tables[0] && r['destination_cidr_block'] === '0.0.0.0/0',
      );
      expect(routes).toHaveLength(1);
      const nat = refTarget(prod, String(routes[0]!['nat_gateway_id']), 'aws_nat_gateway');
      const natZone = subnetOf(prod, String(nat['subnet_id']))['availability_zone'];
      expect(`${name}: ${String(natZone)}`).toBe(`${name}: ${String(subnet['availability_zone'])}`);
    }
  });

  it('intra subnets have no route out of the VPC: no NAT, no internet gateway', () => {
    for (const json of [dev, prod]) {
      const intra = Object.keys(json.resource?.['aws_subnet'] ?? {})
        .filter((name) => {
          const tags = json.resource!['aws_subnet']![name]!['tags'] as Record<string, string>;
          return tags['Tier'] === 'intra';
        })
        .map((name) => `\${aws_subnet.${name}.id}`);
      expect(intra).toHaveLength(json === prod ? 3 : 2);
      const tables = new Set(
        resourcesOf(json, 'aws_route_table_association')
          .filter((a) => intra.includes(String(a['subnet_id'])))
          .map((a) => String(a['route_table_id'])),
      );
      expect(tables.size).toBe(1);
      for (const table of tables) {
        expect(refTarget(json, table, 'aws_route_table')['route']).toBeUndefined();
        expect(resourcesOf(json, 'aws_route').filter((r) => r['route_table_id'] === table)).toEqual(
          [],
        );
      }
    }
  });

  it('no subnet maps public IPs on launch, private ones included', () => {
    const subnets = resourcesOf(prod, 'aws_subnet');
    expect(subnets).toHaveLength(9);
    for (const subnet of subnets) expect(subnet['map_public_ip_on_launch']).toBe(false);
  });

  it('subnets carry the CIDRs computed from the environment file', () => {
    expect(
      Testing.synth(new NetworkStack(new App(), environment('prod'))),
    ).toHaveResourceWithProperties(Subnet, {
      cidr_block: '10.30.0.0/20',
      availability_zone: 'eu-west-1a',
      tags: { Name: 'prod-private-eu-west-1a', Tier: 'private' },
    });
  });

  it('flow logs capture all traffic into a KMS-encrypted log group with the configured retention', () => {
    expect(resourcesOf(prod, 'aws_flow_log')).toEqual([
      expect.objectContaining({ traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' }),
    ]);
    const [group] = resourcesOf(prod, 'aws_cloudwatch_log_group');
    expect(group).toEqual(
      expect.objectContaining({
        retention_in_days: 365,
        kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\./),
      }),
    );
  });

  it('the default security group has no rules', () => {
    expect(resourcesOf(dev, 'aws_default_security_group')).toEqual([
      expect.objectContaining({ ingress: [], egress: [] }),
    ]);
  });

  it('interface endpoints are private and reachable only over HTTPS from the VPC', () => {
    const endpoints = resourcesOf(dev, 'aws_vpc_endpoint');
    expect(endpoints.map((e) => e['service_name']).sort()).toEqual([
      'com.amazonaws.eu-west-1.ecr.api',
      'com.amazonaws.eu-west-1.ecr.dkr',
      'com.amazonaws.eu-west-1.logs',
      'com.amazonaws.eu-west-1.s3',
      'com.amazonaws.eu-west-1.sts',
    ]);
    expect(resourcesOf(dev, 'aws_vpc_security_group_ingress_rule')).toEqual([
      expect.objectContaining({ from_port: 443, to_port: 443, cidr_ipv4: '10.10.0.0/16' }),
    ]);
  });

  it('publishes the network contract for the other families', () => {
    expect(Object.keys(prod.output ?? {}).sort()).toEqual([
      'endpoint_security_group_id',
      'intra_subnet_ids',
      'nat_gateway_ids',
      'private_subnet_ids',
      'public_subnet_ids',
      'vpc_cidr',
      'vpc_id',
    ]);
  });
});
