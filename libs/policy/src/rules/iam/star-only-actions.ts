/**
 * Actions that have no resource-level permissions: the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/) lists no resource type
 * for them, so a policy can only grant them on `"*"`. PLT-IAM-RESOURCE-SCOPE accepts `"*"` for
 * these and nothing else. Add an action here only with the reference page open; an entry ending
 * in `*` covers every action with that prefix (all of them must take only `"*"`).
 */
export const STAR_ONLY_ACTIONS: readonly string[] = [
  // ECR: the registry token is account-wide
  'ecr:GetAuthorizationToken',
  // ECS: task definitions are registered and described by family, without an ARN to scope
  'ecs:CreateCluster',
  'ecs:DeregisterTaskDefinition',
  'ecs:DescribeTaskDefinition',
  'ecs:ListClusters',
  'ecs:ListTaskDefinitionFamilies',
  'ecs:ListTaskDefinitions',
  'ecs:RegisterTaskDefinition',
  // Session Manager channels of ECS Exec and SSM-managed instances
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
  // X-Ray daemon / ADOT collector
  'xray:GetSamplingRules',
  'xray:GetSamplingStatisticSummaries',
  'xray:GetSamplingTargets',
  'xray:PutTelemetryRecords',
  'xray:PutTraceSegments',
  // CloudWatch metrics and Logs discovery
  'cloudwatch:GetMetricData',
  'cloudwatch:ListMetrics',
  'cloudwatch:PutMetricData',
  'logs:DescribeLogGroups',
  // EC2: every Describe action
  'ec2:Describe*',
  // account-level reads and identity
  'apprunner:ListServices',
  'iam:ListRoles',
  'iam:ListPolicies',
  'kms:CreateKey',
  'iam:GetAccountPasswordPolicy',
  'iam:UpdateAccountPasswordPolicy',
  'kms:ListAliases',
  'kms:ListKeys',
  's3:ListAllMyBuckets',
  'sts:GetCallerIdentity',
];

const lower = STAR_ONLY_ACTIONS.map((a) => a.toLowerCase());

/** Whether `action` (as written in a policy, any case) can only be granted on `"*"`. */
export function takesOnlyStar(action: string): boolean {
  const a = action.toLowerCase();
  return lower.some((entry) =>
    entry.endsWith('*') ? a.startsWith(entry.slice(0, -1)) : a === entry,
  );
}
