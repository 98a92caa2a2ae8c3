import type { ActionKind } from '../plan/actions';
import type { Json } from '../plan/types';
import { at } from '../risk/values';

/** Resource types billed per running object (hourly or monthly), in words. */
export const BILLED_TYPES: Readonly<Record<string, string>> = {
  aws_nat_gateway: 'NAT gateway',
  aws_lb: 'load balancer',
  aws_alb: 'load balancer',
  aws_elb: 'classic load balancer',
  aws_eks_cluster: 'EKS cluster',
  aws_eks_node_group: 'node group',
  aws_instance: 'EC2 instance',
  aws_db_instance: 'database instance',
  aws_rds_cluster: 'database cluster',
  aws_rds_cluster_instance: 'database instance',
  aws_elasticache_cluster: 'cache cluster',
  aws_elasticache_replication_group: 'cache cluster',
  aws_opensearch_domain: 'search domain',
  aws_msk_cluster: 'streaming cluster',
  aws_redshift_cluster: 'data warehouse',
  aws_vpc_endpoint: 'VPC endpoint',
  aws_eip: 'public IPv4 address',
  aws_ec2_transit_gateway: 'transit gateway',
  aws_kms_key: 'KMS key',
  aws_wafv2_web_acl: 'web ACL',
  aws_secretsmanager_secret: 'secret',
  aws_route53_zone: 'hosted zone',
  aws_ecs_service: 'ECS service',
};

/** Attributes whose value moves the bill, as paths into the object; sizes and counts. */
export const COST_ATTRIBUTES: readonly (readonly (string | number)[])[] = [
  ['instance_type'],
  ['instance_class'],
  ['node_type'],
  ['instance_types'],
  ['capacity_type'],
  ['desired_count'],
  ['cpu'],
  ['memory'],
  ['allocated_storage'],
  ['storage_type'],
  ['iops'],
  ['multi_az'],
  ['num_cache_nodes'],
  ['number_of_nodes'],
  ['billing_mode'],
  ['read_capacity'],
  ['write_capacity'],
  ['provisioned_throughput_in_mibps'],
  ['desired_capacity'],
  ['min_size'],
  ['max_size'],
  ['scaling_config', 0, 'desired_size'],
  ['scaling_config', 0, 'min_size'],
  ['scaling_config', 0, 'max_size'],
  ['retention_in_days'],
];

/** Attributes priced per value in a price file (`"instance_type:t3.large": 60.74`). */
export const PRICED_ATTRIBUTES = ['instance_type', 'instance_class', 'node_type'] as const;

/** One size or count delta of a cost-relevant change. */
export interface CostDelta {
  /** Attribute path, e.g. `scaling_config[0].desired_size`. */
  readonly path: string;
  readonly before?: Json;
  readonly after?: Json;
  /** after − before for numbers. */
  readonly delta?: number;
}

/** A change that usually moves the bill. */
export interface CostChange {
  readonly address: string;
  readonly type: string;
  /** +1 created, −1 destroyed, 0 changed in place or replaced. */
  readonly count: number;
  /** What the billed object is, for billed types. */
  readonly billed?: string;
  readonly deltas: readonly CostDelta[];
  /** The priced size attribute (`instance_type`…) and its values, when the object has one. */
  readonly size?: { readonly attribute: string; readonly before?: string; readonly after?: string };
}

const pathText = (path: readonly (string | number)[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** The cost-relevant part of one managed change, or undefined when it has none. */
export function costChange(input: {
  readonly address: string;
  readonly type: string;
  readonly kind: ActionKind;
  readonly before: Json | undefined;
  readonly after: Json | undefined;
}): CostChange | undefined {
  const { kind } = input;
  const count = kind === 'create' ? 1 : kind === 'delete' ? -1 : 0;
  const billed = BILLED_TYPES[input.type];
  if (kind !== 'create' && kind !== 'delete' && kind !== 'update' && kind !== 'replace')
    return undefined;
  const deltas: CostDelta[] = [];
  // terraform writes `before: null` for a create and `after: null` for a destroy, so a destroy
  // has no deltas (its count says it all) and a create's values have nothing before them
  for (const path of COST_ATTRIBUTES) {
    const before = at(input.before, ...path);
    const after = at(input.after, ...path);
    if (after === undefined || after === null) continue;
    if (JSON.stringify(before ?? null) === JSON.stringify(after)) continue;
    if (kind === 'create' && !billed) continue;
    deltas.push({
      path: pathText(path),
      ...(before !== undefined && before !== null ? { before } : {}),
      after,
      ...(typeof before === 'number' && typeof after === 'number' ? { delta: after - before } : {}),
    });
  }
  if (deltas.length === 0 && (count === 0 || !billed)) return undefined;
  const size = sizeOf(input);
  return {
    address: input.address,
    type: input.type,
    count,
    ...(billed ? { billed } : {}),
    deltas,
    ...(size ? { size } : {}),
  };
}

function sizeOf(input: {
  readonly before: Json | undefined;
  readonly after: Json | undefined;
}): CostChange['size'] {
  for (const attribute of PRICED_ATTRIBUTES) {
    const before = at(input.before, attribute);
    const after = at(input.after, attribute);
    if (typeof before !== 'string' && typeof after !== 'string') continue;
    return {
      attribute,
      ...(typeof before === 'string' ? { before } : {}),
      ...(typeof after === 'string' ? { after } : {}),
    };
  }
  return undefined;
}
