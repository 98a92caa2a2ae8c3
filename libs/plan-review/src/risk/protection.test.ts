import type { Json } from '../plan/types';
import { assessRisk } from './assess';
import { minimumTls, PROTECTION_RULES } from './protection';
import type { RiskInput } from './types';

/** The protection rules' reasons for one change, as `[rule] text` (every one of them is high). */
const reasons = (
  type: string,
  kind: RiskInput['kind'],
  before: Json | undefined,
  after: Json | undefined,
  afterUnknown?: Json,
): string[] =>
  assessRisk(
    { address: `${type}.x`, type, kind, before, after, afterUnknown },
    [],
    PROTECTION_RULES,
  ).reasons.map((r) => `${r.level} [${r.rule}] ${r.text}`);

describe('encryption-removed', () => {
  it('names a key or flag that is unset, with its old value', () => {
    expect(
      reasons('aws_sns_topic', 'update', { kms_master_key_id: 'k' }, { kms_master_key_id: null }),
    ).toEqual(['high [encryption-removed] encryption weakened: `kms_master_key_id` "k" → unset']);
    expect(reasons('aws_sns_topic', 'update', { kms_master_key_id: 'k' }, {})).toEqual([
      'high [encryption-removed] encryption weakened: `kms_master_key_id` "k" → unset',
    ]);
    expect(reasons('aws_ebs_volume', 'replace', { encrypted: true }, { encrypted: false })).toEqual(
      ['high [encryption-removed] encryption weakened: `encrypted` true → false'],
    );
    expect(
      reasons(
        'aws_db_instance',
        'update',
        { storage_encrypted: true, kms_key_id: 'k' },
        { storage_encrypted: true, kms_key_id: '' },
      ),
    ).toEqual(['high [encryption-removed] encryption weakened: `kms_key_id` "k" → ""']);
  });

  it('reads nested blocks down to four levels, with the path', () => {
    expect(
      reasons(
        'aws_ecr_repository',
        'update',
        { encryption_configuration: [{ encryption_type: 'KMS', kms_key: 'k' }] },
        { encryption_configuration: [{ encryption_type: 'KMS', kms_key: null }] },
      ),
    ).toEqual([
      'high [encryption-removed] encryption weakened: `encryption_configuration[0].kms_key` "k" → unset',
    ]);
    const nest = (value: Json, levels: number): Json =>
      levels === 0 ? value : { a: nest(value, levels - 1) };
    expect(
      reasons('x_y', 'update', nest({ kms_key_id: 'k' }, 4), nest({ kms_key_id: null }, 4)),
    ).toEqual(['high [encryption-removed] encryption weakened: `a.a.a.a.kms_key_id` "k" → unset']);
    expect(
      reasons('x_y', 'update', nest({ kms_key_id: 'k' }, 5), nest({ kms_key_id: null }, 5)),
    ).toEqual([]);
  });

  it('names a whole encryption block that is removed', () => {
    expect(
      reasons(
        'aws_dynamodb_table',
        'update',
        { server_side_encryption: [{ enabled: true, kms_key_arn: 'k' }] },
        { server_side_encryption: [] },
      ),
    ).toEqual(['high [encryption-removed] encryption weakened: `server_side_encryption` removed']);
  });

  it('skips what is known only after apply, what stays set, other attributes, creates', () => {
    expect(
      reasons(
        'aws_sns_topic',
        'update',
        { kms_master_key_id: 'k' },
        { kms_master_key_id: null },
        { kms_master_key_id: true },
      ),
    ).toEqual([]);
    expect(reasons('aws_sns_topic', 'update', { kms_master_key_id: 'k' }, {}, true)).toEqual([]);
    expect(
      reasons(
        'aws_dynamodb_table',
        'update',
        { server_side_encryption: [{ enabled: true }] },
        { server_side_encryption: [] },
        { server_side_encryption: true },
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_sns_topic',
        'update',
        { kms_master_key_id: 'k' },
        { kms_master_key_id: 'other' },
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_sns_topic',
        'update',
        { name: 'a', display_name: 'b' },
        { name: null, display_name: null },
      ),
    ).toEqual([]);
    expect(
      reasons('aws_sns_topic', 'update', { kms_master_key_id: '' }, { kms_master_key_id: null }),
    ).toEqual([]);
    expect(
      reasons('aws_sns_topic', 'create', { kms_master_key_id: 'k' }, { kms_master_key_id: null }),
    ).toEqual([]);
    expect(reasons('aws_sns_topic', 'update', { tags: ['kms'] }, { tags: [] })).toEqual([]);
  });

  it('destroying an encryption configuration or EBS default encryption is a removal; destroying a public access block is not one', () => {
    expect(
      reasons('aws_s3_bucket_server_side_encryption_configuration', 'delete', {}, null),
    ).toEqual(['high [encryption-removed] bucket encryption configuration removed']);
    expect(reasons('aws_ebs_encryption_by_default', 'delete', {}, null)).toEqual([
      'high [encryption-removed] EBS encryption by default removed',
    ]);
    expect(reasons('aws_s3_bucket_public_access_block', 'delete', {}, null)).not.toContainEqual(
      expect.stringContaining('[encryption-removed]'),
    );
    expect(reasons('aws_sns_topic', 'delete', { kms_master_key_id: 'k' }, null)).toEqual([]);
  });

  it('GKE secrets decrypted is a removal; an unknown state is not', () => {
    const gke = (state: Json) => ({ database_encryption: [{ state, key_name: 'k' }] });
    expect(
      reasons('google_container_cluster', 'update', gke('ENCRYPTED'), gke('DECRYPTED')),
    ).toEqual([
      'high [encryption-removed] encryption weakened: `database_encryption[0].state` "ENCRYPTED" → "DECRYPTED"',
    ]);
    expect(reasons('google_container_cluster', 'update', gke('ENCRYPTED'), gke(null))).toEqual([]);
    expect(
      reasons('google_container_cluster', 'update', gke('DECRYPTED'), gke('DECRYPTED')),
    ).toEqual([]);
    expect(
      reasons('google_container_cluster', 'update', gke('ENCRYPTED'), gke('ENCRYPTED')),
    ).toEqual([]);
  });
});

