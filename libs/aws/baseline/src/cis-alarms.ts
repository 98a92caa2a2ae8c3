/** One CIS AWS Foundations Benchmark monitoring check: a metric filter on CloudTrail events and its alarm. */
export interface CisAlarm {
  /** Short id, used in construct ids, metric and alarm names: changing it replaces the alarm. */
  readonly id: string;
  /** The CIS 1.4 control and the Security Hub control it satisfies. */
  readonly control: string;
  /** What the alarm means when it fires, and what to do. */
  readonly meaning: string;
  /** The CloudWatch Logs filter pattern over CloudTrail events. */
  readonly pattern: string;
  /**
   * Matching events in 5 minutes that fire the alarm.
   * @default 1: a single event is worth a look
   */
  readonly threshold?: number;
}

const anyEvent = (...names: string[]) => names.map((n) => `($.eventName = ${n})`).join(' || ');

/**
 * The CIS monitoring set (CIS 1.4 section 4 / Security Hub CloudWatch.1-14), in one place:
 * the stack, its tests and the README read this table.
 */
export const CIS_ALARMS: readonly CisAlarm[] = [
  {
    id: 'root-usage',
    control: 'CIS 4.3 / CloudWatch.1',
    meaning:
      'The root user made an API call or signed in. Nobody should use root: find who holds the credentials and why.',
    pattern:
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  {
    id: 'unauthorized-api-calls',
    control: 'CIS 4.1 / CloudWatch.2',
    meaning:
      'At least 10 API calls were denied in 5 minutes. A burst after a deploy is usually a missing permission; a burst from an unknown principal is reconnaissance.',
    pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
    // Single denials are routine (consoles and tools probe permissions): page on bursts only.
    threshold: 10,
  },
  {
    id: 'console-signin-without-mfa',
    control: 'CIS 4.2 / CloudWatch.3',
    meaning:
      'An IAM user signed in to the console without MFA. Enforce MFA for that user; suspect stolen credentials if unexpected.',
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    id: 'iam-policy-changes',
    control: 'CIS 4.4 / CloudWatch.4',
    meaning:
      'An IAM policy was created, changed, attached or detached. Expected during a deploy of a stack that owns IAM; otherwise find who changed what.',
    pattern: `{ ${anyEvent(
      'DeleteGroupPolicy',
      'DeleteRolePolicy',
      'DeleteUserPolicy',
      'PutGroupPolicy',
      'PutRolePolicy',
      'PutUserPolicy',
      'CreatePolicy',
      'DeletePolicy',
      'CreatePolicyVersion',
      'DeletePolicyVersion',
      'AttachRolePolicy',
      'DetachRolePolicy',
      'AttachUserPolicy',
      'DetachUserPolicy',
      'AttachGroupPolicy',
      'DetachGroupPolicy',
    )} }`,
  },
  {
    id: 'cloudtrail-changes',
    control: 'CIS 4.5 / CloudWatch.5',
    meaning:
      'A trail was created, changed, deleted, started or stopped. Outside a baseline deploy this may be someone covering their tracks.',
    pattern: `{ ${anyEvent('CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging')} }`,
  },
  {
    id: 'console-auth-failures',
    control: 'CIS 4.6 / CloudWatch.6',
    meaning:
      'Console sign-in failed. Several in a row suggest password guessing against an IAM user.',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  },
  {
    id: 'kms-key-disabled-or-deleted',
    control: 'CIS 4.7 / CloudWatch.7',
    meaning:
      'A customer-managed KMS key was disabled or scheduled for deletion: the data it protects becomes unreadable. Cancel the deletion if unexpected.',
    pattern: `{ ($.eventSource = kms.amazonaws.com) && (${anyEvent('DisableKey', 'ScheduleKeyDeletion')}) }`,
  },
  {
    id: 's3-bucket-policy-changes',
    control: 'CIS 4.8 / CloudWatch.8',
    meaning:
      'A bucket policy, ACL, CORS, lifecycle or replication setting changed. Check the bucket did not become readable from outside.',
    pattern: `{ ($.eventSource = s3.amazonaws.com) && (${anyEvent(
      'PutBucketAcl',
      'PutBucketPolicy',
      'PutBucketCors',
      'PutBucketLifecycle',
      'PutBucketReplication',
      'DeleteBucketPolicy',
      'DeleteBucketCors',
      'DeleteBucketLifecycle',
      'DeleteBucketReplication',
    )}) }`,
  },
  {
    id: 'config-changes',
    control: 'CIS 4.9 / CloudWatch.9',
    meaning:
      'AWS Config recording or delivery was stopped or changed: compliance history may have a gap.',
    pattern: `{ ($.eventSource = config.amazonaws.com) && (${anyEvent(
      'StopConfigurationRecorder',
      'DeleteDeliveryChannel',
      'PutDeliveryChannel',
      'PutConfigurationRecorder',
    )}) }`,
  },
  {
    id: 'security-group-changes',
    control: 'CIS 4.10 / CloudWatch.10',
    meaning:
      'A security group or one of its rules changed. Expected during network or service deploys; otherwise check for new ingress.',
    pattern: `{ ${anyEvent(
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress',
      'CreateSecurityGroup',
      'DeleteSecurityGroup',
    )} }`,
  },
  {
    id: 'nacl-changes',
    control: 'CIS 4.11 / CloudWatch.11',
    meaning:
      'A network ACL or one of its entries changed. The platform does not manage NACLs: treat any change as manual.',
    pattern: `{ ${anyEvent(
      'CreateNetworkAcl',
      'CreateNetworkAclEntry',
      'DeleteNetworkAcl',
      'DeleteNetworkAclEntry',
      'ReplaceNetworkAclEntry',
      'ReplaceNetworkAclAssociation',
    )} }`,
  },
  {
    id: 'network-gateway-changes',
    control: 'CIS 4.12 / CloudWatch.12',
    meaning:
      "An internet or customer gateway was created, attached, detached or deleted: the VPC's paths to the outside changed.",
    pattern: `{ ${anyEvent(
      'CreateCustomerGateway',
      'DeleteCustomerGateway',
      'AttachInternetGateway',
      'CreateInternetGateway',
      'DeleteInternetGateway',
      'DetachInternetGateway',
    )} }`,
  },
  {
    id: 'route-table-changes',
    control: 'CIS 4.13 / CloudWatch.13',
    meaning: 'A route or route table changed. Outside a network deploy, traffic may be diverted.',
    pattern: `{ ($.eventSource = ec2.amazonaws.com) && (${anyEvent(
      'CreateRoute',
      'CreateRouteTable',
      'ReplaceRoute',
      'ReplaceRouteTableAssociation',
      'DeleteRouteTable',
      'DeleteRoute',
      'DisassociateRouteTable',
    )}) }`,
  },
  {
    id: 'vpc-changes',
    control: 'CIS 4.14 / CloudWatch.14',
    meaning:
      'A VPC, its attributes or a peering connection changed. Outside a network deploy, check for unexpected peering.',
    pattern: `{ ${anyEvent(
      'CreateVpc',
      'DeleteVpc',
      'ModifyVpcAttribute',
      'AcceptVpcPeeringConnection',
      'CreateVpcPeeringConnection',
      'DeleteVpcPeeringConnection',
      'RejectVpcPeeringConnection',
      'AttachClassicLinkVpc',
      'DetachClassicLinkVpc',
      'DisableVpcClassicLink',
      'EnableVpcClassicLink',
    )} }`,
  },
];
