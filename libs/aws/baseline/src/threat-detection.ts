import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { SecurityhubAccount } from '@cdktf/provider-aws/lib/securityhub-account';
import { SecurityhubStandardsSubscription } from '@cdktf/provider-aws/lib/securityhub-standards-subscription';
import { arn, type AwsEnvironmentWith, type BaselineConfig, resourceName } from '@platform/config';
import type { AlertingRef } from '@platform/core';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

type GuardDutyFlags = Omit<BaselineConfig['guardDuty'], 'findingPublishingFrequency'>;

/** GuardDuty features by config flag; runtime monitoring also lets GuardDuty manage its agent. */
export const GUARDDUTY_FEATURES: Readonly<
  Record<
    keyof GuardDutyFlags,
    { readonly name: string; readonly agentManagement?: readonly string[] }
  >
> = {
  s3Protection: { name: 'S3_DATA_EVENTS' },
  eksAuditLogs: { name: 'EKS_AUDIT_LOGS' },
  ebsMalwareProtection: { name: 'EBS_MALWARE_PROTECTION' },
  rdsLoginEvents: { name: 'RDS_LOGIN_EVENTS' },
  lambdaNetworkLogs: { name: 'LAMBDA_NETWORK_LOGS' },
  runtimeMonitoring: {
    name: 'RUNTIME_MONITORING',
    agentManagement: [
      'EKS_ADDON_MANAGEMENT',
      'ECS_FARGATE_AGENT_MANAGEMENT',
      'EC2_AGENT_MANAGEMENT',
    ],
  },
};

/** Security Hub standards ARNs are per region; CIS comes in the configured version. */
export function securityHubStandardArns(
  env: Pick<AwsEnvironmentWith<'baseline'>, 'aws' | 'baseline'>,
): Record<'fsbp' | 'cis', string> {
  const standard = (path: string) =>
    arn(env.aws, { service: 'securityhub', account: '', resource: `standards/${path}` });
  return {
    fsbp: standard('aws-foundational-security-best-practices/v/1.0.0'),
    cis: standard(`cis-aws-foundations-benchmark/v/${env.baseline.findings.cisStandardVersion}`),
  };
}

/** Props of {@link ThreatDetection}. */
export interface ThreatDetectionProps {
  /** The environment: GuardDuty features, finding thresholds, CIS version. */
  readonly environment: AwsEnvironmentWith<'baseline'>;
  /** The topic findings are routed to. */
  readonly alerting: AlertingRef;
  /**
   * Resources Security Hub must come after (it evaluates its controls with AWS Config rules,
   * so the recorder should be on first).
   * @default none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * Threat detection and findings: a GuardDuty detector with the configured protection
 * features (every feature declared, on or off, so turning one off in config turns it off in
 * the account), Security Hub with the Foundational Security Best Practices and CIS standards,
 * an account IAM Access Analyzer, and EventBridge rules that send high-severity GuardDuty and
 * Security Hub findings to the alerting topic.
 */
export class ThreatDetection extends Construct {
  /** The GuardDuty detector. */
  readonly detector: GuarddutyDetector;
  /** The Security Hub account. */
  readonly securityHub: SecurityhubAccount;

  constructor(scope: Construct, id: string, props: ThreatDetectionProps) {
    super(scope, id);
    const env = props.environment;
    const { guardDuty, findings } = env.baseline;

    this.detector = new GuarddutyDetector(this, 'guardduty', {
      enable: true,
      findingPublishingFrequency: guardDuty.findingPublishingFrequency,
    });
    for (const [flag, feature] of Object.entries(GUARDDUTY_FEATURES) as [
      keyof GuardDutyFlags,
      (typeof GUARDDUTY_FEATURES)[keyof GuardDutyFlags],
    ][]) {
      const status = guardDuty[flag] ? 'ENABLED' : 'DISABLED';
      new GuarddutyDetectorFeature(
        this,
        `guardduty-${feature.name.toLowerCase().replace(/_/g, '-')}`,
        {
          detectorId: this.detector.id,
          name: feature.name,
          status,
          additionalConfiguration: feature.agentManagement?.map((name) => ({ name, status })),
        },
      );
    }

    this.securityHub = new SecurityhubAccount(this, 'security-hub', {
      enableDefaultStandards: false,
      controlFindingGenerator: 'SECURITY_CONTROL',
      autoEnableControls: true,
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
    });
    const standards = securityHubStandardArns(env);
    for (const [key, arn] of Object.entries(standards)) {
      new SecurityhubStandardsSubscription(this, `standard-${key}`, {
        standardsArn: arn,
        dependsOn: [this.securityHub],
      });
    }

    new AccessanalyzerAnalyzer(this, 'access-analyzer', {
      analyzerName: resourceName(env, 'account-access'),
      type: 'ACCOUNT',
    });

    const route = (ruleId: string, description: string, pattern: Record<string, unknown>) => {
      const rule = new CloudwatchEventRule(this, ruleId, {
        name: resourceName(env, ruleId),
        description,
        eventPattern: JSON.stringify(pattern),
      });
      new CloudwatchEventTarget(this, `${ruleId}-target`, {
        rule: rule.name,
        targetId: 'alerting-topic',
        arn: props.alerting.topicArn,
      });
    };
    route(
      'guardduty-findings',
      `GuardDuty findings of severity ${findings.guardDutyMinimumSeverity} or more go to the alerting topic`,
      {
        source: ['aws.guardduty'],
        'detail-type': ['GuardDuty Finding'],
        detail: { severity: [{ numeric: ['>=', findings.guardDutyMinimumSeverity] }] },
      },
    );
    // GuardDuty findings also reach Security Hub: they are routed once, by the rule above.
    route(
      'security-hub-findings',
      `New ${findings.securityHubSeverities.join('/')} Security Hub findings go to the alerting topic`,
      {
        source: ['aws.securityhub'],
        'detail-type': ['Security Hub Findings - Imported'],
        detail: {
          findings: {
            Severity: { Label: [...findings.securityHubSeverities] },
            Workflow: { Status: ['NEW'] },
            RecordState: ['ACTIVE'],
            ProductName: [{ 'anything-but': 'GuardDuty' }],
          },
        },
      },
    );
  }
}
