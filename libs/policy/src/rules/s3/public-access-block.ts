import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { bucketCompanions } from '../helpers';

const FLAGS = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets',
];

export const s3PublicAccessBlock: Rule = {
  id: 'PLT-S3-PUBLIC-ACCESS-BLOCK',
  checkov: 'CKV2_AWS_6',
  trivy: 'AVD-AWS-0094',
  message: 'S3 bucket does not block public access.',
  fix: 'add an aws_s3_bucket_public_access_block with all four flags true',
  explanation:
    'The public access block overrides any ACL or policy that would make objects public by mistake.',
  level: 'error',
  appliesTo: ['aws_s3_bucket'],
  evaluate: (bucket, stack) => {
    const blocks = bucketCompanions(stack, 'aws_s3_bucket_public_access_block', bucket);
    if (blocks.length === 0)
      return fromDetails(['no aws_s3_bucket_public_access_block references it']);
    const missing = FLAGS.filter((flag) => !blocks.some((b) => b.config[flag] === true));
    return fromDetails(missing.map((flag) => `${flag} is not true`));
  },
};
