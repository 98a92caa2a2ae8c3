import { fromDetails } from '../../results';
import type { Rule } from '../../types';

const SETTINGS = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets',
] as const;

export const s3AccountPublicAccessBlock: Rule = {
  id: 'PLT-S3-ACCOUNT-PUBLIC-ACCESS-BLOCK',
  message: 'The account-level S3 public access block leaves a setting off.',
  fix: `set ${SETTINGS.join(', ')} = true on aws_s3_account_public_access_block`,
  explanation:
    'The account-level block also covers buckets created outside terraform (by hand, by a tool): one setting left off lets a public ACL or policy through.',
  level: 'error',
  appliesTo: ['aws_s3_account_public_access_block'],
  evaluate: (block) =>
    fromDetails(
      SETTINGS.filter((name) => block.config[name] !== true).map((name) => `${name} is not true`),
    ),
};
