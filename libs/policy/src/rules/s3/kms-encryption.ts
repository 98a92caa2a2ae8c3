import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks, bucketCompanions } from '../helpers';

export const s3KmsEncryption: Rule = {
  id: 'PLT-S3-KMS',
  checkov: 'CKV_AWS_145',
  trivy: 'AVD-AWS-0132',
  message: 'S3 bucket is not encrypted with a customer-managed KMS key.',
  fix: 'add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm "aws:kms" and kms_master_key_id set to our key',
  explanation:
    'A customer-managed key puts reading the data under a key policy we control and audit, and lets us revoke access by disabling the key.',
  level: 'error',
  appliesTo: ['aws_s3_bucket'],
  evaluate: (bucket, stack) => {
    const encrypted = bucketCompanions(
      stack,
      'aws_s3_bucket_server_side_encryption_configuration',
      bucket,
    ).some((c) =>
      blocks(c.config['rule']).some((rule) =>
        blocks(rule['apply_server_side_encryption_by_default']).some(
          (d) =>
            String(d['sse_algorithm']).startsWith('aws:kms') &&
            typeof d['kms_master_key_id'] === 'string' &&
            d['kms_master_key_id'] !== '',
        ),
      ),
    );
    return fromDetails(
      encrypted ? [] : ['no SSE-KMS configuration with a customer-managed key references it'],
    );
  },
};
