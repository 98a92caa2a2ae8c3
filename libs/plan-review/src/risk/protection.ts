import type { Json } from '../plan/types';
import type { RiskInput, RiskRule } from './types';
import { at, blocks, isSet } from './values';

/** Attribute names (last path step) that hold an encryption setting or key. */
const ENCRYPTION_KEY = /(^|_)(kms|encrypt|encrypted|encryption|sse)(_|$)/;

/** Resource types whose destruction removes encryption or a public access block. */
const GUARD_RESOURCES: Readonly<Record<string, string>> = {
  aws_s3_bucket_server_side_encryption_configuration: 'bucket encryption configuration removed',
  aws_s3_bucket_public_access_block: 'bucket public access block removed',
  aws_s3_account_public_access_block: 'account public access block removed',
  aws_ebs_encryption_by_default: 'EBS encryption by default removed',
};

const PUBLIC_ACCESS_FLAGS = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets',
];

/** Paths (flattened) of set encryption attributes that are unset after, skipping unknowns. */
function encryptionRemoved(change: RiskInput): string[] {
  if (change.kind === 'create') return [];
  if (change.kind === 'delete') {
    const what = GUARD_RESOURCES[change.type];
    return what?.includes('encryption') ? [what] : [];
  }
  const found: string[] = [];
  const walk = (
    before: Json | undefined,
    after: Json | undefined,
    unknown: Json | undefined,
    path: string,
    depth: number,
  ) => {
    if (unknown === true || depth > 4) return;
    if (Array.isArray(before)) {
      before.forEach((item, i) =>
        walk(
          item,
          Array.isArray(after) ? after[i] : undefined,
          Array.isArray(unknown) ? unknown[i] : undefined,
          `${path}[${i}]`,
          depth + 1,
        ),
      );
      return;
    }
    if (typeof before !== 'object' || before === null) return;
    for (const [key, value] of Object.entries(before)) {
      const next = path ? `${path}.${key}` : key;
      const afterValue = at(after, key);
      const unknownValue = at(unknown, key);
      if (
        ENCRYPTION_KEY.test(key) &&
        !Array.isArray(value) &&
        (typeof value !== 'object' || value === null)
      ) {
        if (isSet(value) && !isSet(afterValue) && unknownValue !== true)
          found.push(
            `encryption weakened: \`${next}\` ${JSON.stringify(value)} → ${afterValue === undefined || afterValue === null ? 'unset' : JSON.stringify(afterValue)}`,
          );
      } else if (
        ENCRYPTION_KEY.test(key) &&
        isSet(value) &&
        !isSet(afterValue) &&
        unknownValue !== true
      ) {
        found.push(`encryption weakened: \`${next}\` removed`);
      } else walk(value, afterValue, unknownValue, next, depth + 1);
    }
  };
  walk(change.before, change.after, change.afterUnknown, '', 0);
  // GKE application-layer secrets encryption: its state and key sit below an encryption block
  const secrets = (side: Json | undefined) => blocks(side, 'database_encryption')[0];
  if (
    secrets(change.before)?.['state'] === 'ENCRYPTED' &&
    typeof secrets(change.after)?.['state'] === 'string' &&
    secrets(change.after)?.['state'] !== 'ENCRYPTED'
  )
    found.push(
      `encryption weakened: \`database_encryption[0].state\` "ENCRYPTED" → ${JSON.stringify(secrets(change.after)?.['state'])}`,
    );
  return found;
}

/** A Cloud Storage bucket's public access guards relaxed: prevention no longer enforced, object ACLs back. */
function bucketAccessRelaxed(change: RiskInput): string[] {
  // publicAccessRelaxed handles deletes before it calls this
  if (change.type !== 'google_storage_bucket') return [];
  const found: string[] = [];
  const prevention = (side: Json | undefined) => at(side, 'public_access_prevention');
  const after = prevention(change.after);
  if (
    typeof after === 'string' &&
    after !== 'enforced' &&
    (change.kind === 'create' ? after === 'inherited' : prevention(change.before) === 'enforced')
  )
    found.push(
      `public access prevention relaxed: \`public_access_prevention\` ${change.kind === 'create' ? `"${after}"` : `"enforced" → "${after}"`}`,
    );
  if (
    at(change.before, 'uniform_bucket_level_access') === true &&
    at(change.after, 'uniform_bucket_level_access') === false
  )
    found.push('object ACLs allowed again: `uniform_bucket_level_access` true → false');
  return found;
}

