import type { Json } from '../plan/types';
import { assessRisk } from './assess';
import { NETWORK_RULES } from './network';
import type { RiskInput } from './types';

/** The network rules' reasons for one change, as `level [rule] text`. */
const reasons = (
  type: string,
  kind: RiskInput['kind'],
  before: Json | undefined,
  after: Json | undefined,
): string[] =>
  assessRisk(
    { address: `${type}.x`, type, kind, before, after, afterUnknown: undefined },
    [],
    NETWORK_RULES,
  ).reasons.map((r) => `${r.level} [${r.rule}] ${r.text}`);

const sg = (...ingress: Json[]) => ({ ingress });
const tcp = (from: number, to: number, cidrs: string[], ipv6: string[] = []) => ({
  protocol: 'tcp',
  from_port: from,
  to_port: to,
  cidr_blocks: cidrs,
  ipv6_cidr_blocks: ipv6,
});
const WORLD4 = ['0.0.0.0/0'];

describe('world ingress on security groups', () => {
  it('a single administrative port is high and named; another port is medium', () => {
    expect(reasons('aws_security_group', 'update', sg(), sg(tcp(22, 22, WORLD4)))).toEqual([
      'high [world-ingress-admin-port] ingress from `0.0.0.0/0` on port 22, administrative (22 SSH)',
    ]);
    expect(
      reasons('aws_security_group', 'update', sg(), sg(tcp(8000, 8080, [], ['::/0']))),
    ).toEqual(['medium [world-ingress] ingress from `::/0` on ports 8000-8080']);
  });

  it.each([
    [3306, 3306, true],
    [3300, 3306, true],
    [3306, 3310, true],
    [3307, 3388, false],
    [3388, 3389, true],
  ])('ports %i-%i cover an administrative port: %s (the bounds count)', (from, to, admin) => {
    const [reason] = reasons('aws_security_group', 'update', sg(), sg(tcp(from, to, WORLD4)));
    expect(reason?.startsWith(admin ? 'high' : 'medium')).toBe(true);
  });

  it('every protocol (-1), a negative port and missing ports mean all ports', () => {
    const all =
      'high [world-ingress-admin-port] ingress from `0.0.0.0/0` on all ports, administrative (21 FTP, 22 SSH, 23 Telnet, 445 SMB,';
    for (const rule of [
      { protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: WORLD4 } as Json,
      { protocol: 'tcp', from_port: -1, to_port: -1, cidr_blocks: WORLD4 },
      { protocol: 'tcp', cidr_blocks: WORLD4 },
    ]) {
      const [reason] = reasons('aws_security_group', 'update', sg(), sg(rule));
      expect(reason?.startsWith(all)).toBe(true);
      expect(reason).toContain('27017 MongoDB)');
    }
    expect(
      reasons(
        'aws_security_group',
        'update',
        sg(),
        sg({ protocol: 'tcp', from_port: 9000, cidr_blocks: WORLD4 }),
      ),
    ).toEqual([
      expect.stringContaining(
        'on ports 9000-65535, administrative (9200 Elasticsearch, 11211 Memcached, 27017 MongoDB)',
      ),
    ]);
  });

  it('what was already open to the same source on the same or wider ports is not new', () => {
    const before = sg(tcp(0, 65535, WORLD4));
    expect(reasons('aws_security_group', 'update', before, sg(tcp(443, 443, WORLD4)))).toEqual([]);
    expect(
      reasons('aws_security_group', 'update', sg(tcp(443, 443, WORLD4)), sg(tcp(443, 443, WORLD4))),
    ).toEqual([]);
    expect(
      reasons('aws_security_group', 'update', sg(tcp(443, 443, WORLD4)), sg(tcp(440, 443, WORLD4))),
    ).toHaveLength(1);
    expect(
      reasons('aws_security_group', 'update', sg(tcp(443, 443, WORLD4)), sg(tcp(443, 444, WORLD4))),
    ).toHaveLength(1);
    expect(
      reasons(
        'aws_security_group',
        'update',
        sg(tcp(443, 443, [], ['::/0'])),
        sg(tcp(443, 443, WORLD4)),
      ),
    ).toEqual(['medium [world-ingress] ingress from `0.0.0.0/0` on port 443']);
  });

  it('private sources are not world ingress; a deleted group opens nothing', () => {
    expect(reasons('aws_security_group', 'update', sg(), sg(tcp(22, 22, ['10.0.0.0/8'])))).toEqual(
      [],
    );
    expect(reasons('aws_security_group', 'delete', sg(tcp(22, 22, WORLD4)), null)).toEqual([]);
  });

  it('a separate ingress rule counts; an egress rule does not', () => {
    const rule = (type: string) => ({ type, ...tcp(3389, 3389, WORLD4) });
    expect(reasons('aws_security_group_rule', 'create', null, rule('ingress'))).toEqual([
      'high [world-ingress-admin-port] ingress from `0.0.0.0/0` on port 3389, administrative (3389 RDP)',
    ]);
    expect(
      reasons('aws_security_group_rule', 'create', null, {
        type: 'ingress',
        ...tcp(443, 443, [], ['::/0']),
      }),
    ).toEqual(['medium [world-ingress] ingress from `::/0` on port 443']);
    expect(reasons('aws_security_group_rule', 'create', null, rule('egress'))).toEqual([]);
  });

  it('a VPC ingress rule reads cidr_ipv4, cidr_ipv6 and ip_protocol', () => {
    expect(
      reasons('aws_vpc_security_group_ingress_rule', 'create', null, {
        ip_protocol: 'tcp',
        from_port: 5432,
        to_port: 5432,
        cidr_ipv4: '0.0.0.0/0',
      }),
    ).toEqual([
      'high [world-ingress-admin-port] ingress from `0.0.0.0/0` on port 5432, administrative (5432 PostgreSQL)',
    ]);
    expect(
      reasons('aws_vpc_security_group_ingress_rule', 'create', null, {
        ip_protocol: '-1',
        cidr_ipv6: '::/0',
      }),
    ).toEqual([expect.stringMatching(/^high .* from `::\/0` on all ports, administrative/)]);
    expect(
      reasons('aws_vpc_security_group_ingress_rule', 'create', null, {
        ip_protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        cidr_ipv4: '10.0.0.0/8',
      }),
    ).toEqual([]);
  });

  it('other resource types open nothing', () => {
    expect(reasons('aws_network_acl', 'create', null, sg(tcp(22, 22, WORLD4)))).toEqual([]);
  });
});

