import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks, bucketCompanions } from '../helpers';

export const s3Versioning: Rule = {
  id: 'PLT-S3-VERSIONING',
  checkov: 'CKV_AWS_21',
  trivy: 'AVD-AWS-0090',
  message: 'S3 bucket has no versioning.',
  fix: 'add an aws_s3_bucket_versioning with status "Enabled" for the bucket',
  explanation:
    'Versioning keeps every overwritten or deleted object recoverable: a bad apply or a ransomware delete is undone by restoring a version.',
  level: 'error',
  appliesTo: ['aws_s3_bucket'],
  evaluate: (bucket, stack) => {
    const enabled = bucketCompanions(stack, 'aws_s3_bucket_versioning', bucket).some((v) =>
      blocks(v.config['versioning_configuration']).some((c) => c['status'] === 'Enabled'),
    );
    return fromDetails(
      enabled ? [] : ['no aws_s3_bucket_versioning with status "Enabled" references it'],
    );
  },
};