function publicAccessRelaxed(change: RiskInput): string[] {
  if (change.kind === 'delete') {
    const what = GUARD_RESOURCES[change.type];
    return what?.includes('public access') ? [what] : [];
  }
  if (change.type === 'google_storage_bucket') return bucketAccessRelaxed(change);
  if (!change.type.endsWith('_public_access_block')) return [];
  const relaxed = PUBLIC_ACCESS_FLAGS.filter(
    (flag) =>
      at(change.after, flag) === false &&
      (change.kind === 'create' || at(change.before, flag) === true),
  );
  return relaxed.length > 0
    ? [
        `public access block relaxed: ${relaxed.map((f) => `\`${f}\``).join(', ')} ${change.kind === 'create' ? 'false' : 'true → false'}`,
      ]
    : [];
}

/** The minimum TLS version a policy name or version string allows, as a number, or undefined. */
export function minimumTls(value: Json | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.toUpperCase();
  if (/TLS13-1-3|TLSV1\.3|TLS-1-3|TLS_1_3/.test(v)) return 1.3;
  if (/TLS13-1-2|TLS-1-2|FS-1-2|TLSV1\.2|TLS_1_2|MIN-TLS-1-2/.test(v)) return 1.2;
  if (/TLS-1-1|FS-1-1|TLSV1\.1|TLS_1_1/.test(v)) return 1.1;
  if (
    /2016-08|2015-05|2015-03|2015-02|2014-|TLS-1-0|FS-2018-06|TLSV1(_|$)|TLSV1_2016|TLS_1_0|MIN-TLS-1-0|SSLV3/.test(
      v,
    )
  )
    return 1.0;
  return undefined;
}

const TLS_ATTRIBUTES = [
  'ssl_policy',
  'minimum_protocol_version',
  'tls_security_policy',
  'security_policy',
  'minimum_tls_version',
];

function tlsDowngraded(change: RiskInput): string[] {
  if (change.kind !== 'update' && change.kind !== 'replace') return [];
  const found: string[] = [];
  const values = (side: Json | undefined, key: string): Json | undefined =>
    at(side, key) ??
    at(side, 'viewer_certificate', 0, key) ??
    at(side, 'domain_endpoint_options', 0, key);
  for (const key of TLS_ATTRIBUTES) {
    const before = values(change.before, key);
    const after = values(change.after, key);
    const was = minimumTls(before);
    const now = minimumTls(after);
    if (was !== undefined && now !== undefined && now < was)
      found.push(
        `TLS downgraded: \`${key}\` ${JSON.stringify(before)} → ${JSON.stringify(after)} (TLS ${was.toFixed(1)} → ${now.toFixed(1)})`,
      );
  }
  const protocol = (side: Json | undefined) => at(side, 'protocol');
  if (
    ['HTTPS', 'TLS'].includes(String(protocol(change.before))) &&
    ['HTTP', 'TCP'].includes(String(protocol(change.after)))
  )
    found.push(
      `TLS removed: \`protocol\` ${String(protocol(change.before))} → ${String(protocol(change.after))}`,
    );
  return found;
}

function versioningOff(change: RiskInput): string[] {
  if (change.kind === 'create' || change.kind === 'delete') return [];
  // aws_s3_bucket_versioning: versioning_configuration.status; a bucket's versioning block
  // (google_storage_bucket, the old inline aws_s3_bucket one): versioning.enabled
  const enabled = (side: Json | undefined) => blocks(side, 'versioning')[0]?.['enabled'];
  const status = (side: Json | undefined) =>
    blocks(side, 'versioning_configuration')[0]?.['status'] ??
    (enabled(side) === true ? 'Enabled' : enabled(side) === false ? 'Disabled' : undefined);
  const before = status(change.before);
  const after = status(change.after);
  return before === 'Enabled' &&
    after !== undefined &&
    after !== 'Enabled' &&
    at(change.afterUnknown, 'versioning_configuration') !== true &&
    at(change.afterUnknown, 'versioning') !== true
    ? [`versioning switched off (${String(before)} → ${String(after)})`]
    : [];
}