describe('public-access-block-relaxed', () => {
  const block = (flags: Record<string, boolean>) => ({
    block_public_acls: true,
    block_public_policy: true,
    ignore_public_acls: true,
    restrict_public_buckets: true,
    ...flags,
  });

  it('names every flag turned off, on bucket and account blocks', () => {
    expect(
      reasons(
        'aws_s3_bucket_public_access_block',
        'update',
        block({}),
        block({ block_public_acls: false, restrict_public_buckets: false }),
      ),
    ).toEqual([
      'high [public-access-block-relaxed] public access block relaxed: `block_public_acls`, `restrict_public_buckets` true → false',
    ]);
    expect(
      reasons(
        'aws_s3_account_public_access_block',
        'update',
        block({}),
        block({ block_public_policy: false }),
      ),
    ).toEqual([
      'high [public-access-block-relaxed] public access block relaxed: `block_public_policy` true → false',
    ]);
    expect(
      reasons(
        'aws_s3_bucket_public_access_block',
        'create',
        null,
        block({ ignore_public_acls: false }),
      ),
    ).toEqual([
      'high [public-access-block-relaxed] public access block relaxed: `ignore_public_acls` false',
    ]);
  });

  it('leaves flags that were already off, turned on, or on another type', () => {
    expect(
      reasons(
        'aws_s3_bucket_public_access_block',
        'update',
        block({ block_public_acls: false }),
        block({ block_public_acls: false }),
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_s3_bucket_public_access_block',
        'update',
        block({ block_public_acls: false }),
        block({}),
      ),
    ).toEqual([]);
    expect(
      reasons('aws_s3_bucket', 'update', block({}), block({ block_public_acls: false })),
    ).toEqual([]);
  });

  it('a destroyed block is a relaxation', () => {
    expect(reasons('aws_s3_account_public_access_block', 'delete', block({}), null)).toEqual([
      'high [public-access-block-relaxed] account public access block removed',
    ]);
    expect(reasons('aws_s3_bucket_public_access_block', 'delete', block({}), null)).toEqual([
      'high [public-access-block-relaxed] bucket public access block removed',
    ]);
  });

  it('a Cloud Storage bucket: prevention no longer enforced, created inherited, object ACLs back', () => {
    expect(
      reasons(
        'google_storage_bucket',
        'update',
        { public_access_prevention: 'enforced' },
        { public_access_prevention: 'inherited' },
      ),
    ).toEqual([
      'high [public-access-block-relaxed] public access prevention relaxed: `public_access_prevention` "enforced" → "inherited"',
    ]);
    expect(
      reasons('google_storage_bucket', 'create', null, { public_access_prevention: 'inherited' }),
    ).toEqual([
      'high [public-access-block-relaxed] public access prevention relaxed: `public_access_prevention` "inherited"',
    ]);
    expect(
      reasons(
        'google_storage_bucket',
        'update',
        { uniform_bucket_level_access: true },
        { uniform_bucket_level_access: false },
      ),
    ).toEqual([
      'high [public-access-block-relaxed] object ACLs allowed again: `uniform_bucket_level_access` true → false',
    ]);
    expect(
      reasons('google_storage_bucket', 'create', null, {
        public_access_prevention: 'enforced',
        uniform_bucket_level_access: false,
      }),
    ).toEqual([]);
    expect(
      reasons(
        'google_storage_bucket',
        'update',
        { public_access_prevention: 'inherited' },
        { public_access_prevention: 'inherited' },
      ),
    ).toEqual([]);
    expect(
      reasons(
        'google_storage_bucket',
        'update',
        { public_access_prevention: 'enforced' },
        { public_access_prevention: 'enforced' },
      ),
    ).toEqual([]);
    expect(
      reasons('google_storage_bucket', 'update', { public_access_prevention: 'enforced' }, {}),
    ).toEqual([]);
    expect(
      reasons('google_storage_bucket', 'create', null, { public_access_prevention: 'unspecified' }),
    ).toEqual([]);
    expect(
      reasons('google_storage_bucket', 'delete', { public_access_prevention: 'enforced' }, null),
    ).toEqual([]);
  });
});

