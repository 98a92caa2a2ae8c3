import type { Json } from '../plan/types';
import { costChange } from './cost-changes';

const change = (
  type: string,
  kind: Parameters<typeof costChange>[0]['kind'],
  before: Json | undefined,
  after: Json | undefined,
) => costChange({ address: `${type}.x`, type, kind, before, after });

describe('what moves the bill', () => {
  it('a created billed object counts +1 with its sizes; a destroyed one -1 with its size before', () => {
    expect(
      change('aws_db_instance', 'create', null, {
        instance_class: 'db.t4g.small',
        allocated_storage: 20,
        name: 'x',
      }),
    ).toStrictEqual({
      address: 'aws_db_instance.x',
      type: 'aws_db_instance',
      count: 1,
      billed: 'database instance',
      deltas: [
        { path: 'instance_class', after: 'db.t4g.small' },
        { path: 'allocated_storage', after: 20 },
      ],
      size: { attribute: 'instance_class', after: 'db.t4g.small' },
    });
    expect(change('aws_instance', 'delete', { instance_type: 't3.large' }, null)).toStrictEqual({
      address: 'aws_instance.x',
      type: 'aws_instance',
      count: -1,
      billed: 'EC2 instance',
      deltas: [],
      size: { attribute: 'instance_type', before: 't3.large' },
    });
  });

  it('a resize in place counts 0 with before, after and the numeric difference', () => {
    expect(
      change(
        'aws_eks_node_group',
        'update',
        { scaling_config: [{ desired_size: 2, min_size: 2, max_size: 4 }] },
        { scaling_config: [{ desired_size: 5, min_size: 2, max_size: 4 }] },
      ),
    ).toStrictEqual({
      address: 'aws_eks_node_group.x',
      type: 'aws_eks_node_group',
      count: 0,
      billed: 'node group',
      deltas: [{ path: 'scaling_config[0].desired_size', before: 2, after: 5, delta: 3 }],
    });
    expect(
      change(
        'aws_elasticache_cluster',
        'replace',
        { node_type: 'cache.t4g.small' },
        { node_type: 'cache.t4g.medium' },
      ),
    ).toStrictEqual({
      address: 'aws_elasticache_cluster.x',
      type: 'aws_elasticache_cluster',
      count: 0,
      billed: 'cache cluster',
      deltas: [{ path: 'node_type', before: 'cache.t4g.small', after: 'cache.t4g.medium' }],
      size: { attribute: 'node_type', before: 'cache.t4g.small', after: 'cache.t4g.medium' },
    });
  });

  it('an unbilled type counts only its size changes: not when created or destroyed', () => {
    expect(
      change(
        'aws_cloudwatch_log_group',
        'update',
        { retention_in_days: 30 },
        { retention_in_days: 365 },
      ),
    ).toStrictEqual({
      address: 'aws_cloudwatch_log_group.x',
      type: 'aws_cloudwatch_log_group',
      count: 0,
      deltas: [{ path: 'retention_in_days', before: 30, after: 365, delta: 335 }],
    });
    expect(
      change('aws_cloudwatch_log_group', 'create', null, { retention_in_days: 30 }),
    ).toBeUndefined();
    expect(
      change('aws_cloudwatch_log_group', 'delete', { retention_in_days: 30 }, null),
    ).toBeUndefined();
  });

  it('nothing for unchanged, unknown or unset sizes, for a billed object changed otherwise, or for a forget', () => {
    expect(
      change(
        'aws_instance',
        'update',
        { instance_type: 't3.large', tags: {} },
        { instance_type: 't3.large', tags: { a: '1' } },
      ),
    ).toBeUndefined();
    expect(
      change('aws_instance', 'update', { instance_type: 't3.large' }, { instance_type: null }),
    ).toBeUndefined();
    expect(change('aws_instance', 'update', { instance_type: 't3.large' }, {})).toBeUndefined();
    expect(change('aws_instance', 'forget', { instance_type: 't3.large' }, null)).toBeUndefined();
    expect(
      change(
        'aws_instance',
        'read' as never,
        { instance_type: 't3.large' },
        { instance_type: 't3.xlarge' },
      ),
    ).toBeUndefined();
  });

  it('a size set where there was none has no before and no difference', () => {
    expect(
      change('aws_ecs_service', 'update', { desired_count: null }, { desired_count: 3 })?.deltas,
    ).toStrictEqual([{ path: 'desired_count', after: 3 }]);
    expect(
      change('aws_ecs_service', 'update', { cpu: '256' }, { cpu: '512' })?.deltas,
    ).toStrictEqual([{ path: 'cpu', before: '256', after: '512' }]);
  });
});
