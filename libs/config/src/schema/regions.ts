/**
 * The AWS regions an environment may name, in every partition the platform supports. Kept as
 * data so an unknown region is a validation error that lists the allowed values, not a failed
 * apply.
 */
export const AWS_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'cn-north-1',
  'cn-northwest-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-west-1',
  'us-west-2',
] as const;

export type AwsRegion = (typeof AWS_REGIONS)[number];

/**
 * The month each region opened (`YYYY-MM`). AWS documents some behaviour by opening date: ELB
 * access logs in a region opened in August 2022 or later are written by the log-delivery service
 * principal, in older regions by a per-region ELB account. A region added to the list above must
 * be added here (the type checker insists).
 */
export const AWS_REGION_OPENED: Readonly<Record<AwsRegion, string>> = {
  'af-south-1': '2020-04',
  'ap-east-1': '2019-04',
  'ap-northeast-1': '2011-03',
  'ap-northeast-2': '2016-01',
  'ap-northeast-3': '2021-03',
  'ap-south-1': '2016-06',
  'ap-south-2': '2022-11',
  'ap-southeast-1': '2010-04',
  'ap-southeast-2': '2012-11',
  'ap-southeast-3': '2021-12',
  'ap-southeast-4': '2023-01',
  'ap-southeast-5': '2024-08',
  'ap-southeast-7': '2025-01',
  'ca-central-1': '2016-12',
  'ca-west-1': '2023-12',
  'cn-north-1': '2013-12',
  'cn-northwest-1': '2017-12',
  'eu-central-1': '2014-10',
  'eu-central-2': '2022-11',
  'eu-north-1': '2018-12',
  'eu-south-1': '2020-04',
  'eu-south-2': '2022-11',
  'eu-west-1': '2007-12',
  'eu-west-2': '2016-12',
  'eu-west-3': '2017-12',
  'il-central-1': '2023-08',
  'me-central-1': '2022-08',
  'me-south-1': '2019-07',
  'mx-central-1': '2025-01',
  'sa-east-1': '2011-12',
  'us-east-1': '2006-08',
  'us-east-2': '2016-10',
  'us-gov-east-1': '2018-11',
  'us-gov-west-1': '2011-08',
  'us-west-1': '2009-12',
  'us-west-2': '2011-11',
};

/** The AWS partitions: commercial, China, GovCloud (US). */
export const AWS_PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;

export type AwsPartitionName = (typeof AWS_PARTITIONS)[number];

/** What a region's partition decides: the ARN prefix and the DNS suffix of service endpoints. */
export interface AwsPartition {
  /** The partition of ARNs: `arn:<partition>:…` (aws, aws-cn, aws-us-gov). */
  readonly partition: AwsPartitionName;
  /** The DNS suffix of the partition's endpoints: amazonaws.com, or amazonaws.com.cn in China. */
  readonly dnsSuffix: string;
}

const PARTITIONS: Readonly<Record<AwsPartitionName, AwsPartition>> = {
  aws: { partition: 'aws', dnsSuffix: 'amazonaws.com' },
  'aws-cn': { partition: 'aws-cn', dnsSuffix: 'amazonaws.com.cn' },
  'aws-us-gov': { partition: 'aws-us-gov', dnsSuffix: 'amazonaws.com' },
};

/**
 * The partition of a region, by the rule AWS's SDKs use (their `partitions.json` region regexes):
 * `cn-*` is China, `us-gov-*` is GovCloud (US), every other region is commercial. The one place
 * the workspace derives a partition or a DNS suffix.
 */
export function awsPartition(region: string): AwsPartition {
  if (/^cn-[a-z]+-\d+$/.test(region)) return PARTITIONS['aws-cn'];
  if (/^us-gov-[a-z]+-\d+$/.test(region)) return PARTITIONS['aws-us-gov'];
  return PARTITIONS.aws;
}