describe('world ingress on GCP firewall rules', () => {
  const fw = (extra: Record<string, Json>) => ({
    direction: 'INGRESS',
    source_ranges: WORLD4,
    ...extra,
  });

  it('reads each port and range of each allow block', () => {
    expect(
      reasons(
        'google_compute_firewall',
        'create',
        null,
        fw({ allow: [{ protocol: 'tcp', ports: ['443', '8000-8100'] }] }),
      ),
    ).toEqual([
      'medium [world-ingress] ingress from `0.0.0.0/0` on port 443',
      'medium [world-ingress] ingress from `0.0.0.0/0` on ports 8000-8100',
    ]);
  });

  it.each([
    ['protocol all', { protocol: 'all', ports: ['443'] }],
    ['no ports', { protocol: 'tcp' }],
    ['an unreadable port', { protocol: 'tcp', ports: ['https'] }],
  ])('%s means all ports', (_case, allow) => {
    expect(reasons('google_compute_firewall', 'create', null, fw({ allow: [allow] }))).toEqual([
      expect.stringMatching(/^high .* on all ports, administrative/),
    ]);
  });

  it('no source at all means 0.0.0.0/0; source tags or service accounts alone mean none from the internet', () => {
    const allow = [{ protocol: 'tcp', ports: ['22'] }];
    expect(reasons('google_compute_firewall', 'create', null, { allow })).toEqual([
      'high [world-ingress-admin-port] ingress from `0.0.0.0/0` on port 22, administrative (22 SSH)',
    ]);
    expect(
      reasons('google_compute_firewall', 'create', null, { allow, source_tags: ['bastion'] }),
    ).toEqual([]);
    expect(
      reasons('google_compute_firewall', 'create', null, {
        allow,
        source_service_accounts: ['a@p.iam.gserviceaccount.com'],
      }),
    ).toEqual([]);
  });

  it('egress and disabled rules open nothing; direction is read in any case', () => {
    const allow = [{ protocol: 'tcp', ports: ['22'] }];
    expect(
      reasons('google_compute_firewall', 'create', null, fw({ allow, direction: 'EGRESS' })),
    ).toEqual([]);
    expect(
      reasons('google_compute_firewall', 'create', null, fw({ allow, disabled: true })),
    ).toEqual([]);
    expect(
      reasons('google_compute_firewall', 'create', null, fw({ allow, direction: 'ingress' })),
    ).toHaveLength(1);
  });
});

describe('load balancers facing the internet', () => {
  it('an internal load balancer made internet-facing is high, for each load balancer type', () => {
    for (const type of ['aws_lb', 'aws_alb', 'aws_elb'])
      expect(reasons(type, 'update', { internal: true }, { internal: false })).toEqual([
        'high [made-internet-facing] load balancer made internet-facing (`internal` true → false)',
      ]);
  });

  it('a new internet-facing load balancer is medium; a new internal one, or one that stays as it was, is nothing', () => {
    expect(reasons('aws_lb', 'create', null, { internal: false })).toEqual([
      'medium [new-internet-facing] new internet-facing load balancer',
    ]);
    expect(reasons('aws_lb', 'create', null, { internal: true })).toEqual([]);
    expect(reasons('aws_lb', 'update', { internal: false }, { internal: false })).toEqual([]);
    expect(reasons('aws_lb', 'update', { internal: false }, { internal: true })).toEqual([]);
    expect(reasons('aws_vpc', 'update', { internal: true }, { internal: false })).toEqual([]);
    expect(reasons('aws_vpc', 'create', null, { internal: false })).toEqual([]);
  });
});

