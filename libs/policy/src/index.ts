export type {
  Finding,
  HonouredSuppression,
  PolicyDocument,
  PolicyStatement,
  ResourceView,
  Rule,
  RuleLevel,
  RuleResult,
  StackContext,
  Suppression,
} from './types';
export { compliant, fromDetails, nonCompliant, notApplicable } from './results';
export { StackView } from './stack-view';
export { checkStack, formatFinding, type PolicyReport } from './engine';
export { suppress, suppressionsOn } from './suppressions';
export { PolicyAspect, policyReportOf, takeCheckedJson } from './aspect';
export { PLATFORM_RULES } from './rules';
export { GCP_RULES } from './rules/gcp-pack';
export { REQUIRED_TAGS } from './rules/provider/default-tags';
export { eksSupportedVersion } from './rules/eks/supported-version';
export { documentedPacks, ruleDocument, ruleTable, type RulePackDoc } from './rule-table';