describe('tls-downgraded', () => {
  it.each([
    ['ELBSecurityPolicy-TLS13-1-3-2021-06', 1.3],
    ['TLSv1.3_2025', 1.3],
    ['TLS-1-3-2021', 1.3],
    ['TLS_1_3', 1.3],
    ['ELBSecurityPolicy-TLS13-1-2-2021-06', 1.2],
    ['ELBSecurityPolicy-TLS-1-2-2017-01', 1.2],
    ['ELBSecurityPolicy-FS-1-2-Res-2020-10', 1.2],
    ['TLSv1.2_2021', 1.2],
    ['TLS_1_2', 1.2],
    ['Policy-Min-TLS-1-2-2019-07', 1.2],
    ['ELBSecurityPolicy-TLS-1-1-2017-01', 1.1],
    ['ELBSecurityPolicy-FS-1-1-2019-08', 1.1],
    ['TLSv1.1_2016', 1.1],
    ['TLS_1_1', 1.1],
    ['ELBSecurityPolicy-2016-08', 1.0],
    ['ELBSecurityPolicy-2015-05', 1.0],
    ['ELBSecurityPolicy-2015-03', 1.0],
    ['ELBSecurityPolicy-2015-02', 1.0],
    ['ELBSecurityPolicy-2014-10', 1.0],
    ['ELBSecurityPolicy-TLS-1-0-2015-04', 1.0],
    ['ELBSecurityPolicy-FS-2018-06', 1.0],
    ['TLSv1', 1.0],
    ['TLSv1_2016', 1.0],
    ['TLS_1_0', 1.0],
    ['Policy-Min-TLS-1-0-2019-07', 1.0],
    ['SSLv3', 1.0],
    ['tlsv1.2_2021', 1.2],
    ['a-custom-policy', undefined],
    [42, undefined],
  ])('minimumTls(%j) is %s', (value, tls) => {
    expect(minimumTls(value)).toBe(tls);
  });

  it('a policy allowing an older version, wherever it sits, names both and the versions', () => {
    expect(
      reasons(
        'aws_lb_listener',
        'update',
        { ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
        { ssl_policy: 'ELBSecurityPolicy-2016-08' },
      ),
    ).toEqual([
      'high [tls-downgraded] TLS downgraded: `ssl_policy` "ELBSecurityPolicy-TLS13-1-2-2021-06" → "ELBSecurityPolicy-2016-08" (TLS 1.2 → 1.0)',
    ]);
    expect(
      reasons(
        'aws_cloudfront_distribution',
        'replace',
        { viewer_certificate: [{ minimum_protocol_version: 'TLSv1.2_2021' }] },
        { viewer_certificate: [{ minimum_protocol_version: 'TLSv1.1_2016' }] },
      ),
    ).toEqual([
      'high [tls-downgraded] TLS downgraded: `minimum_protocol_version` "TLSv1.2_2021" → "TLSv1.1_2016" (TLS 1.2 → 1.1)',
    ]);
    expect(
      reasons(
        'aws_opensearch_domain',
        'update',
        { domain_endpoint_options: [{ tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }] },
        { domain_endpoint_options: [{ tls_security_policy: 'Policy-Min-TLS-1-0-2019-07' }] },
      ),
    ).toEqual([expect.stringContaining('(TLS 1.2 → 1.0)')]);
    expect(
      reasons(
        'google_compute_ssl_policy',
        'update',
        { min_tls_version: 'TLS_1_2', minimum_tls_version: 'TLS_1_2' },
        { minimum_tls_version: 'TLS_1_0' },
      ),
    ).toEqual([
      'high [tls-downgraded] TLS downgraded: `minimum_tls_version` "TLS_1_2" → "TLS_1_0" (TLS 1.2 → 1.0)',
    ]);
  });

  it('a stronger, unknown or equal policy, or a create, is not a downgrade', () => {
    expect(
      reasons(
        'aws_lb_listener',
        'update',
        { ssl_policy: 'ELBSecurityPolicy-2016-08' },
        { ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_lb_listener',
        'update',
        { ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
        { ssl_policy: 'custom' },
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_lb_listener',
        'update',
        { ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
        { ssl_policy: 'ELBSecurityPolicy-TLS-1-2-2017-01' },
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_lb_listener',
        'create',
        { ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
        { ssl_policy: 'ELBSecurityPolicy-2016-08' },
      ),
    ).toEqual([]);
  });

  it('a listener moved from HTTPS or TLS to HTTP or TCP loses TLS', () => {
    expect(
      reasons('aws_lb_listener', 'update', { protocol: 'HTTPS' }, { protocol: 'HTTP' }),
    ).toEqual(['high [tls-downgraded] TLS removed: `protocol` HTTPS → HTTP']);
    expect(reasons('aws_lb_listener', 'replace', { protocol: 'TLS' }, { protocol: 'TCP' })).toEqual(
      ['high [tls-downgraded] TLS removed: `protocol` TLS → TCP'],
    );
    expect(
      reasons('aws_lb_listener', 'update', { protocol: 'HTTP' }, { protocol: 'HTTPS' }),
    ).toEqual([]);
    expect(
      reasons('aws_lb_listener', 'update', { protocol: 'HTTPS' }, { protocol: 'TLS' }),
    ).toEqual([]);
  });
});

describe('versioning-off', () => {
  it('S3 Enabled → Suspended, and a versioning block enabled true → false', () => {
    const s3 = (status: string) => ({ versioning_configuration: [{ status }] });
    expect(reasons('aws_s3_bucket_versioning', 'update', s3('Enabled'), s3('Suspended'))).toEqual([
      'high [versioning-off] versioning switched off (Enabled → Suspended)',
    ]);
    const gcs = (enabled: boolean) => ({ versioning: [{ enabled }] });
    expect(reasons('google_storage_bucket', 'update', gcs(true), gcs(false))).toEqual([
      'high [versioning-off] versioning switched off (Enabled → Disabled)',
    ]);
    expect(reasons('google_storage_bucket', 'update', gcs(false), gcs(true))).toEqual([]);
    expect(reasons('aws_s3_bucket_versioning', 'update', s3('Suspended'), s3('Enabled'))).toEqual(
      [],
    );
    expect(reasons('aws_s3_bucket_versioning', 'update', s3('Enabled'), {})).toEqual([]);
  });

  it('skips what is known only after apply, creates and deletes', () => {
    const s3 = (status: string) => ({ versioning_configuration: [{ status }] });
    expect(
      reasons('aws_s3_bucket_versioning', 'update', s3('Enabled'), s3('Suspended'), {
        versioning_configuration: true,
      }),
    ).toEqual([]);
    expect(
      reasons(
        'google_storage_bucket',
        'update',
        { versioning: [{ enabled: true }] },
        { versioning: [{ enabled: false }] },
        { versioning: true },
      ),
    ).toEqual([]);
    expect(reasons('aws_s3_bucket_versioning', 'create', s3('Enabled'), s3('Suspended'))).toEqual(
      [],
    );
    expect(reasons('aws_s3_bucket_versioning', 'delete', s3('Enabled'), s3('Suspended'))).toEqual(
      [],
    );
  });
});

describe('logging-reduced', () => {
  it('shorter retention, with never-expire named', () => {
    const days = (retention_in_days: Json) => ({ retention_in_days });
    expect(reasons('aws_cloudwatch_log_group', 'update', days(365), days(30))).toEqual([
      'high [logging-reduced] log retention shortened: 365 days → 30 days',
    ]);
    expect(reasons('aws_cloudwatch_log_group', 'update', days(0), days(3653))).toEqual([
      'high [logging-reduced] log retention shortened: never expire → 3653 days',
    ]);
    for (const [was, now] of [
      [30, 0],
      [30, 30],
      [30, 365],
      [30, null],
      [0, 0],
    ] as const)
      expect(reasons('aws_cloudwatch_log_group', 'update', days(was), days(now))).toEqual([]);
    expect(reasons('aws_cloudwatch_log_group', 'create', days(365), days(30))).toEqual([]);
  });

  it('logging switched off: enable_logging on any type, enabled on the logging types only', () => {
    expect(
      reasons(
        'aws_redshift_cluster',
        'update',
        { enable_logging: true },
        { enable_logging: false },
      ),
    ).toEqual(['high [logging-reduced] logging switched off (`enable_logging` true → false)']);
    expect(
      reasons(
        'aws_guardduty_detector',
        'update',
        { enable: true, enabled: true },
        { enabled: false },
      ),
    ).toEqual(['high [logging-reduced] logging switched off (`enabled` true → false)']);
    expect(reasons('aws_kms_key', 'update', { enabled: true }, { enabled: false })).toEqual([]);
    expect(
      reasons(
        'aws_redshift_cluster',
        'update',
        { enable_logging: false },
        { enable_logging: false },
      ),
    ).toEqual([]);
  });

  it('a logging block removed or disabled', () => {
    expect(
      reasons(
        'google_compute_subnetwork',
        'update',
        { log_config: [{ aggregation_interval: 'INTERVAL_5_SEC' }] },
        { log_config: [] },
      ),
    ).toEqual([
      'high [logging-reduced] logging switched off: subnet flow logs (`log_config` removed)',
    ]);
    expect(
      reasons('google_storage_bucket', 'update', { logging: [{ log_bucket: 'b' }] }, {}),
    ).toEqual([
      'high [logging-reduced] logging switched off: bucket access logging (`logging` removed)',
    ]);
    expect(
      reasons(
        'google_compute_firewall',
        'update',
        { log_config: [{ metadata: 'INCLUDE_ALL_METADATA' }] },
        { log_config: [] },
        { log_config: true },
      ),
    ).toEqual([]);
    expect(reasons('aws_lb', 'update', { log_config: [{ a: 1 }] }, { log_config: [] })).toEqual([]);
    expect(
      reasons(
        'google_compute_subnetwork',
        'update',
        { log_config: [{ a: 1 }] },
        { log_config: [{ a: 2 }] },
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_lb',
        'update',
        { access_logs: [{ enabled: true, bucket: 'b' }] },
        { access_logs: [{ enabled: false, bucket: 'b' }] },
      ),
    ).toEqual(['high [logging-reduced] logging switched off (`access_logs.enabled` true → false)']);
    expect(
      reasons(
        'aws_lb',
        'update',
        { access_logs: [{ enabled: false }] },
        { access_logs: [{ enabled: false }] },
      ),
    ).toEqual([]);
  });

  it('destroying a trail, flow log, recorder, detector, sink or audit configuration', () => {
    expect(reasons('aws_cloudtrail', 'delete', {}, null)).toEqual([
      'high [logging-reduced] the CloudTrail trail is destroyed',
    ]);
    expect(reasons('google_project_iam_audit_config', 'delete', {}, null)).toEqual([
      'high [logging-reduced] a project audit log configuration is destroyed',
    ]);
    expect(reasons('aws_cloudwatch_log_group', 'delete', { retention_in_days: 30 }, null)).toEqual(
      [],
    );
  });
});

describe('protection rules: the cases mutation testing found unchecked', () => {
  it('reads lists nested in lists only to the same depth', () => {
    const deep = (kms: Json) => ({ a: [{ a: [{ a: [{ kms_key_id: kms }] }] }] });
    expect(reasons('x_y', 'update', deep('k'), deep(null))).toEqual([]);
    const shallow = (kms: Json) => ({ a: [{ kms_key_id: kms }] });
    expect(reasons('x_y', 'update', shallow('k'), shallow(null))).toEqual([
      'high [encryption-removed] encryption weakened: `a[0].kms_key_id` "k" → unset',
    ]);
  });

  it('an encryption object removed whole, or emptied inside', () => {
    expect(reasons('x_y', 'update', { encryption: { kms_key_id: 'k' } }, {})).toEqual([
      'high [encryption-removed] encryption weakened: `encryption` removed',
    ]);
    expect(
      reasons(
        'x_y',
        'update',
        { encryption: { kms_key_id: 'k', other: 1 } },
        { encryption: { kms_key_id: null, other: 1 } },
      ),
    ).toEqual([
      'high [encryption-removed] encryption weakened: `encryption.kms_key_id` "k" → unset',
    ]);
  });

  it('GKE secrets encryption whose block is gone after is not read as decrypted', () => {
    expect(
      reasons(
        'google_container_cluster',
        'update',
        { database_encryption: [{ state: 'ENCRYPTED', key_name: 'k' }] },
        { name: 'c' },
      ),
    ).toEqual(['high [encryption-removed] encryption weakened: `database_encryption` removed']);
  });

  it('uniform access and logging flags that stay as they were are not changes', () => {
    expect(
      reasons(
        'google_storage_bucket',
        'update',
        { uniform_bucket_level_access: true },
        { uniform_bucket_level_access: true },
      ),
    ).toEqual([]);
    expect(
      reasons('google_storage_bucket', 'update', {}, { uniform_bucket_level_access: false }),
    ).toEqual([]);
    expect(reasons('aws_redshift_cluster', 'update', {}, { enable_logging: false })).toEqual([]);
    expect(
      reasons(
        'aws_lb',
        'update',
        { access_logs: [{ enabled: true }] },
        { access_logs: [{ enabled: true }] },
      ),
    ).toEqual([]);
  });

  it.each(['logging_config', 'log_publishing_options'])(
    '%s.enabled true → false is logging switched off',
    (block) => {
      expect(
        reasons(
          'x_y',
          'update',
          { [block]: [{ enabled: true }] },
          { [block]: [{ enabled: false }] },
        ),
      ).toEqual([
        `high [logging-reduced] logging switched off (\`${block}.enabled\` true → false)`,
      ]);
    },
  );

  it('versioning that stays suspended, or stays enabled, is not switched off', () => {
    const s3 = (status: string) => ({ versioning_configuration: [{ status }] });
    expect(reasons('aws_s3_bucket_versioning', 'update', s3('Suspended'), s3('Suspended'))).toEqual(
      [],
    );
    expect(reasons('aws_s3_bucket_versioning', 'update', s3('Enabled'), s3('Enabled'))).toEqual([]);
  });
});