describe('public switches', () => {
  it.each([
    ['aws_subnet', 'map_public_ip_on_launch', (v: boolean) => ({ map_public_ip_on_launch: v })],
    [
      'aws_instance',
      'associate_public_ip_address',
      (v: boolean) => ({ associate_public_ip_address: v }),
    ],
    [
      'aws_launch_template',
      'network_interfaces.associate_public_ip_address',
      (v: boolean) => ({ network_interfaces: [{ associate_public_ip_address: v }] }),
    ],
    [
      'aws_ecs_service',
      'network_configuration.assign_public_ip',
      (v: boolean) => ({ network_configuration: [{ assign_public_ip: v }] }),
    ],
    ['aws_db_instance', 'publicly_accessible', (v: boolean) => ({ publicly_accessible: v })],
    ['aws_redshift_cluster', 'publicly_accessible', (v: boolean) => ({ publicly_accessible: v })],
  ])('%s: %s false → true is high, new and true is medium', (type, name, value) => {
    expect(reasons(type, 'update', value(false), value(true))).toEqual([
      `high [made-public] made public: \`${name}\` false → true`,
    ]);
    expect(reasons(type, 'replace', value(false), value(true))).toHaveLength(1);
    expect(reasons(type, 'create', null, value(true))).toEqual([
      `medium [new-public] made public: \`${name}\` new, set to true`,
    ]);
    expect(reasons(type, 'update', value(true), value(true))).toEqual([]);
    expect(reasons(type, 'create', null, value(false))).toEqual([]);
    expect(reasons(type, 'delete', value(true), null)).toEqual([]);
  });

  it('a switch of another type is not read', () => {
    expect(
      reasons('aws_vpc', 'update', { publicly_accessible: false }, { publicly_accessible: true }),
    ).toEqual([]);
  });

  it('an EKS endpoint made public says when it is open to the whole internet', () => {
    const eks = (open: boolean, cidrs?: string[]) => ({
      vpc_config: [
        { endpoint_public_access: open, ...(cidrs ? { public_access_cidrs: cidrs } : {}) },
      ],
    });
    const made = 'high [made-public] made public: `vpc_config.endpoint_public_access` false → true';
    expect(reasons('aws_eks_cluster', 'update', eks(false), eks(true))).toEqual([
      `${made}, open to the whole internet`,
    ]);
    expect(
      reasons('aws_eks_cluster', 'update', eks(false), eks(true, ['10.0.0.0/8', '::/0'])),
    ).toEqual([`${made}, open to the whole internet`]);
    expect(reasons('aws_eks_cluster', 'update', eks(false), eks(true, ['203.0.113.0/24']))).toEqual(
      [made],
    );
  });

  it('a public EKS endpoint whose networks open to 0.0.0.0/0 is high; a new cluster or a still-private endpoint is not', () => {
    const eks = (open: boolean, cidrs: string[]) => ({
      vpc_config: [{ endpoint_public_access: open, public_access_cidrs: cidrs }],
    });
    const opened =
      'high [made-public] public endpoint opened to the whole internet (`vpc_config.public_access_cidrs` now includes `0.0.0.0/0`)';
    expect(
      reasons('aws_eks_cluster', 'update', eks(true, ['203.0.113.0/24']), eks(true, WORLD4)),
    ).toEqual([opened]);
    expect(reasons('aws_eks_cluster', 'update', eks(true, WORLD4), eks(true, WORLD4))).toEqual([]);
    expect(
      reasons('aws_eks_cluster', 'update', eks(false, ['203.0.113.0/24']), eks(false, WORLD4)),
    ).toEqual([]);
    expect(
      reasons('aws_eks_cluster', 'update', eks(true, ['203.0.113.0/24']), eks(false, WORLD4)),
    ).toEqual([]);
    expect(
      reasons('aws_eks_cluster', 'delete', eks(true, ['203.0.113.0/24']), eks(true, WORLD4)),
    ).toEqual([]);
    expect(reasons('aws_lb', 'update', eks(true, ['203.0.113.0/24']), eks(true, WORLD4))).toEqual(
      [],
    );
  });

  it('GKE private nodes and private endpoint switched off are high, on update or replace only', () => {
    const cluster = (nodes: boolean, endpoint: boolean) => ({
      private_cluster_config: [{ enable_private_nodes: nodes, enable_private_endpoint: endpoint }],
    });
    expect(
      reasons('google_container_cluster', 'update', cluster(true, true), cluster(false, false)),
    ).toEqual([
      'high [made-public] made public: `private_cluster_config.enable_private_nodes` true → false (nodes get public IPs)',
      'high [made-public] made public: `private_cluster_config.enable_private_endpoint` true → false (the control plane gets a public endpoint)',
    ]);
    expect(
      reasons('google_container_cluster', 'replace', cluster(true, false), cluster(false, false)),
    ).toHaveLength(1);
    expect(
      reasons('google_container_cluster', 'create', cluster(true, true), cluster(false, false)),
    ).toEqual([]);
    expect(
      reasons('google_container_cluster', 'update', cluster(false, false), cluster(false, false)),
    ).toEqual([]);
    const pool = (nodes: boolean) => ({ network_config: [{ enable_private_nodes: nodes }] });
    expect(reasons('google_container_node_pool', 'update', pool(true), pool(false))).toEqual([
      'high [made-public] made public: `network_config.enable_private_nodes` true → false (nodes get public IPs)',
    ]);
    expect(
      reasons('google_container_node_pool', 'update', cluster(true, true), cluster(false, false)),
    ).toEqual([]);
  });
});

