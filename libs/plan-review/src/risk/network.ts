import type { Json, JsonObject } from '../plan/types';
import type { RiskInput, RiskRule } from './types';
import { at, blocks, strings } from './values';

/** Ports whose exposure to the internet is an incident: remote shells, databases, caches. */
export const ADMIN_PORTS: Readonly<Record<number, string>> = {
  21: 'FTP',
  22: 'SSH',
  23: 'Telnet',
  445: 'SMB',
  1433: 'SQL Server',
  2375: 'Docker',
  2379: 'etcd',
  3306: 'MySQL',
  3389: 'RDP',
  5432: 'PostgreSQL',
  5985: 'WinRM',
  5986: 'WinRM',
  6379: 'Redis',
  9200: 'Elasticsearch',
  11211: 'Memcached',
  27017: 'MongoDB',
};

const WORLD = new Set(['0.0.0.0/0', '::/0']);

/** One ingress permission: where from, which ports. */
interface Ingress {
  readonly sources: readonly string[];
  readonly from: number;
  readonly to: number;
}

function portRange(rule: JsonObject, protocolKey: string): Ingress['from'][] {
  const protocol = rule[protocolKey];
  if (protocol === '-1' || protocol === 'all') return [0, 65535];
  const from = typeof rule['from_port'] === 'number' ? rule['from_port'] : 0;
  const to = typeof rule['to_port'] === 'number' ? rule['to_port'] : 65535;
  return from < 0 || to < 0 ? [0, 65535] : [from, to];
}

/** The ingress permissions an object opens, for the resource types that open them. */
function ingressOf(type: string, value: Json | undefined): Ingress[] {
  // the side a create or a delete lacks: no rule to read
  if (value === undefined || value === null) return [];
  const make = (rule: JsonObject, sources: string[], protocolKey = 'protocol'): Ingress => {
    const [from, to] = portRange(rule, protocolKey);
    return { sources, from, to };
  };
  if (type === 'aws_security_group')
    return blocks(value, 'ingress').map((r) =>
      make(r, [...strings(r['cidr_blocks']), ...strings(r['ipv6_cidr_blocks'])]),
    );
  if (type === 'aws_security_group_rule' && at(value, 'type') === 'ingress')
    return [
      make(value as JsonObject, [
        ...strings(at(value, 'cidr_blocks')),
        ...strings(at(value, 'ipv6_cidr_blocks')),
      ]),
    ];
  if (type === 'google_compute_firewall') return firewallIngress(value);
  if (type === 'aws_vpc_security_group_ingress_rule')
    return [
      make(
        value as JsonObject,
        [...strings(at(value, 'cidr_ipv4')), ...strings(at(value, 'cidr_ipv6'))],
        'ip_protocol',
      ),
    ];
  return [];
}

/**
 * A GCP firewall rule's ingress: one permission per allowed protocol and port range, from its
 * source ranges (none named at all means 0.0.0.0/0). Egress, disabled and deny rules open nothing.
 */
function firewallIngress(value: Json): Ingress[] {
  if (String(at(value, 'direction') ?? 'INGRESS').toUpperCase() !== 'INGRESS') return [];
  if (at(value, 'disabled') === true) return [];
  const ranges = strings(at(value, 'source_ranges'));
  const named =
    ranges.length > 0 ||
    strings(at(value, 'source_tags')).length > 0 ||
    strings(at(value, 'source_service_accounts')).length > 0;
  const sources = named ? ranges : ['0.0.0.0/0'];
  return blocks(value, 'allow').flatMap((allow) => {
    const ports = strings(allow['ports']);
    if (allow['protocol'] === 'all' || ports.length === 0) return [{ sources, from: 0, to: 65535 }];
    return ports.map((entry) => {
      // Number() ignores the spaces around each bound
      const [from = 0, to = from] = entry.split('-').map(Number);
      return Number.isNaN(from) || Number.isNaN(to)
        ? { sources, from: 0, to: 65535 }
        : { sources, from, to };
    });
  });
}

