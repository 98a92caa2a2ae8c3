// Placeholders for values terraform knows only after apply, shaped like the real thing: typed by
// the provider schema, ARN-shaped for `arn` and `*_arn` attributes, ids with the prefix EC2 uses,
// and derived from the resource address so that the same plan always gives the same state.
import { createHash } from 'node:crypto';
import type { Json } from './plan-json';
import type { CtyType, SchemaNode } from './schema';

/** Where the stack runs: what ARN placeholders are made of. */
export interface StackLocation {
  /** AWS partition: aws, aws-cn or aws-us-gov. */
  readonly partition: string;
  /** The stack's region. */
  readonly region: string;
  /** The stack's account id (12 digits). */
  readonly accountId: string;
}

/** The partition a region belongs to. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

/** The ARN service of a resource type, where it differs from the type's second word. */
const SERVICES: Record<string, string> = {
  lb: 'elasticloadbalancing',
  alb: 'elasticloadbalancing',
  cloudwatch: 'logs',
  cloudwatch_metric_alarm: 'cloudwatch',
  cloudwatch_composite_alarm: 'cloudwatch',
  cloudwatch_dashboard: 'cloudwatch',
  cloudwatch_event: 'events',
  vpc: 'ec2',
  subnet: 'ec2',
  security_group: 'ec2',
  route_table: 'ec2',
  internet_gateway: 'ec2',
  nat_gateway: 'ec2',
  eip: 'ec2',
  flow_log: 'ec2',
  instance: 'ec2',
  launch_template: 'ec2',
  network_acl: 'ec2',
  ebs: 'ec2',
  s3_bucket: 's3',
  wafv2: 'wafv2',
  iam: 'iam',
  sns: 'sns',
  sqs: 'sqs',
  kms: 'kms',
  acm: 'acm',
  route53: 'route53',
  ecs: 'ecs',
  ecr: 'ecr',
  eks: 'eks',
  codepipeline: 'codepipeline',
  codebuild: 'codebuild',
  codedeploy: 'codedeploy',
  codestarnotifications: 'codestar-notifications',
  codestarconnections: 'codestar-connections',
  appconfig: 'appconfig',
  apprunner: 'apprunner',
  xray: 'xray',
  guardduty: 'guardduty',
  securityhub: 'securityhub',
  config: 'config',
  cloudtrail: 'cloudtrail',
  budgets: 'budgets',
  accessanalyzer: 'access-analyzer',
  ssm: 'ssm',
  secretsmanager: 'secretsmanager',
  lambda: 'lambda',
};
/** Services whose ARNs have no region. */
const GLOBAL = new Set(['iam', 's3', 'route53', 'budgets', 'cloudfront']);

/** The ARN service of a resource type (`aws_lb_listener` → elasticloadbalancing). */
export function serviceOf(resourceType: string): string {
  const words = resourceType.replace(/^aws_/, '').split('_');
  for (let n = words.length; n > 0; n--) {
    const service = SERVICES[words.slice(0, n).join('_')];
    if (service) return service;
  }
  return words[0] ?? 'unknown';
}

/** EC2-style id prefixes by resource type. */
const ID_PREFIXES: Record<string, string> = {
  aws_vpc: 'vpc',
  aws_subnet: 'subnet',
  aws_security_group: 'sg',
  aws_route_table: 'rtb',
  aws_internet_gateway: 'igw',
  aws_nat_gateway: 'nat',
  aws_eip: 'eipalloc',
  aws_vpc_endpoint: 'vpce',
  aws_flow_log: 'fl',
  aws_instance: 'i',
  aws_launch_template: 'lt',
  aws_network_acl: 'acl',
  aws_vpc_security_group_ingress_rule: 'sgr',
  aws_vpc_security_group_egress_rule: 'sgr',
  aws_ebs_volume: 'vol',
};

