import { matchesGlob, withoutInstanceKeys } from './glob';

describe('globs', () => {
  it.each([
    ['aws_s3_bucket', 'aws_s3_bucket', true],
    ['aws_s3_bucket', 'aws_s3_bucket_policy', false],
    ['aws_s3_*', 'aws_s3_bucket_policy', true],
    ['module.x.aws_s3_bucket.*', 'module.x.aws_s3_bucket.logs["a.b"]', true],
    ['module.x.aws_s3_bucket.*', 'module.y.aws_s3_bucket.logs', false],
    ['aws_vpc.ma?n', 'aws_vpc.main', true],
    ['aws_vpc.main', 'aws_vpc.main[0]', false],
    ['a(b)+[c]', 'a(b)+[c]', true],
  ])('%s matches %s: %s', (glob, text, expected) => {
    expect(matchesGlob(glob, text)).toBe(expected);
  });

  it('drops instance keys from an address', () => {
    expect(withoutInstanceKeys('module.a["x.y"].aws_s3_bucket.b[0]')).toBe(
      'module.a.aws_s3_bucket.b',
    );
  });
});

describe('globs over instance keys with any characters', () => {
  it('* spans a line break inside a string key', () => {
    expect(matchesGlob('aws_ssm_parameter.p*', 'aws_ssm_parameter.p["a\nb"]')).toBe(true);
    expect(matchesGlob('aws_ssm_parameter.p[?]', 'aws_ssm_parameter.p[\n]')).toBe(true);
  });
});
