import { familyToggle } from './toggle';
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
  retentionDays: days('retentionDays').meta({
    description:
      'Days audit log files (CloudTrail and Config) are kept in the audit bucket before they expire.',
  }),
  infrequentAccessAfterDays: z
    .number()
    .int()
    .min(30, 'S3 moves objects to Standard-IA after 30 days at the earliest')
    .meta({
      description:
        "Days after which log files move to S3 Standard-IA (30 or more: S3's own minimum).",
    }),
  glacierAfterDays: days('glacierAfterDays').meta({
    description: 'Days after which log files move to S3 Glacier Flexible Retrieval.',
  }),
  logGroupRetentionDays: logRetentionDays.meta({
    description: 'Days CloudTrail events are kept in the CloudWatch log group the CIS alarms read.',
  }),
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
  findingPublishingFrequency: z
    .enum(GUARDDUTY_PUBLISHING_FREQUENCIES)
    .meta({ description: 'How often GuardDuty publishes updates of existing findings.' }),
  s3Protection: z
    .boolean()
    .meta({ description: 'Analyse S3 data events (object-level API calls) for threats.' }),
  eksAuditLogs: z.boolean().meta({ description: 'Analyse EKS control-plane audit logs.' }),
  ebsMalwareProtection: z.boolean().meta({
    description:
      'Scan EBS volumes of EC2 instances and containers with suspicious findings for malware.',
  }),
  rdsLoginEvents: z.boolean().meta({ description: 'Analyse RDS and Aurora login activity.' }),
  lambdaNetworkLogs: z
    .boolean()
    .meta({ description: 'Analyse network activity of Lambda functions.' }),
  runtimeMonitoring: z.boolean().meta({
    description:
      'Runtime monitoring with the GuardDuty agent on EKS, ECS Fargate and EC2 (agent managed by GuardDuty).',
  }),
});

const findingsSchema = z.strictObject({
  guardDutyMinimumSeverity: z
    .number()
    .min(1, 'GuardDuty severities run from 1 to 10')
    .max(10, 'GuardDuty severities run from 1 to 10')
    .meta({
      description:
        'GuardDuty findings of this severity or more (1-10; 7 = High) go to the alerting topic.',
    }),
  securityHubSeverities: z
    .array(z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']))
    .min(1, 'name at least one severity label, e.g. [HIGH, CRITICAL]')
    .meta({
      description:
        'Security Hub findings with one of these severity labels go to the alerting topic.',
    }),
  cisStandardVersion: z.enum(CIS_STANDARD_VERSIONS).meta({
    description: 'Version of the CIS AWS Foundations Benchmark standard enabled in Security Hub.',
  }),
});

const complianceSchema = z.strictObject({
  recordingFrequency: z
    .enum(CONFIG_RECORDING_FREQUENCIES)
    .meta({ description: 'How often AWS Config records configuration changes.' }),
  snapshotFrequency: z
    .enum(['One_Hour', 'Three_Hours', 'Six_Hours', 'Twelve_Hours', 'TwentyFour_Hours'])
    .meta({
      description: 'How often AWS Config delivers a configuration snapshot to the audit bucket.',
    }),
});

const passwordPolicySchema = z.strictObject({
  minimumLength: z
    .number()
    .int()
    .min(14, 'CIS asks for passwords of 14 characters or more')
    .max(128)
    .meta({ description: 'Minimum length of IAM user passwords (CIS asks for 14 or more).' }),
  maxAgeDays: z
    .number()
    .int()
    .min(1)
    .max(1095)
    .meta({ description: 'Days after which an IAM user password must be changed (1-1095).' }),
  reusePrevention: z
    .number()
    .int()
    .min(24, 'CIS asks that the last 24 passwords cannot be reused')
    .max(24)
    .meta({
      description:
        'Number of previous passwords a user may not reuse: 24, the most AWS allows and what CIS asks for.',
    }),
});

const budgetSchema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{0,40}$/,
      'must be lowercase letters, digits and hyphens, starting with a letter',
    )
    .meta({
      description: 'Short name, unique in the environment: the budget is named <env>-<name>.',
      examples: ['account'],
    }),
  monthlyLimitUsd: z.number().positive('must be more than 0 US dollars').meta({
    description: 'Monthly cost limit in US dollars; alerts fire at 80 % and 100 % of it.',
  }),
  services: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .meta({
      description:
        'Only count the cost of these services (Cost Explorer names, e.g. "Amazon Elastic Compute Cloud - Compute"). Default: every service of the account',
      examples: [['Amazon Elastic Compute Cloud - Compute']],
    }),
});

const serviceLinkedRolesSchema = z.strictObject({
  createConfigRole: z.boolean().meta({
    description:
      "Create AWS Config's service-linked role (AWSServiceRoleForConfig), which the recorder uses. false when the account already has it (enabled Config before, from the console or another tool).",
  }),
  createAutoScalingRole: z.boolean().meta({
    description:
      "Create EC2 Auto Scaling's service-linked role (AWSServiceRoleForAutoScaling), which the EBS default key's policy names. false when the account already has it (an Auto Scaling group existed).",
  }),
});

export const baselineSchema = z.strictObject({
  enabled: familyToggle('baseline'),
  audit: auditSchema.meta({
    description: 'CloudTrail and Config logs: where they go, how long they stay.',
  }),
  guardDuty: guardDutySchema.meta({ description: 'GuardDuty protection features.' }),
  findings: findingsSchema.meta({
    description: 'Which security findings reach the alerting topic; Security Hub standards.',
  }),
  compliance: complianceSchema.meta({ description: 'AWS Config recording.' }),
  passwordPolicy: passwordPolicySchema.meta({ description: "The account's IAM password policy." }),
  serviceLinkedRoles: serviceLinkedRolesSchema.meta({
    description:
      "Service-linked roles the baseline relies on: create them, or use the account's existing ones.",
  }),
  budgets: z.array(budgetSchema).min(1, 'declare at least one budget (the whole account)').meta({
    description:
      'Monthly cost budgets with alerts to the alerting topic: at least the whole-account one.',
  }),
});

export type BaselineConfig = z.infer<typeof baselineSchema>;