function describe(rule: Ingress, source: string): string {
  const ports =
    rule.from === 0 && rule.to === 65535
      ? 'all ports'
      : rule.from === rule.to
        ? `port ${rule.from}`
        : `ports ${rule.from}-${rule.to}`;
  return `ingress from \`${source}\` on ${ports}`;
}

function adminPorts(rule: Ingress): string[] {
  return Object.entries(ADMIN_PORTS)
    .filter(([port]) => Number(port) >= rule.from && Number(port) <= rule.to)
    .map(([port, name]) => `${port} ${name}`);
}

/** World-open ingress in `after` that `before` did not already allow (same source and ports). */
function newWorldIngress(change: RiskInput): { text: string; admin: boolean }[] {
  const before = ingressOf(change.type, change.before);
  const found: { text: string; admin: boolean }[] = [];
  for (const rule of ingressOf(change.type, change.after)) {
    for (const source of rule.sources.filter((s) => WORLD.has(s))) {
      const had = before.some(
        (b) => b.sources.includes(source) && b.from <= rule.from && b.to >= rule.to,
      );
      if (had) continue;
      const admin = adminPorts(rule);
      const text = describe(rule, source);
      found.push({
        text: admin.length > 0 ? `${text}, administrative (${admin.join(', ')})` : text,
        admin: admin.length > 0,
      });
    }
  }
  return found;
}

const LOAD_BALANCERS = new Set(['aws_lb', 'aws_alb', 'aws_elb']);

function madeInternetFacing(change: RiskInput): string[] {
  // a create has no before, so it is never "made" internet-facing
  if (!LOAD_BALANCERS.has(change.type)) return [];
  return at(change.before, 'internal') === true && at(change.after, 'internal') === false
    ? ['load balancer made internet-facing (`internal` true → false)']
    : [];
}

function createdInternetFacing(change: RiskInput): string[] {
  if (!LOAD_BALANCERS.has(change.type) || change.kind !== 'create') return [];
  return at(change.after, 'internal') === false ? ['new internet-facing load balancer'] : [];
}

/** Attributes that put something on the internet when they turn true, per resource type. */
const PUBLIC_SWITCHES: readonly { types: readonly string[]; path: (string | number)[] }[] = [
  { types: ['aws_subnet'], path: ['map_public_ip_on_launch'] },
  { types: ['aws_instance'], path: ['associate_public_ip_address'] },
  {
    types: ['aws_launch_template'],
    path: ['network_interfaces', 0, 'associate_public_ip_address'],
  },
  { types: ['aws_ecs_service'], path: ['network_configuration', 0, 'assign_public_ip'] },
  {
    types: [
      'aws_db_instance',
      'aws_rds_cluster_instance',
      'aws_redshift_cluster',
      'aws_dms_replication_instance',
    ],
    path: ['publicly_accessible'],
  },
  { types: ['aws_eks_cluster'], path: ['vpc_config', 0, 'endpoint_public_access'] },
];

/** Attributes that put something on the internet when they turn false (private switches), per resource type. */
const PRIVATE_SWITCHES: readonly {
  types: readonly string[];
  path: (string | number)[];
  what: string;
}[] = [
  {
    types: ['google_container_cluster'],
    path: ['private_cluster_config', 0, 'enable_private_nodes'],
    what: 'nodes get public IPs',
  },
  {
    types: ['google_container_node_pool'],
    path: ['network_config', 0, 'enable_private_nodes'],
    what: 'nodes get public IPs',
  },
  {
    types: ['google_container_cluster'],
    path: ['private_cluster_config', 0, 'enable_private_endpoint'],
    what: 'the control plane gets a public endpoint',
  },
];

/** A GCP private switch turned off in an existing resource. */
function switchedOffPrivate(change: RiskInput): string[] {
  if (change.kind !== 'update' && change.kind !== 'replace') return [];
  return PRIVATE_SWITCHES.filter((s) => s.types.includes(change.type))
    .filter((s) => at(change.before, ...s.path) === true && at(change.after, ...s.path) === false)
    .map(
      (s) =>
        `made public: \`${s.path.filter((p) => typeof p === 'string').join('.')}\` true → false (${s.what})`,
    );
}

