import type { AwsEnvironmentWith } from '@platform/config';

/** One AWS Config managed rule of the baseline. */
export interface ManagedConfigRule {
  /** Rule name suffix: the rule is named <env>-<id>. Changing it replaces the rule. */
  readonly id: string;
  /** The AWS managed rule identifier. */
  readonly identifier: string;
  /** The platform policy rule that checks the same at synth, where one exists. */
  readonly policyRule?: string;
  /** What a NON_COMPLIANT result means. */
  readonly meaning: string;
  /** Rule parameters (strings, as Config expects). */
  readonly parameters?: (env: AwsEnvironmentWith<'baseline'>) => Record<string, string>;
}

/**
 * The managed rules that mirror the platform's own policy pack in the running account: the
 * policy pack stops a non-compliant change at synth, Config catches what was changed by hand
 * or created outside terraform.
 */
export const MANAGED_CONFIG_RULES: readonly ManagedConfigRule[] = [
  {
    id: 'encrypted-volumes',
    identifier: 'ENCRYPTED_VOLUMES',
    meaning: 'An attached EBS volume is not encrypted.',
  },
  {
    id: 'ebs-encryption-by-default',
    identifier: 'EC2_EBS_ENCRYPTION_BY_DEFAULT',
    policyRule: 'PLT-EBS-DEFAULT-ENCRYPTION',
    meaning: 'EBS encryption by default was switched off in this region.',
  },
  {
    id: 'restricted-ssh',
    identifier: 'INCOMING_SSH_DISABLED',
    policyRule: 'PLT-SG-NO-OPEN-INGRESS',
    meaning: 'A security group allows SSH (22) from 0.0.0.0/0.',
  },
  {
    id: 's3-bucket-public-access-prohibited',
    identifier: 'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED',
    policyRule: 'PLT-S3-PUBLIC-ACCESS-BLOCK',
    meaning: 'A bucket does not block public access.',
  },
  {
    id: 's3-account-public-access-blocked',
    identifier: 'S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC',
    policyRule: 'PLT-S3-ACCOUNT-PUBLIC-ACCESS-BLOCK',
    meaning: 'The account-level S3 public access block was loosened.',
  },
  {
    id: 's3-bucket-versioning',
    identifier: 'S3_BUCKET_VERSIONING_ENABLED',
    policyRule: 'PLT-S3-VERSIONING',
    meaning: 'A bucket has no versioning.',
  },
  {
    id: 's3-bucket-tls-only',
    identifier: 'S3_BUCKET_SSL_REQUESTS_ONLY',
    policyRule: 'PLT-S3-TLS-ONLY',
    meaning: 'A bucket policy does not refuse plain-HTTP requests.',
  },
  {
    id: 's3-default-encryption-kms',
    identifier: 'S3_DEFAULT_ENCRYPTION_KMS',
    policyRule: 'PLT-S3-KMS',
    meaning: 'A bucket is not encrypted with KMS by default.',
  },
  {
    id: 'root-account-mfa',
    identifier: 'ROOT_ACCOUNT_MFA_ENABLED',
    meaning: 'The root user has no MFA device.',
  },
  {
    id: 'cloudtrail-enabled',
    identifier: 'CLOUD_TRAIL_ENABLED',
    policyRule: 'PLT-CLOUDTRAIL-MULTI-REGION',
    meaning: 'No trail is logging in this account.',
  },
  {
    id: 'cloudtrail-log-file-validation',
    identifier: 'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED',
    policyRule: 'PLT-CLOUDTRAIL-LOG-VALIDATION',
    meaning: 'A trail does not write digest files, so tampering with logs would go unnoticed.',
  },
  {
    id: 'cloudtrail-encryption',
    identifier: 'CLOUD_TRAIL_ENCRYPTION_ENABLED',
    policyRule: 'PLT-CLOUDTRAIL-KMS',
    meaning: 'A trail is not encrypted with a KMS key.',
  },
  {
    id: 'kms-key-rotation',
    identifier: 'CMK_BACKING_KEY_ROTATION_ENABLED',
    policyRule: 'PLT-KMS-ROTATION',
    meaning: 'A customer-managed key does not rotate.',
  },
  {
    id: 'log-group-encrypted',
    identifier: 'CLOUDWATCH_LOG_GROUP_ENCRYPTED',
    policyRule: 'PLT-LOGS-KMS',
    meaning: 'A log group is not encrypted with a KMS key.',
  },
  {
    id: 'vpc-flow-logs',
    identifier: 'VPC_FLOW_LOGS_ENABLED',
    policyRule: 'PLT-VPC-FLOW-LOGS',
    meaning: 'A VPC has no flow logs.',
  },
  {
    id: 'vpc-default-security-group-closed',
    identifier: 'VPC_DEFAULT_SECURITY_GROUP_CLOSED',
    policyRule: 'PLT-VPC-DEFAULT-SG-CLOSED',
    meaning: 'A default security group has rules.',
  },
  {
    id: 'subnet-no-public-ip',
    identifier: 'SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED',
    policyRule: 'PLT-VPC-SUBNET-NO-PUBLIC-IP',
    meaning: 'A subnet gives instances public IPs on launch.',
  },
  {
    id: 'guardduty-enabled',
    identifier: 'GUARDDUTY_ENABLED_CENTRALIZED',
    policyRule: 'PLT-GUARDDUTY-ENABLED',
    meaning: 'GuardDuty is off in this region.',
  },
  {
    id: 'iam-password-policy',
    identifier: 'IAM_PASSWORD_POLICY',
    policyRule: 'PLT-IAM-PASSWORD-POLICY',
    meaning: 'The account password policy is weaker than the configured one.',
    parameters: (env) => ({
      RequireUppercaseCharacters: 'true',
      RequireLowercaseCharacters: 'true',
      RequireSymbols: 'true',
      RequireNumbers: 'true',
      MinimumPasswordLength: String(env.baseline.passwordPolicy.minimumLength),
      PasswordReusePrevention: String(env.baseline.passwordPolicy.reusePrevention),
      MaxPasswordAge: String(env.baseline.passwordPolicy.maxAgeDays),
    }),
  },
  {
    id: 'iam-no-admin-policies',
    identifier: 'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS',
    policyRule: 'PLT-IAM-NO-WILDCARD-ACTION',
    meaning: 'A customer-managed IAM policy allows "*" on "*".',
  },
  {
    id: 'ec2-imdsv2',
    identifier: 'EC2_IMDSV2_CHECK',
    meaning: 'An instance still accepts IMDSv1 (token-less) metadata requests.',
  },
];
