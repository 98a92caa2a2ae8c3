import type { RiskInput, RiskRule } from './types';
import { at } from './values';

/** Resource types that hold data or that much else sits on, with what they are in words. */
export const STATEFUL_TYPES: Readonly<Record<string, string>> = {
  aws_db_instance: 'a database',
  aws_rds_cluster: 'a database cluster',
  aws_rds_cluster_instance: 'a database instance',
  aws_docdb_cluster: 'a database cluster',
  aws_neptune_cluster: 'a database cluster',
  aws_redshift_cluster: 'a data warehouse',
  aws_dynamodb_table: 'a table',
  aws_elasticache_cluster: 'a cache cluster',
  aws_elasticache_replication_group: 'a cache cluster',
  aws_opensearch_domain: 'a search domain',
  aws_s3_bucket: 'a bucket',
  aws_kms_key: 'a KMS key (data encrypted with it becomes unreadable)',
  aws_efs_file_system: 'a file system',
  aws_fsx_lustre_file_system: 'a file system',
  aws_ebs_volume: 'a volume',
  aws_ecr_repository: 'an image registry',
  aws_cloudwatch_log_group: 'a log group (its logs go with it)',
  aws_secretsmanager_secret: 'a secret',
  aws_backup_vault: 'a backup vault',
  aws_eks_cluster: 'a cluster',
  aws_ecs_cluster: 'a cluster',
  aws_msk_cluster: 'a streaming cluster',
  aws_sqs_queue: 'a queue (its messages go with it)',
  aws_vpc: 'a VPC (everything in it depends on it)',
  aws_subnet: 'a subnet (everything in it depends on it)',
  google_storage_bucket: 'a bucket',
  google_kms_crypto_key: 'a KMS key (data encrypted with it becomes unreadable)',
  google_kms_key_ring: 'a KMS key ring (and every key in it)',
  google_sql_database_instance: 'a database',
  google_bigquery_dataset: 'a dataset',
  google_filestore_instance: 'a file system',
  google_compute_disk: 'a disk',
  google_artifact_registry_repository: 'an image registry',
  google_secret_manager_secret: 'a secret',
  google_container_cluster: 'a cluster',
  google_compute_network: 'a VPC network (everything in it depends on it)',
  google_compute_subnetwork: 'a subnet (everything in it depends on it)',
};

/** Attributes that protect a resource from deletion when true. */
const PROTECTION_ATTRIBUTES = [
  'deletion_protection',
  'deletion_protection_enabled',
  'enable_deletion_protection',
  'termination_protection',
  'disable_api_termination',
];

function statefulDestroyed(change: RiskInput): string[] {
  const what = STATEFUL_TYPES[change.type];
  if (!what) return [];
  if (change.kind === 'delete') return [`${what} is destroyed`];
  if (change.kind === 'replace') return [`${what} is replaced: destroyed and created anew, empty`];
  return [];
}

/**
 * Attributes that let a destroy take the contents with it when true: a bucket's objects
 * (`force_destroy`), a container registry's images (`aws_ecr_repository.force_delete`).
 */
const FORCE_ATTRIBUTES = ['force_destroy', 'force_delete'];

function protectionOff(change: RiskInput): string[] {
  if (change.kind !== 'update' && change.kind !== 'replace') return [];
  return [
    ...PROTECTION_ATTRIBUTES.filter(
      (key) => at(change.before, key) === true && at(change.after, key) === false,
    ).map((key) => `deletion protection switched off (\`${key}\` true → false)`),
    ...FORCE_ATTRIBUTES.filter(
      (key) => at(change.before, key) === false && at(change.after, key) === true,
    ).map(
      (key) =>
        `deletion protection switched off (\`${key}\` false → true: a destroy takes the contents)`,
    ),
  ];
}

/** Rules about losing data: stateful resources destroyed or replaced, protection switched off. */
export const STATEFUL_RULES: readonly RiskRule[] = [
  {
    id: 'stateful-destroyed',
    level: 'high',
    finds: `a resource that holds data, or that much else sits on, is destroyed or replaced (${Object.keys(STATEFUL_TYPES).length} AWS and GCP types: databases, buckets, KMS keys and key rings, file systems, volumes, registries, log groups, clusters, queues, secrets, datasets, networks, subnets)`,
    check: statefulDestroyed,
  },
  {
    id: 'deletion-protection-off',
    level: 'high',
    finds: `deletion protection switched off: ${PROTECTION_ATTRIBUTES.map((a) => `\`${a}\``).join(', ')} true → false; ${FORCE_ATTRIBUTES.map((a) => `\`${a}\``).join(', ')} false → true`,
    check: protectionOff,
  },
];
