export {
  AccountGuardrails,
  BUDGET_ALERT_THRESHOLDS_PERCENT,
  type AccountGuardrailsProps,
} from './account-guardrails';
export { AuditStore, type AuditStoreProps } from './audit-store';
export { AuditTrail, type AuditTrailProps } from './audit-trail';
export { BaselineStack } from './baseline-stack';
export { CIS_ALARMS, type CisAlarm } from './cis-alarms';
export { ConfigCompliance, type ConfigComplianceProps } from './config-compliance';
export { MANAGED_CONFIG_RULES, type ManagedConfigRule } from './config-rules';
export { baselineNames, type BaselineNames } from './names';
export {
  GUARDDUTY_FEATURES,
  securityHubStandardArns,
  ThreatDetection,
  type ThreatDetectionProps,
} from './threat-detection';
export {
  serviceLinkedRoleArn,
  ServiceLinkedRoles,
  type ServiceLinkedRolesProps,
} from './service-linked-roles';