/** Types whose destruction switches logging off. */
const LOGGING_TYPES: Readonly<Record<string, string>> = {
  aws_cloudtrail: 'the CloudTrail trail is destroyed',
  aws_flow_log: 'a VPC flow log is destroyed',
  aws_s3_bucket_logging: 'bucket access logging is destroyed',
  aws_config_configuration_recorder: 'the AWS Config recorder is destroyed',
  aws_guardduty_detector: 'the GuardDuty detector is destroyed',
  google_logging_project_sink: 'a log sink is destroyed',
  google_project_iam_audit_config: 'a project audit log configuration is destroyed',
};

/** Blocks whose removal switches logging off, per type: a GCP subnet's flow logs, a bucket's access logs. */
const LOGGING_BLOCKS: readonly { type: string; block: string; what: string }[] = [
  { type: 'google_compute_subnetwork', block: 'log_config', what: 'subnet flow logs' },
  { type: 'google_storage_bucket', block: 'logging', what: 'bucket access logging' },
  { type: 'google_compute_firewall', block: 'log_config', what: 'firewall rule logging' },
];

function loggingReduced(change: RiskInput): string[] {
  if (change.kind === 'delete')
    return LOGGING_TYPES[change.type] ? [LOGGING_TYPES[change.type]] : [];
  if (change.kind === 'create') return [];
  const found: string[] = [];
  const days = (side: Json | undefined) => at(side, 'retention_in_days');
  const was = days(change.before);
  const now = days(change.after);
  // 0 keeps events forever; null (retention unset) keeps them forever too, so never shorter
  const forever = (d: number) => (d === 0 ? Number.POSITIVE_INFINITY : d);
  if (typeof was === 'number' && typeof now === 'number' && forever(now) < forever(was))
    found.push(
      `log retention shortened: ${was === 0 ? 'never expire' : `${was} days`} → ${now} days`,
    );
  for (const key of ['enable_logging', 'enabled'])
    if (key === 'enable_logging' || LOGGING_TYPES[change.type])
      if (at(change.before, key) === true && at(change.after, key) === false)
        found.push(`logging switched off (\`${key}\` true → false)`);
  for (const { type, block, what } of LOGGING_BLOCKS)
    if (
      change.type === type &&
      blocks(change.before, block).length > 0 &&
      blocks(change.after, block).length === 0 &&
      at(change.afterUnknown, block) !== true
    )
      found.push(`logging switched off: ${what} (\`${block}\` removed)`);
  for (const block of ['access_logs', 'logging_config', 'log_publishing_options'])
    if (
      at(change.before, block, 0, 'enabled') === true &&
      at(change.after, block, 0, 'enabled') === false
    )
      found.push(`logging switched off (\`${block}.enabled\` true → false)`);
  return found;
}

/** Rules about data protection. */
export const PROTECTION_RULES: readonly RiskRule[] = [
  {
    id: 'encryption-removed',
    level: 'high',
    finds:
      'an encryption setting or KMS key unset (`kms_key_id`, `kms_master_key_id`, `kms_key_name`, `storage_encrypted`, `encrypted`, `*_encryption_*` …), GKE `database_encryption.state` "ENCRYPTED" → "DECRYPTED", or a bucket encryption configuration destroyed',
    check: encryptionRemoved,
  },
  {
    id: 'public-access-block-relaxed',
    level: 'high',
    finds:
      'an S3 public access block flag true → false (or created false), or the block destroyed; a Cloud Storage bucket’s `public_access_prevention` "enforced" → "inherited" (or created "inherited"), `uniform_bucket_level_access` true → false',
    check: publicAccessRelaxed,
  },
  {
    id: 'tls-downgraded',
    level: 'high',
    finds:
      'a TLS policy that allows an older TLS version (`ssl_policy`, `minimum_protocol_version`, `tls_security_policy` …), or a listener moved from HTTPS/TLS to HTTP/TCP',
    check: tlsDowngraded,
  },
  {
    id: 'versioning-off',
    level: 'high',
    finds:
      'S3 versioning Enabled → Suspended/Disabled; a bucket’s `versioning.enabled` (Cloud Storage) true → false',
    check: versioningOff,
  },
  {
    id: 'logging-reduced',
    level: 'high',
    finds:
      'log retention shortened (`retention_in_days`, 0 = never expire), logging switched off (`enable_logging`, `access_logs.enabled` …; a GCP subnet’s or firewall rule’s `log_config`, a bucket’s `logging` removed), or a trail, flow log, bucket logging, Config recorder, GuardDuty detector, log sink or audit log configuration destroyed',
    check: loggingReduced,
  },
];
