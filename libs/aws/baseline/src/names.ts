import { arn, type AwsEnvironmentWith, resourceName, s3Arn } from '@platform/config';

/**
 * Names and ARNs of the baseline's resources, computed from config (no lookup at plan time),
 * so key and bucket policies can name the trail before it exists.
 */
export interface BaselineNames {
  /** The CloudTrail trail's name, e.g. prod-audit. */
  readonly trailName: string;
  /** The trail's ARN, as CloudTrail reports it in aws:SourceArn. */
  readonly trailArn: string;
  /** The audit bucket's name, e.g. prod-audit-logs-333333333333 (global: the account id keeps it unique). */
  readonly auditBucketName: string;
  /** The audit bucket's ARN. */
  readonly auditBucketArn: string;
  /** The CloudWatch log group CloudTrail delivers to, e.g. /platform/prod/cloudtrail. */
  readonly trailLogGroupName: string;
  /** The log group's ARN (without the `:*` suffix). */
  readonly trailLogGroupArn: string;
  /** The CloudWatch metric namespace of the CIS metric filters. */
  readonly metricNamespace: string;
}

/** The baseline's names for one environment. */
export function baselineNames(
  env: Pick<AwsEnvironmentWith<'baseline'>, 'name' | 'aws'>,
): BaselineNames {
  const trailName = resourceName(env, 'audit');
  const auditBucketName = resourceName(env, 'audit-logs', env.aws.accountId);
  const trailLogGroupName = `/platform/${env.name}/cloudtrail`;
  return {
    trailName,
    trailArn: arn(env.aws, { service: 'cloudtrail', resource: `trail/${trailName}` }),
    auditBucketName,
    auditBucketArn: s3Arn(env.aws, auditBucketName),
    trailLogGroupName,
    trailLogGroupArn: arn(env.aws, { service: 'logs', resource: `log-group:${trailLogGroupName}` }),
    metricNamespace: `Platform/${env.name}/CISBenchmark`,
  };
}
