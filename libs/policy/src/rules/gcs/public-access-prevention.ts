import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const gcsPublicAccessPrevention: Rule = {
  id: 'PLT-GCS-PUBLIC-ACCESS-PREVENTION',
  checkov: 'CKV_GCP_114',
  message: 'Cloud Storage bucket does not enforce public access prevention.',
  fix: 'set public_access_prevention = "enforced"',
  explanation:
    'Enforced prevention refuses any grant to allUsers or allAuthenticatedUsers, so no IAM change can make the bucket public by mistake.',
  level: 'error',
  appliesTo: ['google_storage_bucket'],
  evaluate: (bucket) => {
    const value = bucket.config['public_access_prevention'];
    return fromDetails(
      value === 'enforced'
        ? []
        : [
            `public_access_prevention is ${value === undefined ? 'not set (inherited)' : JSON.stringify(value)}, not "enforced"`,
          ],
    );
  },
};
