import { environmentWith } from '@platform/testing';
import { App, TerraformStack } from 'cdktf';
import { SsmAccessInstance } from './access-instance';
import { ClusterAddon } from './addon';
import { ClusterAlarms } from './alarms';
import { PlatformEksCluster } from './cluster';
import { ManagedNodeGroup } from './node-group';

const scope = () => new TerraformStack(new App(), 'test');
const network = {
  vpcId: 'vpc-1',
  vpcCidr: '10.0.0.0/16',
  publicSubnetIds: [],
  privateSubnetIds: ['subnet-1'],
  intraSubnetIds: ['subnet-2'],
  endpointSecurityGroupId: 'sg-1',
  natGatewayIds: [],
};
const group = environmentWith('prod', 'eks').eks.nodes.groups[0]!;
const nodeGroupProps = {
  group,
  name: 'prod-system',
  clusterName: 'prod-eks',
  kubernetesVersion: '1.32',
  nodeRoleArn: 'arn:aws:iam::333333333333:role/prod-eks-nodes',
  subnetIds: ['subnet-1'],
  securityGroupIds: ['sg-2'],
  volumeKmsKeyArn: 'arn:aws:kms:eu-west-1:333333333333:key/1',
  metadataHopLimit: 1,
};

describe('eks constructs reject unsafe props with a message naming the prop', () => {
  it('a cluster on an unsupported version', () => {
    const env = environmentWith('prod', 'eks');
    const old = { ...env, eks: { ...env.eks, version: '1.27' } } as unknown as typeof env;
    expect(() => new PlatformEksCluster(scope(), 'cluster', { environment: old, network })).toThrow(
      'test/cluster: version "1.27" is not supported; use one of 1.30, 1.31, 1.32, 1.33',
    );
  });

  it('a public endpoint open to the internet', () => {
    const env = environmentWith('dev', 'eks');
    const open = {
      ...env,
      eks: { ...env.eks, endpoint: { publicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] } },
    };
    expect(
      () => new PlatformEksCluster(scope(), 'cluster', { environment: open, network }),
    ).toThrow(/publicAccessCidrs other than 0\.0\.0\.0\/0/);
  });

  it('a node group whose hop limit lets containers reach the node role, or whose sizes contradict', () => {
    expect(
      () => new ManagedNodeGroup(scope(), 'nodes', { ...nodeGroupProps, metadataHopLimit: 3 }),
    ).toThrow('test/nodes: metadataHopLimit must be 1 or 2 (got 3)');
    expect(
      () =>
        new ManagedNodeGroup(scope(), 'nodes', {
          ...nodeGroupProps,
          group: { ...group, desiredSize: 99 },
        }),
    ).toThrow(/minSize <= desiredSize <= maxSize \(got 3, 99, 6\)/);
  });

  it('an add-on version that is not an EKS build', () => {
    expect(
      () =>
        new ClusterAddon(scope(), 'addon', {
          clusterName: 'prod-eks',
          addon: 'coredns',
          version: 'latest',
        }),
    ).toThrow('test/addon: version must look like v1.19.5-eksbuild.3 (got "latest")');
  });

  it('an access instance type that cannot run the x86_64 AMI', () => {
    const props = {
      name: 'a',
      region: 'eu-west-1',
      vpcId: 'vpc-1',
      subnetId: 'subnet-1',
      instanceType: 't4g.micro',
      volumeKmsKeyArn: 'k',
    };
    expect(() => new SsmAccessInstance(scope(), 'access', props)).toThrow(
      /"t4g\.micro" is Graviton/,
    );
  });

  it('an alarm threshold that is not a percentage', () => {
    expect(
      () =>
        new ClusterAlarms(scope(), 'alarms', {
          clusterName: 'prod-eks',
          topicArn: 't',
          nodeCpuPercent: 120,
        }),
    ).toThrow(/nodeCpuPercent must be a percentage/);
  });
});
