import { ConfigConfigRule } from '@cdktf/provider-aws/lib/config-config-rule';
import { ConfigConfigurationRecorder } from '@cdktf/provider-aws/lib/config-configuration-recorder';
import { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
import { ConfigDeliveryChannel } from '@cdktf/provider-aws/lib/config-delivery-channel';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { policyDocument } from '@platform/aws-common';
import { type Environment, resourceName } from '@platform/config';
import { Construct } from 'constructs';
import type { AuditStore } from './audit-store';
import { MANAGED_CONFIG_RULES } from './config-rules';
import { baselineNames } from './names';

/** The AWS managed policy that lets the Config recorder read resource configurations. */
export const CONFIG_RECORDER_MANAGED_POLICY = 'arn:aws:iam::aws:policy/service-role/AWS_ConfigRole';

/** Props of {@link ConfigCompliance}. */
export interface ConfigComplianceProps {
  /** The environment: recording and snapshot frequency, password policy parameters. */
  readonly environment: Environment;
  /** The key and bucket Config delivers to. */
  readonly store: AuditStore;
}

/**
 * Configuration compliance: an AWS Config recorder for every supported resource type (global
 * ones included: one region per environment), a delivery channel to the audit bucket under our
 * key, the recorder switched on, and the managed rules that mirror the platform's policy pack.
 */
export class ConfigCompliance extends Construct {
  /** The recorder. */
  readonly recorder: ConfigConfigurationRecorder;
  /** The recorder's on switch: everything that needs recording on depends on it. */
  readonly recorderStatus: ConfigConfigurationRecorderStatus;

  constructor(scope: Construct, id: string, props: ConfigComplianceProps) {
    super(scope, id);
    const env = props.environment;
    const names = baselineNames(env);
    const { compliance } = env.baseline;

    const role = new IamRole(this, 'recorder-role', {
      name: resourceName(env, 'config-recorder'),
      description: 'Lets AWS Config read resource configurations and deliver them to the audit bucket',
      assumeRolePolicy: policyDocument(this, 'recorder-trust', [
        {
          sid: 'ConfigOfThisAccount',
          actions: ['sts:AssumeRole'],
          resources: ['*'],
          principals: [{ type: 'Service', identifiers: ['config.amazonaws.com'] }],
          conditions: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [env.accountId] }],
        },
      ]),
    });
    new IamRolePolicyAttachment(this, 'recorder-read', { role: role.name, policyArn: CONFIG_RECORDER_MANAGED_POLICY });
    new IamRolePolicy(this, 'recorder-delivery', {
      role: role.name,
      name: 'deliver-to-audit-bucket',
      policy: policyDocument(this, 'recorder-delivery-policy', [
        { sid: 'CheckBucket', actions: ['s3:GetBucketAcl', 's3:ListBucket'], resources: [names.auditBucketArn] },
        { sid: 'WriteSnapshots', actions: ['s3:PutObject'], resources: [`${names.auditBucketArn}/AWSLogs/${env.accountId}/Config/*`] },
        { sid: 'EncryptSnapshots', actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.store.key.arn] },
      ]),
    });

    this.recorder = new ConfigConfigurationRecorder(this, 'recorder', {
      name: resourceName(env, 'config'),
      roleArn: role.arn,
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
