import { checkStack } from '../../engine';
import { s3AccountPublicAccessBlock } from './account-public-access-block';

const check = (block: Record<string, unknown>) =>
  checkStack({ resource: { aws_s3_account_public_access_block: { block } } }, [
    s3AccountPublicAccessBlock,
  ]).findings.flatMap((f) => f.details);

describe('PLT-S3-ACCOUNT-PUBLIC-ACCESS-BLOCK', () => {
  it('passes an account block with every setting on', () => {
    expect(
      check({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      }),
    ).toEqual([]);
  });

  it('flags every setting left off or unset (the provider default is off)', () => {
    expect(check({ block_public_acls: true, block_public_policy: false })).toEqual([
      'block_public_policy is not true',
      'ignore_public_acls is not true',
      'restrict_public_buckets is not true',
    ]);
  });
});