describe('network rules: the cases mutation testing found unchecked', () => {
  it('protocol "all" on a security group means all ports', () => {
    expect(
      reasons(
        'aws_security_group',
        'update',
        sg(),
        sg({ protocol: 'all', from_port: 0, to_port: 0, cidr_blocks: WORLD4 }),
      ),
    ).toEqual([expect.stringMatching(/^high .* on all ports, administrative/)]);
  });

  it('one negative bound means all ports; 0 is a port like any other', () => {
    for (const [from, to] of [
      [-1, 80],
      [80, -1],
    ])
      expect(reasons('aws_security_group', 'update', sg(), sg(tcp(from!, to!, WORLD4)))).toEqual([
        expect.stringMatching(/on all ports, administrative/),
      ]);
    expect(reasons('aws_security_group', 'update', sg(), sg(tcp(0, 20, WORLD4)))).toEqual([
      'medium [world-ingress] ingress from `0.0.0.0/0` on ports 0-20',
    ]);
  });

  it('a GCP port range with an unreadable bound means all ports', () => {
    expect(
      reasons('google_compute_firewall', 'create', null, {
        source_ranges: WORLD4,
        allow: [{ protocol: 'tcp', ports: ['8000-x'] }],
      }),
    ).toEqual([expect.stringMatching(/on all ports/)]);
    expect(
      reasons('google_compute_firewall', 'create', null, {
        source_ranges: WORLD4,
        allow: [{ protocol: 'tcp', ports: [' 8000 - 8080 '] }],
      }),
    ).toEqual(['medium [world-ingress] ingress from `0.0.0.0/0` on ports 8000-8080']);
  });

  it('egress rules and other types open nothing, even with a world CIDR or a type of "ingress"; deleting a rule opens nothing', () => {
    expect(
      reasons('aws_vpc_security_group_egress_rule', 'create', null, {
        ip_protocol: '-1',
        cidr_ipv4: '0.0.0.0/0',
      }),
    ).toEqual([]);
    expect(
      reasons('aws_network_acl_rule', 'create', null, { type: 'ingress', ...tcp(22, 22, WORLD4) }),
    ).toEqual([]);
    expect(
      reasons(
        'aws_vpc_security_group_ingress_rule',
        'delete',
        { ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' },
        null,
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_security_group_rule',
        'delete',
        { type: 'ingress', ...tcp(22, 22, WORLD4) },
        null,
      ),
    ).toEqual([]);
  });

  it('a load balancer that stays internal, or a switch that stays on, is not a change', () => {
    expect(reasons('aws_lb', 'update', { internal: true }, { internal: true })).toEqual([]);
    const cluster = {
      private_cluster_config: [{ enable_private_nodes: true, enable_private_endpoint: true }],
    };
    expect(reasons('google_container_cluster', 'update', cluster, cluster)).toEqual([]);
  });

  it('an EKS endpoint opened when any one of its networks is the world', () => {
    const eks = (cidrs: string[]) => ({
      vpc_config: [{ endpoint_public_access: true, public_access_cidrs: cidrs }],
    });
    expect(
      reasons(
        'aws_eks_cluster',
        'update',
        eks(['203.0.113.0/24']),
        eks(['203.0.113.0/24', '0.0.0.0/0']),
      ),
    ).toEqual([
      'high [made-public] public endpoint opened to the whole internet (`vpc_config.public_access_cidrs` now includes `0.0.0.0/0`)',
    ]);
  });
});
