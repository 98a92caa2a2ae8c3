import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

const WORLD = ['0.0.0.0/0', '::/0'];
const ALL_PROTOCOLS = ['-1', 'all'];

interface Egress {
  readonly where: string;
  readonly protocol: unknown;
  readonly from: unknown;
  readonly to: unknown;
  readonly cidrs: unknown[];
}

/**
 * What is wrong with one egress rule, if anything: to the world it must name one protocol and
 * one port (443 to AWS APIs through endpoints or NAT, a database port, …). Fail closed: a
 * protocol or port that is not a literal counts as "every".
 */
function problem({ where, protocol, from, to, cidrs }: Egress): string[] {
  const world = cidrs.map(String).filter((c) => WORLD.includes(c));
  if (world.length === 0) return [];
  const target = `to ${world.join(', ')}`;
  if (protocol === undefined || ALL_PROTOCOLS.includes(String(protocol))) {
    return [`${where} allows every protocol and port ${target}`];
  }
  // a port that is not a literal number is NaN, and NaN equals nothing: fail closed
  if (Number(from) !== Number(to)) {
    return [
      `${where} allows ${String(protocol)} ports ${String(from)}-${String(to)} ${target}; name one port`,
    ];
  }
  return [];
}

export const egressScope: Rule = {
  id: 'PLT-SG-EGRESS-SCOPE',
  checkov: 'CKV_AWS_382',
  trivy: 'AVD-AWS-0104',
  message:
    'Security group lets traffic out to the whole internet on every protocol or a range of ports.',
  fix: 'allow one protocol and port per rule (443 to AWS APIs through VPC endpoints or NAT, the database port to the database security group); where a workload truly needs more, suppress with the reason',
  explanation:
    'Open egress is what turns a compromised task into an exfiltration channel or a command-and-control client; naming the port keeps the blast radius to what the workload needs.',
  level: 'error',
  appliesTo: [
    'aws_security_group',
    'aws_vpc_security_group_egress_rule',
    'aws_security_group_rule',
  ],
  evaluate: (resource) => {
    const { config } = resource;
    if (resource.type === 'aws_vpc_security_group_egress_rule') {
      return fromDetails(
        problem({
          where: 'egress',
          protocol: config['ip_protocol'],
          from: config['from_port'],
          to: config['to_port'],
          cidrs: [config['cidr_ipv4'], config['cidr_ipv6']],
        }),
      );
    }
    if (resource.type === 'aws_security_group_rule') {
      if (config['type'] !== 'egress') return notApplicable();
      return fromDetails(
        problem({
          where: 'egress',
          protocol: config['protocol'],
          from: config['from_port'],
          to: config['to_port'],
          cidrs: [config['cidr_blocks'], config['ipv6_cidr_blocks']].flat(),
        }),
      );
    }
    return fromDetails(
      blocks(config['egress']).flatMap((rule, index) =>
        problem({
          where: `egress[${index}]`,
          protocol: rule['protocol'],
          from: rule['from_port'],
          to: rule['to_port'],
          cidrs: [rule['cidr_blocks'], rule['ipv6_cidr_blocks']].flat(),
        }),
      ),
    );
  },
};