function switchedPublic(change: RiskInput, created: boolean): string[] {
  // a delete has no after, so nothing is switched on
  if ((change.kind === 'create') !== created) return [];
  return PUBLIC_SWITCHES.filter((s) => s.types.includes(change.type))
    .filter((s) => at(change.after, ...s.path) === true && at(change.before, ...s.path) !== true)
    .map((s) => {
      const name = s.path.filter((p) => typeof p === 'string').join('.');
      const was = change.kind === 'create' ? 'new, set to true' : 'false → true';
      const cidrs = strings(at(change.after, 'vpc_config', 0, 'public_access_cidrs'));
      const open =
        change.type === 'aws_eks_cluster' && (cidrs.length === 0 || cidrs.some((c) => WORLD.has(c)))
          ? ', open to the whole internet'
          : '';
      return `made public: \`${name}\` ${was}${open}`;
    });
}

/** An EKS endpoint that was public to some networks and is now open to the whole internet. */
function endpointOpened(change: RiskInput): string[] {
  if (change.type !== 'aws_eks_cluster' || change.kind === 'create' || change.kind === 'delete')
    return [];
  const path = ['vpc_config', 0, 'public_access_cidrs'] as const;
  const public_ = (side: Json | undefined) =>
    at(side, 'vpc_config', 0, 'endpoint_public_access') === true;
  const world = (side: Json | undefined) => strings(at(side, ...path)).some((c) => WORLD.has(c));
  return public_(change.before) &&
    public_(change.after) &&
    !world(change.before) &&
    world(change.after)
    ? [
        'public endpoint opened to the whole internet (`vpc_config.public_access_cidrs` now includes `0.0.0.0/0`)',
      ]
    : [];
}

/** Rules about network exposure. */
export const NETWORK_RULES: readonly RiskRule[] = [
  {
    id: 'world-ingress-admin-port',
    level: 'high',
    finds: `new ingress from \`0.0.0.0/0\` or \`::/0\` that covers an administrative port (${Object.keys(ADMIN_PORTS).join(', ')}) or all ports: security groups, their rules, GCP firewall rules (no source named = \`0.0.0.0/0\`)`,
    check: (change) =>
      newWorldIngress(change)
        .filter((f) => f.admin)
        .map((f) => f.text),
  },
  {
    id: 'world-ingress',
    level: 'medium',
    finds:
      'new ingress from `0.0.0.0/0` or `::/0` on other ports (e.g. 443 on a public load balancer)',
    check: (change) =>
      newWorldIngress(change)
        .filter((f) => !f.admin)
        .map((f) => f.text),
  },
  {
    id: 'made-internet-facing',
    level: 'high',
    finds: 'an internal load balancer made internet-facing',
    check: madeInternetFacing,
  },
  {
    id: 'made-public',
    level: 'high',
    finds:
      'public IPs or a public endpoint switched on in an existing resource: subnet `map_public_ip_on_launch`, instance and launch template `associate_public_ip_address`, ECS `assign_public_ip`, RDS/Redshift/DMS `publicly_accessible`, EKS `endpoint_public_access`; or a public EKS endpoint whose `public_access_cidrs` open to `0.0.0.0/0`; GKE private nodes or private endpoint true → false',
    check: (change) => [
      ...switchedPublic(change, false),
      ...endpointOpened(change),
      ...switchedOffPrivate(change),
    ],
  },
  {
    id: 'new-public',
    level: 'medium',
    finds: 'a new resource created with one of the public switches of `made-public` on',
    check: (change) => switchedPublic(change, true),
  },
  {
    id: 'new-internet-facing',
    level: 'medium',
    finds: 'a new internet-facing load balancer',
    check: createdInternetFacing,
  },
];
