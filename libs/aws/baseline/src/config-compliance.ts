import { ConfigConfigRule } from '@cdktf/provider-aws/lib/config-config-rule';
import { ConfigConfigurationRecorder } from '@cdktf/provider-aws/lib/config-configuration-recorder';
import { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
import { ConfigDeliveryChannel } from '@cdktf/provider-aws/lib/config-delivery-channel';
import { type AwsEnvironmentWith, resourceName } from '@platform/config';
import { Construct } from 'constructs';
import type { AuditStore } from './audit-store';
import { MANAGED_CONFIG_RULES } from './config-rules';

/** Props of {@link ConfigCompliance}. */
export interface ConfigComplianceProps {
  /** The environment: recording and snapshot frequency, password policy parameters. */
  readonly environment: AwsEnvironmentWith<'baseline'>;
  /** The key and bucket Config delivers to (their policies let config.amazonaws.com of this account in). */
  readonly store: AuditStore;
  /** ARN of AWS Config's service-linked role, which records and delivers. */
  readonly configRoleArn: string;
}

/**
 * Configuration compliance: an AWS Config recorder for every supported resource type (global
 * ones included: one region per environment) using Config's service-linked role, a delivery
 * channel to the audit bucket under our key, the recorder switched on, and the managed rules that
 * mirror the platform's policy pack.
 */
export class ConfigCompliance extends Construct {
  /** The recorder. */
  readonly recorder: ConfigConfigurationRecorder;
  /** The recorder's on switch: everything that needs recording on depends on it. */
  readonly recorderStatus: ConfigConfigurationRecorderStatus;

  constructor(scope: Construct, id: string, props: ConfigComplianceProps) {
    super(scope, id);
    const env = props.environment;
    const { compliance } = env.baseline;

    this.recorder = new ConfigConfigurationRecorder(this, 'recorder', {
      name: resourceName(env, 'config'),
      roleArn: props.configRoleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      recordingMode: { recordingFrequency: compliance.recordingFrequency },
    });
    const channel = new ConfigDeliveryChannel(this, 'delivery-channel', {
      name: resourceName(env, 'config'),
      s3BucketName: props.store.bucket.bucket.id,
      s3KmsKeyArn: props.store.key.arn,
      snapshotDeliveryProperties: { deliveryFrequency: compliance.snapshotFrequency },
      dependsOn: [this.recorder, props.store.bucket.policy],
    });
    this.recorderStatus = new ConfigConfigurationRecorderStatus(this, 'recorder-status', {
      name: this.recorder.name,
      isEnabled: true,
      dependsOn: [channel],
    });

    for (const rule of MANAGED_CONFIG_RULES) {
      new ConfigConfigRule(this, `rule-${rule.id}`, {
        name: resourceName(env, rule.id),
        description: `NON_COMPLIANT means: ${rule.meaning}`,
        source: { owner: 'AWS', sourceIdentifier: rule.identifier },
        inputParameters: rule.parameters ? JSON.stringify(rule.parameters(env)) : undefined,
        dependsOn: [this.recorder],
      });
    }
  }
}
