import { plan, rc } from '../../test-fixtures/builders';
import { summarizePlan } from '../summary/summarize';
import { defaultGuardConfig, mergeGuardConfigs, parseGuardConfig } from './guard-config';
import { runGuard } from './guard';

const reviewOf = (...changes: ReturnType<typeof rc>[]) => [
  summarizePlan(plan(changes), { file: 'plans/data-prod/plan.json' }),
];
// read in each test (not while jest collects them), so a mutation run credits the tests that check it
const defaults = () => defaultGuardConfig();

describe('guard defaults', () => {
  it.each([
    'aws_s3_bucket',
    'aws_kms_key',
    'aws_ecr_repository',
    'aws_eks_cluster',
    'aws_vpc',
    'aws_cloudwatch_log_group',
    'aws_dynamodb_table',
    'aws_db_instance',
    'aws_rds_cluster',
    'aws_efs_file_system',
    'google_storage_bucket',
    'google_kms_crypto_key',
    'google_kms_key_ring',
    'google_container_cluster',
    'google_compute_network',
    'google_artifact_registry_repository',
    'google_sql_database_instance',
  ])('protect %s, each with a reason', (type) => {
    const rule = defaults().protect.find((r) => r.match === type);
    expect(rule?.reason.length).toBeGreaterThan(10);
  });

  it('block a replaced GKE cluster and a destroyed Cloud KMS key; let a replaced node pool through (its nodes are recreated, no data is lost)', () => {
    const result = runGuard(
      reviewOf(
        rc('google_container_cluster.gke', ['delete', 'create'], { replace_paths: [['location']] }),
        rc('google_kms_crypto_key.secrets', ['delete']),
        rc('google_container_node_pool.pool', ['create', 'delete'], {
          replace_paths: [['node_config', 0, 'machine_type']],
        }),
      ),
      defaults(),
    );
    expect(result.violations.map((v) => `${v.address} ${v.action}`).sort()).toEqual([
      'google_container_cluster.gke replace (destroy, then create)',
      'google_kms_crypto_key.secrets destroy',
    ]);
  });

  it('block a destroy and a replacement of a protected type, naming stack, address, action and reason', () => {
    const result = runGuard(
      reviewOf(
        rc(
          'aws_s3_bucket.logs',
          ['delete'],
          {},
          { action_reason: 'delete_because_no_resource_config' },
        ),
        rc(
          'aws_vpc.main',
          ['delete', 'create'],
          { replace_paths: [['cidr_block']] },
          { action_reason: 'replace_because_cannot_update' },
        ),
      ),
      defaults(),
    );
    expect(result.violations).toHaveLength(2);
    expect(result.violations[0]).toMatchObject({
      stack: 'data-prod',
      address: 'aws_s3_bucket.logs',
      action: 'destroy',
      why: 'it is no longer in the configuration',
    });
    expect(result.violations[1]).toMatchObject({
      address: 'aws_vpc.main',
      action: 'replace (destroy, then create)',
      why: 'an attribute that cannot be updated in place changed; forced by cidr_block',
    });
  });

  it('block a create-before-destroy replacement of a protected type: the old object is still destroyed', () => {
    const result = runGuard(
      reviewOf(
        rc(
          'aws_kms_key.state',
          ['create', 'delete'],
          { replace_paths: [['customer_master_key_spec']] },
          { action_reason: 'replace_because_cannot_update' },
        ),
      ),
      defaults(),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        address: 'aws_kms_key.state',
        action: 'replace (create the new object, then destroy the old one)',
        kind: 'destroy',
      }),
    ]);
  });

  it('let forgets, creates, updates and unprotected destroys through', () => {
    const result = runGuard(
      reviewOf(
        rc('aws_s3_bucket.kept', ['forget']),
        rc('aws_s3_bucket.rf', ['create', 'forget']),
        rc('aws_s3_bucket.new', ['create']),
        rc('aws_s3_bucket.upd', ['update'], { before: { a: 1 }, after: { a: 2 } }),
        rc('aws_s3_bucket_policy.p', ['delete']),
      ),
      defaults(),
    );
    expect(result.violations).toEqual([]);
  });
});

