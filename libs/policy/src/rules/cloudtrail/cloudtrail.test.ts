import { checkStack } from '../../engine';
import { cloudtrailCloudwatch } from './cloudwatch';
import { cloudtrailKms } from './kms';
import { cloudtrailLogValidation } from './log-validation';
import { cloudtrailMultiRegion } from './multi-region';

/** A copy of `object` without `keys`: the fixture with one setting left out. */
const without = (object: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

const compliantTrail = {
  name: 'prod-audit',
  s3_bucket_name: '${aws_s3_bucket.audit.id}',
  kms_key_id: '${aws_kms_key.audit.arn}',
  is_multi_region_trail: true,
  include_global_service_events: true,
  enable_log_file_validation: true,
  cloud_watch_logs_group_arn: '${aws_cloudwatch_log_group.trail.arn}:*',
  cloud_watch_logs_role_arn: '${aws_iam_role.trail.arn}',
};
const stackWith = (trail: Record<string, unknown>) => ({ resource: { aws_cloudtrail: { trail } } });
const details = (rule: Parameters<typeof checkStack>[1][number], trail: Record<string, unknown>) =>
  checkStack(stackWith(trail), [rule]).findings.flatMap((f) => f.details);

describe('CloudTrail rules', () => {
  it('a multi-region trail with validation, our key and CloudWatch delivery passes every rule', () => {
    const report = checkStack(stackWith(compliantTrail), [
      cloudtrailLogValidation,
      cloudtrailKms,
      cloudtrailMultiRegion,
      cloudtrailCloudwatch,
    ]);
    expect(report.findings).toEqual([]);
  });

  it('PLT-CLOUDTRAIL-LOG-VALIDATION flags a trail without log-file validation', () => {
    expect(
      details(cloudtrailLogValidation, without(compliantTrail, 'enable_log_file_validation')),
    ).toEqual(['enable_log_file_validation is not true']);
  });

  it('PLT-CLOUDTRAIL-KMS flags a trail encrypted only with S3-managed keys', () => {
    expect(details(cloudtrailKms, without(compliantTrail, 'kms_key_id'))).toEqual([
      'kms_key_id is not set',
    ]);
  });

  it('PLT-CLOUDTRAIL-MULTI-REGION flags a single-region trail and one without global services', () => {
    expect(
      details(cloudtrailMultiRegion, {
        ...compliantTrail,
        is_multi_region_trail: false,
        include_global_service_events: false,
      }),
    ).toEqual(['is_multi_region_trail is not true', 'include_global_service_events is false']);
  });

  it('PLT-CLOUDTRAIL-CLOUDWATCH flags a trail that does not reach CloudWatch Logs', () => {
    expect(
      details(
        cloudtrailCloudwatch,
        without(compliantTrail, 'cloud_watch_logs_group_arn', 'cloud_watch_logs_role_arn'),
      ),
    ).toEqual(['cloud_watch_logs_group_arn is not set', 'cloud_watch_logs_role_arn is not set']);
  });
});
