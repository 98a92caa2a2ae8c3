import type { AwsEnvironmentWith } from '@platform/config';
import { alertingContract, PlatformStack } from '@platform/core';
import type { Construct } from 'constructs';
import { AccountGuardrails } from './account-guardrails';
import { AuditStore } from './audit-store';
import { AuditTrail } from './audit-trail';
import { ConfigCompliance } from './config-compliance';
import { ServiceLinkedRoles } from './service-linked-roles';
import { ThreatDetection } from './threat-detection';

/**
 * `baseline-<env>`: the account baseline of one environment account: audit trail with the CIS
 * alarms, threat detection and findings routing, AWS Config compliance, and account guardrails
 * (S3 public access block, EBS encryption by default, password policy, budgets). Alarms,
 * findings and budget alerts go to the environment's alerting topic.
 */
export class BaselineStack extends PlatformStack {
  /** Audit key and bucket. */
  readonly store: AuditStore;
  /** CloudTrail trail and CIS alarms. */
  readonly audit: AuditTrail;
  /** AWS Config recorder and rules. */
  readonly compliance: ConfigCompliance;
  /** GuardDuty, Security Hub, Access Analyzer, findings routing. */
  readonly threatDetection: ThreatDetection;
  /** Account-wide guardrails and budgets. */
  readonly guardrails: AccountGuardrails;

  constructor(scope: Construct, environment: AwsEnvironmentWith<'baseline'>) {
    super(scope, { family: 'baseline', environment });
    const alerting = alertingContract.read(this, environment);
    const serviceLinkedRoles = new ServiceLinkedRoles(this, 'service-linked-roles', {
      environment,
    });
    this.store = new AuditStore(this, 'audit-store', { environment });
    this.audit = new AuditTrail(this, 'audit-trail', { environment, store: this.store, alerting });
    this.compliance = new ConfigCompliance(this, 'config', {
      environment,
      store: this.store,
      configRoleArn: serviceLinkedRoles.configRoleArn,
    });
    this.threatDetection = new ThreatDetection(this, 'threat-detection', {
      environment,
      alerting,
      dependsOn: [this.compliance.recorderStatus],
    });
    this.guardrails = new AccountGuardrails(this, 'guardrails', {
      environment,
      alerting,
      serviceLinkedRoles,
    });
  }
}
