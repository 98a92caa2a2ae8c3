import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const gcsVersioning: Rule = {
  id: 'PLT-GCS-VERSIONING',
  checkov: 'CKV_GCP_78',
  trivy: 'AVD-GCP-0078',
  message: 'Cloud Storage bucket has no object versioning.',
  fix: 'set versioning { enabled = true } (and a lifecycle_rule that deletes old noncurrent versions)',
  explanation:
    'Versioning keeps overwritten and deleted objects recoverable: a bad apply or a malicious delete is undone by restoring a version.',
  level: 'error',
  appliesTo: ['google_storage_bucket'],
  evaluate: (bucket) =>
    fromDetails(
      blocks(bucket.config['versioning'])[0]?.['enabled'] === true
        ? []
        : ['versioning.enabled is not true'],
    ),
};
