import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { PlatformRole, serviceTrust } from './roles';
import { servicePrincipal } from '@platform/config';

/**
 * The AMI of the access instance: the latest Amazon Linux 2023, resolved by EC2 from the public
 * SSM parameter when the instance launches. No AMI id per region in config to keep current and
 * no data source at plan time; the SSM agent is preinstalled.
 */
export const ACCESS_INSTANCE_IMAGE =
  'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/** Props of {@link SsmAccessInstance}. */
export interface SsmAccessInstanceProps {
  /** Name of the instance and its role, e.g. prod-eks-access. */
  readonly name: string;
  /** The region (its partition names the instance role's trust and managed policy). */
  readonly region: string;
  /** The VPC. */
  readonly vpcId: string;
  /** The private subnet the instance runs in. */
  readonly subnetId: string;
  /** EC2 instance type, e.g. t3.micro (x86_64: the AMI is the x86_64 one). */
  readonly instanceType: string;
  /** KMS key of the root volume. */
  readonly volumeKmsKeyArn: string;
}

/**
 * A small instance in a private subnet that Session Manager reaches with no inbound port: an
 * engineer port-forwards through it to the cluster's private endpoint
 * (AWS-StartPortForwardingSessionToRemoteHost). No SSH key, IMDSv2 with hop limit 1, encrypted
 * root volume, and a role with only the Session Manager permissions.
 */
export class SsmAccessInstance extends Construct {
  /** The instance. */
  readonly instance: Instance;
  /** Its security group: no inbound rule, HTTPS out. */
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: SsmAccessInstanceProps) {
    super(scope, id);
    if (/^[a-z]+\d+g/.test(props.instanceType)) {
      throw new Error(
        `${this.node.path}: instanceType "${props.instanceType}" is Graviton (arm64); the access instance runs the x86_64 AMI`,
      );
    }
    const role = new PlatformRole(this, 'role', {
      name: props.name,
      region: props.region,
      description: 'Session Manager port forwarding to the private EKS endpoint',
      trust: [serviceTrust(servicePrincipal(props.region, 'ec2'))],
      managedPolicies: ['AmazonSSMManagedInstanceCore'],
    });
    const profile = new IamInstanceProfile(this, 'instance-profile', {
      name: props.name,
      role: role.role.name,
    });
    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: props.name,
      description:
        'EKS access instance: no inbound; HTTPS out to Session Manager and the Kubernetes API',
      vpcId: props.vpcId,
      tags: { Name: props.name },
    });
    new VpcSecurityGroupEgressRule(this, 'https-out', {
      securityGroupId: this.securityGroup.id,
      description: 'HTTPS to Session Manager (through NAT) and to the private Kubernetes API',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
    });
    const template = new LaunchTemplate(this, 'launch-template', {
      name: props.name,
      description: 'EKS access instance: SSM-managed, no SSH, IMDSv2',
      imageId: ACCESS_INSTANCE_IMAGE,
      instanceType: props.instanceType,
      updateDefaultVersion: true,
      iamInstanceProfile: { arn: profile.arn },
      vpcSecurityGroupIds: [this.securityGroup.id],
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: 1,
        instanceMetadataTags: 'disabled',
      },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: {
            volumeSize: 30,
            volumeType: 'gp3',
            encrypted: 'true',
            kmsKeyId: props.volumeKmsKeyArn,
            deleteOnTermination: 'true',
          },
        },
      ],
      tagSpecifications: [
        { resourceType: 'instance', tags: { Name: props.name } },
        { resourceType: 'volume', tags: { Name: props.name } },
      ],
    });
    this.instance = new Instance(this, 'instance', {
      launchTemplate: { id: template.id, version: Token.asString(template.latestVersion) },
      subnetId: props.subnetId,
      tags: { Name: props.name },
      dependsOn: role.grants,
    });
  }
}
