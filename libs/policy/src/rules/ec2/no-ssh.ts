import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

const OPEN = ['0.0.0.0/0', '::/0'];
const covers22 = (from: unknown, to: unknown, protocol: unknown) =>
  String(protocol) === '-1' ||
  String(protocol) === 'all' ||
  (Number(from) <= 22 && Number(to) >= 22);

export const ec2NoSsh: Rule = {
  id: 'PLT-EC2-NO-SSH',
  checkov: 'CKV_AWS_24',
  trivy: 'AVD-AWS-0107',
  message:
    'Instances accept SSH: a key pair is set, a node group allows remote access, or port 22 is open to the internet.',
  fix: 'remove key_name and remote_access; reach instances through Session Manager (no inbound port)',
  explanation:
    'SSH keys are long-lived shared secrets with no per-person audit trail; Session Manager gives IAM-authenticated, logged access with no open port.',
  level: 'error',
  appliesTo: [
    'aws_launch_template',
    'aws_instance',
    'aws_eks_node_group',
    'aws_vpc_security_group_ingress_rule',
    'aws_security_group_rule',
    'aws_security_group',
  ],
  evaluate: (resource) => {
    const { config } = resource;
    switch (resource.type) {
      case 'aws_launch_template':
      case 'aws_instance':
        return fromDetails(
          config['key_name'] ? [`key_name ${String(config['key_name'])} is set`] : [],
        );
      case 'aws_eks_node_group':
        return fromDetails(
          blocks(config['remote_access']).length > 0 ? ['remote_access (SSH) is configured'] : [],
        );
      case 'aws_vpc_security_group_ingress_rule': {
        const open = [config['cidr_ipv4'], config['cidr_ipv6']].filter((c) =>
          OPEN.includes(String(c)),
        );
        return fromDetails(
          open.length > 0 && covers22(config['from_port'], config['to_port'], config['ip_protocol'])
            ? open.map((c) => `SSH from ${String(c)}`)
            : [],
        );
      }
      case 'aws_security_group_rule': {
        if (config['type'] !== 'ingress') return { status: 'not-applicable' };
        const open = [config['cidr_blocks'], config['ipv6_cidr_blocks']]
          .flat()
          .filter((c) => OPEN.includes(String(c)));
        return fromDetails(
          open.length > 0 && covers22(config['from_port'], config['to_port'], config['protocol'])
            ? open.map((c) => `SSH from ${String(c)}`)
            : [],
        );
      }
      default:
        return fromDetails(
          blocks(config['ingress']).flatMap((rule, index) =>
            [rule['cidr_blocks'], rule['ipv6_cidr_blocks']]
              .flat()
              .filter(
                (c) =>
                  OPEN.includes(String(c)) &&
                  covers22(rule['from_port'], rule['to_port'], rule['protocol']),
              )
              .map((c) => `ingress[${index}] allows SSH from ${String(c)}`),
          ),
        );
    }
  },
};
