import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks, bucketCompanions } from '../helpers';

export const s3OwnerEnforced: Rule = {
  id: 'PLT-S3-OWNER-ENFORCED',
  checkov: 'CKV2_AWS_65',
  message: 'S3 bucket still honours ACLs.',
  fix: 'add an aws_s3_bucket_ownership_controls with object_ownership "BucketOwnerEnforced"',
  explanation:
    'With ACLs disabled, access is decided by policies alone and every object belongs to the bucket owner.',
  level: 'error',
  appliesTo: ['aws_s3_bucket'],
  evaluate: (bucket, stack) => {
    const enforced = bucketCompanions(stack, 'aws_s3_bucket_ownership_controls', bucket).some((c) =>
      blocks(c.config['rule']).some((r) => r['object_ownership'] === 'BucketOwnerEnforced'),
    );
    return fromDetails(
      enforced ? [] : ['no ownership controls with BucketOwnerEnforced reference it'],
    );
  },
};
