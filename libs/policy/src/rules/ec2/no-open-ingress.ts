import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

const OPEN = ['0.0.0.0/0', '::/0'];
const open = (values: unknown) => [values].flat().filter((v) => OPEN.includes(String(v)));

export const noOpenIngress: Rule = {
  id: 'PLT-SG-NO-OPEN-INGRESS',
  checkov: 'CKV_AWS_260',
  trivy: 'AVD-AWS-0107',
  message: 'Security group accepts traffic from the whole internet.',
  fix: 'allow only the sources that need it (a security group, a VPC range); a public load balancer suppresses this with a reason',
  explanation:
    'Only the public load balancer faces the internet; everything else is reached through it.',
  level: 'error',
  appliesTo: [
    'aws_security_group',
    'aws_vpc_security_group_ingress_rule',
    'aws_security_group_rule',
  ],
  evaluate: (resource) => {
    const { config } = resource;
    if (resource.type === 'aws_vpc_security_group_ingress_rule') {
      return fromDetails(
        [...open(config['cidr_ipv4']), ...open(config['cidr_ipv6'])].map(
          (c) => `ingress from ${c}`,
        ),
      );
    }
    if (resource.type === 'aws_security_group_rule') {
      if (config['type'] !== 'ingress') return { status: 'not-applicable' };
      return fromDetails(
        [...open(config['cidr_blocks']), ...open(config['ipv6_cidr_blocks'])].map(
          (c) => `ingress from ${c}`,
        ),
      );
    }
    return fromDetails(
      blocks(config['ingress']).flatMap((rule, index) =>
        [...open(rule['cidr_blocks']), ...open(rule['ipv6_cidr_blocks'])].map(
          (c) => `ingress[${index}] from ${c}`,
        ),
      ),
    );
  },
};