/** A short hex digest of a resource address and attribute path: stable across runs. */
export function digest(...parts: readonly (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** What a placeholder is for: the resource, the attribute path and what is already known of it. */
export interface PlaceholderRequest {
  readonly resourceType: string;
  readonly address: string;
  readonly path: readonly (string | number)[];
  /** The resource's known `name`-like attribute, used in ARNs and ids where AWS uses it. */
  readonly knownName?: string;
}

/** A placeholder for an unknown value of the given schema node. */
export function placeholderFor(
  node: SchemaNode,
  request: PlaceholderRequest,
  where: StackLocation,
): Json {
  if (node.kind === 'block') return null;
  if (node.kind === 'unknown') return null;
  if (node.kind === 'nested') {
    const mode = node.attribute.nested_type!.nesting_mode;
    return mode === 'map' ? {} : mode === 'single' ? null : [];
  }
  return placeholderOfType(node.type, request, where);
}

function placeholderOfType(type: CtyType, request: PlaceholderRequest, where: StackLocation): Json {
  if (Array.isArray(type)) {
    const [kind, inner] = type;
    // a computed list of objects (a cluster's certificate_authority, identity) has its element:
    // configurations index it ([0]) and an empty list would not plan
    if ((kind === 'list' || kind === 'set') && Array.isArray(inner) && inner[0] === 'object')
      return [
        placeholderOfType(inner as CtyType, { ...request, path: [...request.path, 0] }, where),
      ];
    if (kind === 'list' || kind === 'set' || kind === '__blocks' || kind === 'tuple') return [];
    if (kind === 'map') return {};
    if (kind === 'object') {
      return Object.fromEntries(
        Object.entries(inner as Record<string, CtyType>).map(([key, member]) => [
          key,
          placeholderOfType(member, { ...request, path: [...request.path, key] }, where),
        ]),
      );
    }
    return null;
  }
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (type === 'string') return stringPlaceholder(request, where);
  return null;
}

function stringPlaceholder(request: PlaceholderRequest, where: StackLocation): string {
  const attribute = String(request.path[request.path.length - 1] ?? '');
  const hash = digest(request.address, ...request.path);
  if (attribute === 'arn' || attribute.endsWith('_arn')) {
    return arnPlaceholder(request, where, hash);
  }
  if (attribute === 'id' && request.path.length === 1) {
    const prefix = ID_PREFIXES[request.resourceType];
    // seven lowercase hex characters pass the strictest id patterns (AppConfig: [0-9a-z]{4,7})
    return prefix ? `${prefix}-${hash.slice(0, 17)}` : hash.slice(0, 7);
  }
  const shaped = SHAPED[attribute];
  if (shaped) return shaped(hash, where);
  return `offline-${attribute.replace(/_/g, '-') || 'value'}-${hash.slice(0, 12)}`;
}

/** Attributes whose values the provider validates where they flow into other resources. */
const SHAPED: Record<string, (hash: string, where: StackLocation) => string> = {
  resource_record_type: () => 'CNAME',
  resource_record_name: (hash) => `_${hash.slice(0, 32)}.offline.example.`,
  resource_record_value: (hash) => `_${hash.slice(32, 64)}.acm-validations.aws.`,
  fqdn: (hash) => `${hash.slice(0, 12)}.offline.example`,
  dns_name: (hash) => `offline-${hash.slice(0, 12)}.elb.amazonaws.com`,
  zone_id: (hash) => `Z${hash.slice(0, 20).toUpperCase()}`,
  owner_id: (_, where) => where.accountId,
  issuer: (hash, where) =>
    `https://oidc.eks.${where.region}.amazonaws.com/id/${hash.slice(0, 32).toUpperCase()}`,
  endpoint: (hash, where) =>
    `https://${hash.slice(0, 32).toUpperCase()}.gr7.${where.region}.eks.amazonaws.com`,
  url: (hash) => `https://offline-${hash.slice(0, 12)}.example`,
};

function arnPlaceholder(request: PlaceholderRequest, where: StackLocation, hash: string): string {
  const attribute = String(request.path[request.path.length - 1]);
  // kms_key_arn, role_arn, …: the ARN of another kind of resource
  const resourceType =
    attribute === 'arn' ? request.resourceType : `aws_${attribute.replace(/_arn$/, '')}`;
  const service = serviceOf(resourceType);
  const region = GLOBAL.has(service) ? '' : where.region;
  const account = service === 's3' ? '' : where.accountId;
  const kind = resourceType.replace(/^aws_/, '').replace(/_/g, '-');
  const name = attribute === 'arn' && request.knownName ? request.knownName : hash.slice(0, 16);
  const resource = service === 's3' ? name : `${kind}/${name}`;
  return `arn:${where.partition}:${service}:${region}:${account}:${resource}`;
}