describe('guard rules', () => {
  it('protect an address glob, with or without instance keys', () => {
    const config = parseGuardConfig(
      { protect: [{ match: 'module.db.aws_ssm_parameter.*', reason: 'r' }] },
      'c.json',
    );
    const result = runGuard(
      reviewOf(
        rc('module.db.aws_ssm_parameter.p[0]', ['delete']),
        rc('module.app.aws_ssm_parameter.p', ['delete']),
      ),
      config,
    );
    expect(result.violations.map((v) => v.address)).toEqual(['module.db.aws_ssm_parameter.p[0]']);
  });

  it('allow one named address (exact or glob) and report it as allowed', () => {
    const config = mergeGuardConfigs(defaults(), {
      protect: [],
      allow: [{ address: 'aws_s3_bucket.old_*', reason: 'migrated to the new bucket (PR #42)' }],
    });
    const result = runGuard(
      reviewOf(rc('aws_s3_bucket.old_logs', ['delete']), rc('aws_s3_bucket.data', ['delete'])),
      config,
    );
    expect(result.violations.map((v) => v.address)).toEqual(['aws_s3_bucket.data']);
    expect(result.allowed).toMatchObject([
      {
        address: 'aws_s3_bucket.old_logs',
        allowedBy: { reason: 'migrated to the new bucket (PR #42)' },
      },
    ]);
  });

  it('reject a config entry without a reason', () => {
    expect(() => parseGuardConfig({ protect: [{ match: 'aws_x' }] }, 'guard.json')).toThrow(
      /guard.json: invalid guard config \(protect.0.reason/,
    );
  });
});

describe('guard --fail-on (runGuard with a risk level)', () => {
  const policyUpdate = (address: string, actions: string[]) =>
    rc(address, ['update'], {
      before: {
        policy: JSON.stringify({
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
        }),
      },
      after: {
        policy: JSON.stringify({
          Statement: [{ Effect: 'Allow', Action: actions, Resource: 'arn:aws:s3:::b/*' }],
        }),
      },
    });

  it('reports a change at or above the level as a risk finding with its level and reasons; leaves low-risk changes alone', () => {
    const reviews = reviewOf(
      policyUpdate('aws_iam_role_policy.widened', ['s3:GetObject', 's3:PutObject']),
      rc('aws_ssm_parameter.p', ['update'], { before: { value: 'a' }, after: { value: 'b' } }),
    );
    const medium = runGuard(reviews, { protect: [], allow: [] }, { failOn: 'medium' });
    expect(medium.failOn).toBe('medium');
    expect(medium.violations).toEqual([
      expect.objectContaining({
        kind: 'risk',
        address: 'aws_iam_role_policy.widened',
        level: 'medium',
        why: expect.stringContaining('s3:PutObject'),
        protectedBy: { match: '--fail-on medium', reason: 'medium risk' },
      }),
    ]);
    expect(runGuard(reviews, { protect: [], allow: [] }, { failOn: 'high' }).violations).toEqual(
      [],
    );
    expect(runGuard(reviews, { protect: [], allow: [] })).not.toHaveProperty('failOn');
  });

  it('joins several risk reasons with "; "', () => {
    const [finding] = runGuard(
      reviewOf(
        rc('aws_iam_policy.app', ['update'], {
          before: {
            policy: JSON.stringify({
              Statement: [
                { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
              ],
            }),
          },
          after: {
            policy: JSON.stringify({
              Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
            }),
          },
        }),
      ),
      { protect: [], allow: [] },
      { failOn: 'high' },
    ).violations;
    expect(finding?.why.split('; ').length).toBeGreaterThan(1);
  });
});

describe('guard findings', () => {
  const protectBuckets = { protect: [{ match: 'aws_s3_bucket', reason: 'data' }], allow: [] };

  it('name a deposed object by its key, and say when terraform gave no reason', () => {
    const [finding] = runGuard(
      reviewOf(rc('aws_s3_bucket.b', ['delete'], {}, { deposed: 'abcd1234' })),
      protectBuckets,
    ).violations;
    expect(finding?.address).toBe('aws_s3_bucket.b (deposed abcd1234)');
    expect(finding?.why).toBe('no reason given by terraform');
  });

  it("give terraform's reason and the attributes that force a replacement", () => {
    const [finding] = runGuard(
      reviewOf(
        rc(
          'aws_s3_bucket.b',
          ['delete', 'create'],
          { replace_paths: [['bucket'], ['object_lock_enabled']] },
          { action_reason: 'replace_because_cannot_update' },
        ),
      ),
      protectBuckets,
    ).violations;
    expect(finding?.why).toMatch(/; forced by bucket, object_lock_enabled$/);
    expect(finding?.why).not.toContain('no reason given');
  });

  it('skip data sources even when their type is protected', () => {
    const result = runGuard(reviewOf(rc('data.aws_s3_bucket.b', ['delete'])), protectBuckets, {
      failOn: 'medium',
    });
    expect(result.violations).toEqual([]);
    expect(result.allowed).toEqual([]);
  });
});
