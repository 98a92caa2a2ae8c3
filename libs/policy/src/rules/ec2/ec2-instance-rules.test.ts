import { checkStack } from '../../engine';
import { ec2Imdsv2 } from './imdsv2';
import { launchTemplateEbsEncryption } from './launch-template-ebs-encryption';
import { ec2NoSsh } from './no-ssh';

const goodTemplate = {
  metadata_options: {
    http_endpoint: 'enabled',
    http_tokens: 'required',
    http_put_response_hop_limit: 1,
  },
  block_device_mappings: [
    {
      device_name: '/dev/xvda',
      ebs: { encrypted: 'true', kms_key_id: '${aws_kms_key.volumes.arn}', volume_type: 'gp3' },
    },
  ],
};

const details = (json: Record<string, unknown>, rule = ec2Imdsv2) =>
  checkStack(json, [rule]).findings.map((f) => `${f.resource.address}: ${f.details.join('; ')}`);

describe('EC2 instance rules', () => {
  it('PLT-EC2-IMDSV2 passes a launch template with IMDSv2 and hop limit 1, and an instance launched from it', () => {
    const json = {
      resource: {
        aws_launch_template: { nodes: goodTemplate },
        aws_instance: {
          access: { launch_template: { id: '${aws_launch_template.nodes.id}', version: '1' } },
        },
      },
    };
    expect(details(json)).toEqual([]);
  });

  it('PLT-EC2-IMDSV2 rejects optional tokens, an unset or large hop limit, and an instance without metadata options', () => {
    const json = {
      resource: {
        aws_launch_template: {
          v1: { metadata_options: { http_tokens: 'optional', http_put_response_hop_limit: 1 } },
          unset: { metadata_options: { http_tokens: 'required' } },
          far: { metadata_options: { http_tokens: 'required', http_put_response_hop_limit: 3 } },
        },
        aws_instance: {
          bare: { ami: 'ami-0123456789abcdef0' },
          fromV1: { launch_template: { id: '${aws_launch_template.v1.id}' } },
        },
      },
    };
    expect(details(json)).toEqual([
      'aws_instance.bare: metadata_options is missing (IMDSv1 stays enabled)',
      'aws_instance.fromV1: launch template aws_launch_template.v1: metadata_options.http_tokens is not "required"',
      'aws_launch_template.far: hop limit 3 lets containers reach the instance role (use 1, or 2 where pods need metadata)',
      'aws_launch_template.unset: metadata_options.http_put_response_hop_limit is not set deliberately',
      'aws_launch_template.v1: metadata_options.http_tokens is not "required"',
    ]);
  });

  it('PLT-EC2-NO-SSH passes instances without keys and HTTPS-only ingress', () => {
    const json = {
      resource: {
        aws_launch_template: { nodes: goodTemplate },
        aws_eks_node_group: { system: { cluster_name: 'dev-eks' } },
        aws_vpc_security_group_ingress_rule: {
          https: { from_port: 443, to_port: 443, ip_protocol: 'tcp', cidr_ipv4: '0.0.0.0/0' },
        },
      },
    };
    expect(details(json, ec2NoSsh)).toEqual([]);
  });

  it('PLT-EC2-NO-SSH rejects key pairs, node group remote access and SSH from anywhere', () => {
    const json = {
      resource: {
        aws_launch_template: { keyed: { ...goodTemplate, key_name: 'ops' } },
        aws_eks_node_group: {
          ssh: { cluster_name: 'dev-eks', remote_access: { ec2_ssh_key: 'ops' } },
        },
        aws_vpc_security_group_ingress_rule: { all: { ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' } },
        aws_security_group: {
          legacy: {
            ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }],
          },
        },
      },
    };
    expect(details(json, ec2NoSsh)).toEqual([
      'aws_eks_node_group.ssh: remote_access (SSH) is configured',
      'aws_launch_template.keyed: key_name ops is set',
      'aws_security_group.legacy: ingress[0] allows SSH from 0.0.0.0/0',
      'aws_vpc_security_group_ingress_rule.all: SSH from 0.0.0.0/0',
    ]);
  });

  it('PLT-EC2-NO-SSH: port 22 open to the internet through a rule of any kind, a port range or every protocol', () => {
    const json = {
      resource: {
        aws_instance: { keyed: { key_name: 'ops' } },
        aws_security_group_rule: {
          range: {
            type: 'ingress',
            protocol: 'tcp',
            from_port: 20,
            to_port: 22,
            cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'],
            ipv6_cidr_blocks: ['::/0'],
          },
          every: {
            type: 'ingress',
            protocol: 'all',
            from_port: 0,
            to_port: 0,
            cidr_blocks: ['0.0.0.0/0'],
          },
          egress: {
            type: 'egress',
            protocol: '-1',
            from_port: 0,
            to_port: 0,
            cidr_blocks: ['0.0.0.0/0'],
          },
          https: {
            type: 'ingress',
            protocol: 'tcp',
            from_port: 443,
            to_port: 443,
            cidr_blocks: ['0.0.0.0/0'],
          },
          above: {
            type: 'ingress',
            protocol: 'tcp',
            from_port: 23,
            to_port: 80,
            cidr_blocks: ['0.0.0.0/0'],
          },
          private: {
            type: 'ingress',
            protocol: 'tcp',
            from_port: 22,
            to_port: 22,
            cidr_blocks: ['10.0.0.0/8'],
          },
        },
        aws_vpc_security_group_ingress_rule: {
          v6: { ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv6: '::/0' },
          below: { ip_protocol: 'tcp', from_port: 1, to_port: 21, cidr_ipv4: '0.0.0.0/0' },
        },
      },
    };
    expect(details(json, ec2NoSsh)).toEqual([
      'aws_instance.keyed: key_name ops is set',
      'aws_security_group_rule.every: SSH from 0.0.0.0/0',
      'aws_security_group_rule.range: SSH from 0.0.0.0/0; SSH from ::/0',
      'aws_vpc_security_group_ingress_rule.v6: SSH from ::/0',
    ]);
  });

  it('PLT-EC2-LT-EBS-KMS passes encrypted volumes with our key and rejects the rest', () => {
    expect(
      details(
        { resource: { aws_launch_template: { nodes: goodTemplate } } },
        launchTemplateEbsEncryption,
      ),
    ).toEqual([]);
    const json = {
      resource: {
        aws_launch_template: {
          none: { metadata_options: goodTemplate.metadata_options },
          plain: {
            block_device_mappings: [{ device_name: '/dev/xvda', ebs: { encrypted: 'false' } }],
          },
        },
      },
    };
    expect(details(json, launchTemplateEbsEncryption)).toEqual([
      "aws_launch_template.none: no block_device_mappings: the root volume takes the AMI's defaults",
      'aws_launch_template.plain: block_device_mappings[0] is not encrypted; block_device_mappings[0] has no kms_key_id',
    ]);
  });
});
