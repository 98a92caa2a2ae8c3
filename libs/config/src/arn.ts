import { awsPartition } from './schema/regions';

/**
 * ARNs, service principals and endpoint names of one partition: the only place the workspace
 * spells `arn:<partition>:` or a service's DNS name, so a China or GovCloud environment gets its
 * own partition (`aws-cn`, `aws-us-gov`) and DNS suffix (`amazonaws.com.cn`) everywhere.
 */

/** Where ARNs are built: the region decides the partition; the account is the default owner. */
export interface ArnScope {
  /** The environment's region, e.g. eu-west-1 (cn-north-1 → aws-cn, us-gov-west-1 → aws-us-gov). */
  readonly region: string;
  /** The account that owns the resources unless an ARN names another. */
  readonly accountId: string;
}

/** The parts of an ARN after its partition. */
export interface ArnParts {
  /** Service namespace, e.g. ecr, logs, iam. */
  readonly service: string;
  /** Resource part, e.g. `repository/web`, `log-group:/platform/dev/*`. */
  readonly resource: string;
  /**
   * Region of the resource.
   * @default the scope's region; pass '' for global resources (IAM, S3, AWS-managed policies)
   */
  readonly region?: string;
  /**
   * Account of the resource.
   * @default the scope's account; pass '' where ARNs have none (S3, Security Hub standards) or 'aws' for AWS-owned ones
   */
  readonly account?: string;
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>`, the partition from the scope's region. */
export function arn(scope: ArnScope, parts: ArnParts): string {
  const { partition } = awsPartition(scope.region);
  const region = parts.region ?? scope.region;
  const account = parts.account ?? scope.accountId;
  return `arn:${partition}:${parts.service}:${region}:${account}:${parts.resource}`;
}

/** An IAM ARN (global): `arn:<partition>:iam::<account>:<resource>`. */
export function iamArn(scope: ArnScope, resource: string, accountId = scope.accountId): string {
  return arn(scope, { service: 'iam', region: '', account: accountId, resource });
}

/** An account as a principal: `arn:<partition>:iam::<account>:root`. */
export function accountRootArn(scope: ArnScope, accountId = scope.accountId): string {
  return iamArn(scope, 'root', accountId);
}

/** A role by name, in the scope's account or another one. */
export function iamRoleArn(scope: ArnScope, name: string, accountId = scope.accountId): string {
  return iamArn(scope, `role/${name}`, accountId);
}

/** An AWS-managed policy: `arn:<partition>:iam::aws:policy/<name>`. */
export function awsManagedPolicyArn(scope: Pick<ArnScope, 'region'>, name: string): string {
  return arn(
    { region: scope.region, accountId: '' },
    {
      service: 'iam',
      region: '',
      account: 'aws',
      resource: `policy/${name}`,
    },
  );
}

/** An S3 bucket or object: `arn:<partition>:s3:::<bucket>[/<key>]`. */
export function s3Arn(scope: Pick<ArnScope, 'region'>, bucketAndKey: string): string {
  return arn(
    { region: scope.region, accountId: '' },
    {
      service: 's3',
      region: '',
      account: '',
      resource: bucketAndKey,
    },
  );
}

/** The DNS suffix of the region's partition: amazonaws.com, or amazonaws.com.cn in China. */
export function awsDnsSuffix(region: string): string {
  return awsPartition(region).dnsSuffix;
}

/**
 * Services whose principal carries the region (and the partition's DNS suffix): CloudWatch Logs
 * as a KMS key user. Everything else uses the partition-wide name (aws-cdk's region-info keeps the
 * same exceptions).
 */
const REGIONAL_PRINCIPALS: ReadonlySet<string> = new Set(['logs']);
/** Services whose principal carries the partition's DNS suffix (China's `ec2.amazonaws.com.cn`). */
const PARTITIONAL_PRINCIPALS: ReadonlySet<string> = new Set(['ec2']);

/**
 * The service principal of an AWS service in a region's partition, from the service's name
 * (`ecs-tasks`, `codebuild`, `logdelivery.elasticloadbalancing`, …): `<service>.amazonaws.com`,
 * `logs.<region>.<dnsSuffix>` for CloudWatch Logs, `ec2.<dnsSuffix>` for EC2.
 */
export function servicePrincipal(region: string, service: string): string {
  const { dnsSuffix } = awsPartition(region);
  if (REGIONAL_PRINCIPALS.has(service)) return `${service}.${region}.${dnsSuffix}`;
  if (PARTITIONAL_PRINCIPALS.has(service)) return `${service}.${dnsSuffix}`;
  return `${service}.amazonaws.com`;
}

/**
 * The service name of a VPC endpoint: `com.amazonaws.<region>.<service>`, in China
 * `cn.com.amazonaws.<region>.<service>`.
 */
export function vpcEndpointServiceName(region: string, service: string): string {
  const prefix = awsPartition(region).partition === 'aws-cn' ? 'cn.com.amazonaws' : 'com.amazonaws';
  return `${prefix}.${region}.${service}`;
}

/** The API host of a regional service endpoint: `<service>.<region>.<dnsSuffix>`. */
export function serviceEndpoint(region: string, service: string): string {
  return `${service}.${region}.${awsDnsSuffix(region)}`;
}
