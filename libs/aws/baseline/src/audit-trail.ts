import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { EncryptedLogGroup, grantWriteLogs, policyDocument } from '@platform/aws-common';
import { type AwsEnvironmentWith, resourceName, s3Arn, servicePrincipal } from '@platform/config';
import type { AlertingRef } from '@platform/core';
import { Construct } from 'constructs';
import type { AuditStore } from './audit-store';
import { CIS_ALARMS } from './cis-alarms';
import { baselineNames } from './names';

/** Props of {@link AuditTrail}. */
export interface AuditTrailProps {
  /** The environment: account, region, log group retention. */
  readonly environment: AwsEnvironmentWith<'baseline'>;
  /** The key and bucket the trail writes to. */
  readonly store: AuditStore;
  /** The alarm topic the CIS alarms notify. */
  readonly alerting: AlertingRef;
}

/**
 * The account's audit trail: one multi-region CloudTrail trail (management events, data events
 * on the Terraform state bucket, global services, log-file validation, our KMS key) delivering to the audit bucket and to an
 * encrypted log group, with the CIS metric filters and alarms on that log group.
 */
export class AuditTrail extends Construct {
  /** The trail. */
  readonly trail: Cloudtrail;
  /** The log group CloudTrail delivers to. */
  readonly logGroup: EncryptedLogGroup;
  /** The CIS alarms, by id. */
  readonly alarms: Readonly<Record<string, CloudwatchMetricAlarm>>;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const env = props.environment;
    const names = baselineNames(env);

    this.logGroup = new EncryptedLogGroup(this, 'log-group', {
      name: names.trailLogGroupName,
      retentionDays: env.baseline.audit.logGroupRetentionDays,
      kmsKeyArn: props.store.key.arn,
    });

    const role = new IamRole(this, 'logs-role', {
      name: resourceName(env, 'cloudtrail-logs'),
      description: 'Lets CloudTrail deliver the audit trail to its CloudWatch log group',
      assumeRolePolicy: policyDocument(this, 'logs-trust', [
        {
          sid: 'CloudTrailOfThisAccount',
          actions: ['sts:AssumeRole'],
          principals: [
            { type: 'Service', identifiers: [servicePrincipal(env.aws.region, 'cloudtrail')] },
          ],
          conditions: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [env.aws.accountId] },
          ],
        },
      ]),
    });
    new IamRolePolicy(this, 'logs-role-policy', {
      role: role.name,
      name: 'deliver-to-log-group',
      policy: policyDocument(this, 'logs-policy', [
        grantWriteLogs([`${names.trailLogGroupArn}:log-stream:*`], { sid: 'WriteTrailEvents' }),
      ]),
    });

    this.trail = new Cloudtrail(this, 'trail', {
      name: names.trailName,
      s3BucketName: props.store.bucket.bucket.id,
      kmsKeyId: props.store.key.arn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      cloudWatchLogsGroupArn: `${this.logGroup.group.arn}:*`,
      cloudWatchLogsRoleArn: role.arn,
      eventSelector: [
        {
          readWriteType: 'All',
          includeManagementEvents: true,
          // Every read and write of Terraform state (who read or changed which stack's state).
          dataResource: [
            {
              type: 'AWS::S3::Object',
              values: [s3Arn(env.aws, `${env.aws.state.bucket}/`)],
            },
          ],
        },
      ],
      dependsOn: [props.store.bucket.policy],
    });

    const alarms: Record<string, CloudwatchMetricAlarm> = {};
    for (const check of CIS_ALARMS) {
      const metricName = check.id;
      new CloudwatchLogMetricFilter(this, `filter-${check.id}`, {
        name: resourceName(env, 'cis', check.id),
        logGroupName: this.logGroup.group.name,
        pattern: check.pattern,
        metricTransformation: {
          name: metricName,
          namespace: names.metricNamespace,
          value: '1',
          defaultValue: '0',
        },
      });
      alarms[check.id] = new CloudwatchMetricAlarm(this, `alarm-${check.id}`, {
        alarmName: resourceName(env, 'cis', check.id),
        alarmDescription: `${check.control}: ${check.meaning}`,
        namespace: names.metricNamespace,
        metricName,
        statistic: 'Sum',
        period: 300,
        evaluationPeriods: 1,
        threshold: check.threshold ?? 1,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        treatMissingData: 'notBreaching',
        alarmActions: [props.alerting.topicArn],
      });
    }
    this.alarms = alarms;
  }
}
