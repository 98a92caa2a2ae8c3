import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const gcsUniformAccess: Rule = {
  id: 'PLT-GCS-UNIFORM-ACCESS',
  checkov: 'CKV_GCP_29',
  trivy: 'AVD-GCP-0002',
  message: 'Cloud Storage bucket allows object ACLs (uniform bucket-level access is off).',
  fix: 'set uniform_bucket_level_access = true',
  explanation:
    'With uniform access only IAM decides who reads a bucket; per-object ACLs are invisible to IAM reviews and a common source of public objects.',
  level: 'error',
  appliesTo: ['google_storage_bucket'],
  evaluate: (bucket) =>
    fromDetails(
      bucket.config['uniform_bucket_level_access'] === true
        ? []
        : ['uniform_bucket_level_access is not true'],
    ),
};
