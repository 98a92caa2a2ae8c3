import { z } from 'zod';
import { logRetentionDays } from './retention';

/** CIS AWS Foundations Benchmark versions Security Hub offers as region-scoped standards. */
export const CIS_STANDARD_VERSIONS = ['1.4.0', '3.0.0'] as const;

/** How often AWS Config records changes: every change, or a daily snapshot (cheaper). */
export const CONFIG_RECORDING_FREQUENCIES = ['CONTINUOUS', 'DAILY'] as const;

/** How often GuardDuty publishes updates of existing findings. */
export const GUARDDUTY_PUBLISHING_FREQUENCIES = [
  'FIFTEEN_MINUTES',
  'ONE_HOUR',
  'SIX_HOURS',
] as const;

const days = (what: string) =>
  z.number().int().min(1, `${what} must be a whole number of days, 1 or more`);

const auditSchema = z.strictObject({
  /** Days audit log files (CloudTrail and Config) are kept in the audit bucket before they expire. */
  retentionDays: days('retentionDays'),
  /** Days after which log files move to S3 Standard-IA (30 or more: S3's own minimum). */
  infrequentAccessAfterDays: z
    .number()
    .int()
    .min(30, 'S3 moves objects to Standard-IA after 30 days at the earliest'),
  /** Days after which log files move to S3 Glacier Flexible Retrieval. */
  glacierAfterDays: days('glacierAfterDays'),
  /** Days CloudTrail events are kept in the CloudWatch log group the CIS alarms read. */
  logGroupRetentionDays: logRetentionDays,
  /** Days every new audit log version is locked (S3 Object Lock, governance mode). */
  objectLockRetentionDays: z
    .number()
    .int()
    .min(1, 'Object Lock retention is 1 day or more')
    .max(36500)
    .meta({
      description:
        'Days each new audit log object version is protected by S3 Object Lock in governance mode: nobody without s3:BypassGovernanceRetention (denied to the deploy role) can delete or overwrite it. At most retentionDays.',
    }),
});

const guardDutySchema = z.strictObject({
  /** How often GuardDuty publishes updates of existing findings. */
  findingPublishingFrequency: z.enum(GUARDDUTY_PUBLISHING_FREQUENCIES),
  /** Analyse S3 data events (object-level API calls) for threats. */
  s3Protection: z.boolean(),
  /** Analyse EKS control-plane audit logs. */
  eksAuditLogs: z.boolean(),
  /** Scan EBS volumes of EC2 instances and containers with suspicious findings for malware. */
  ebsMalwareProtection: z.boolean(),
  /** Analyse RDS and Aurora login activity. */
  rdsLoginEvents: z.boolean(),
  /** Analyse network activity of Lambda functions. */
  lambdaNetworkLogs: z.boolean(),
  /** Runtime monitoring with the GuardDuty agent on EKS, ECS Fargate and EC2 (agent managed by GuardDuty). */
  runtimeMonitoring: z.boolean(),
});

const findingsSchema = z.strictObject({
  /** GuardDuty findings of this severity or more (1-10; 7 = High) go to the alerting topic. */
  guardDutyMinimumSeverity: z
    .number()
    .min(1, 'GuardDuty severities run from 1 to 10')
    .max(10, 'GuardDuty severities run from 1 to 10'),
  /** Security Hub findings with one of these severity labels go to the alerting topic. */
  securityHubSeverities: z
    .array(z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']))
    .min(1, 'name at least one severity label, e.g. [HIGH, CRITICAL]'),
  /** Version of the CIS AWS Foundations Benchmark standard enabled in Security Hub. */
  cisStandardVersion: z.enum(CIS_STANDARD_VERSIONS),
});

const complianceSchema = z.strictObject({
  /** How often AWS Config records configuration changes. */
  recordingFrequency: z.enum(CONFIG_RECORDING_FREQUENCIES),
  /** How often AWS Config delivers a configuration snapshot to the audit bucket. */
  snapshotFrequency: z.enum([
    'One_Hour',
    'Three_Hours',
    'Six_Hours',
    'Twelve_Hours',
    'TwentyFour_Hours',
  ]),
});

const passwordPolicySchema = z.strictObject({
  /** Minimum length of IAM user passwords (CIS asks for 14 or more). */
  minimumLength: z
    .number()
    .int()
    .min(14, 'CIS asks for passwords of 14 characters or more')
    .max(128),
  /** Days after which an IAM user password must be changed (1-1095). */
  maxAgeDays: z.number().int().min(1).max(1095),
  /** Number of previous passwords a user may not reuse (CIS asks for 24). */
  reusePrevention: z.number().int().min(1).max(24),
});

const budgetSchema = z.strictObject({
  /** Short name, unique in the environment: the budget is named <env>-<name>. */
  name: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{0,40}$/,
      'must be lowercase letters, digits and hyphens, starting with a letter',
    ),
  /** Monthly cost limit in US dollars; alerts fire at 80 % and 100 % of it. */
  monthlyLimitUsd: z.number().positive('must be more than 0 US dollars'),
  /**
   * Only count the cost of these services (Cost Explorer names, e.g. "Amazon Elastic Compute Cloud - Compute").
   * @default every service of the account
   */
  services: z.array(z.string().min(1)).min(1).optional(),
});

const serviceLinkedRolesSchema = z.strictObject({
  /**
   * Create AWS Config's service-linked role (AWSServiceRoleForConfig), which the recorder uses.
   * false when the account already has it (enabled Config before, from the console or another tool).
   */
  createConfigRole: z.boolean(),
  /**
   * Create EC2 Auto Scaling's service-linked role (AWSServiceRoleForAutoScaling), which the EBS
   * default key's policy names. false when the account already has it (an Auto Scaling group existed).
   */
  createAutoScalingRole: z.boolean(),
});

export const baselineSchema = z.strictObject({
  /** CloudTrail and Config logs: where they go, how long they stay. */
  audit: auditSchema,
  /** GuardDuty protection features. */
  guardDuty: guardDutySchema,
  /** Which security findings reach the alerting topic; Security Hub standards. */
  findings: findingsSchema,
  /** AWS Config recording. */
  compliance: complianceSchema,
  /** The account's IAM password policy. */
  passwordPolicy: passwordPolicySchema,
  /** Service-linked roles the baseline relies on: create them, or use the account's existing ones. */
  serviceLinkedRoles: serviceLinkedRolesSchema,
  /** Monthly cost budgets with alerts to the alerting topic: at least the whole-account one. */
  budgets: z.array(budgetSchema).min(1, 'declare at least one budget (the whole account)'),
});

export type BaselineConfig = z.infer<typeof baselineSchema>;
