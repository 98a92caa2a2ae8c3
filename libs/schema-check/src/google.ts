// The google provider as this workspace uses it: the types its GCP libraries need in the
// committed schema, whatever the scan of their imports finds.

/** The google provider's source address. */
export const GOOGLE_PROVIDER = 'registry.terraform.io/hashicorp/google';
/** The cdktf binding of the google provider. */
export const GOOGLE_BINDING = '@cdktf/provider-google';

/**
 * Resource types the committed schema always holds, whether or not a library imports them yet
 * (the GCP families are written in parallel): networks, buckets, KMS, workload identity, IAM,
 * registries, GKE and the delivery services.
 */
export const GOOGLE_BASELINE_RESOURCES: readonly string[] = [
  'google_artifact_registry_repository',
  'google_artifact_registry_repository_iam_member',
  'google_cloudbuild_trigger',
  'google_cloudbuildv2_connection',
  'google_cloudbuildv2_repository',
  'google_clouddeploy_delivery_pipeline',
  'google_clouddeploy_delivery_pipeline_iam_member',
  'google_clouddeploy_target',
  'google_compute_firewall',
  'google_compute_network',
  'google_compute_router',
  'google_compute_router_nat',
  'google_compute_subnetwork',
  'google_container_cluster',
  'google_container_node_pool',
  'google_iam_workload_identity_pool',
  'google_iam_workload_identity_pool_provider',
  'google_kms_crypto_key',
  'google_kms_crypto_key_iam_member',
  'google_kms_key_ring',
  'google_kms_key_ring_iam_member',
  'google_project_iam_custom_role',
  'google_project_iam_member',
  'google_project_service',
  'google_secret_manager_secret_iam_member',
  'google_service_account',
  'google_service_account_iam_member',
  'google_storage_bucket',
  'google_storage_bucket_iam_member',
];

/** Where the GCP code lives that the scan reads, relative to the workspace root. */
export const GOOGLE_SCAN_ROOTS: readonly string[] = ['libs', 'apps'];
