// Public API of @platform/plan-review: plan summaries, synth diffs and the destroy guard.
export { InputError } from './errors';
export { EXIT, runCli, USAGE, type CliIo } from './cli';
export type { Json, TfChange, TfPlan, TfResourceChange } from './plan/types';
export { decodeText } from './plan/decode';
export { parsePlan, readPlanFile, validatePlan, SUPPORTED_FORMAT_MAJORS } from './plan/read-plan';
export { stackNameFromPath } from './plan/stack-name';
export { ACTION_KINDS, actionKind, actionWords, type ActionKind } from './plan/actions';
export { ACTION_REASONS, reasonWords } from './plan/reasons';
export { changedAttributes, type AttributeChange } from './plan/attribute-diff';
export { Scrubber, SENSITIVE } from './sensitive/scrubber';
export { collectSecrets } from './sensitive/collect-secrets';
export {
  COUNT_KEYS,
  type DriftReview,
  type OutputReview,
  type PlanCounts,
  type PlanReview,
  type ResourceReview,
} from './summary/model';
export { countChanges, summarizePlan, type PlanSource } from './summary/summarize';
export { reviewPlanFiles } from './summary/review-files';
export { renderSummaryMarkdown, type MarkdownOptions } from './summary/render-markdown';
export {
  renderSummaryJson,
  summaryToJson,
  type JsonSummary,
  type JsonResource,
} from './summary/render-json';
export { GITHUB_COMMENT_LIMIT } from './markdown/markdown';
export { diffSynthOutputs, type SynthDiff } from './diff/synth-diff';
export type { Rename, StackDiff } from './diff/diff-configs';
export { renderDiffJson, renderDiffMarkdown } from './diff/render-diff';
export {
  defaultGuardConfig,
  mergeGuardConfigs,
  parseGuardConfig,
  readGuardConfig,
  type AllowRule,
  type GuardConfig,
  type ProtectRule,
} from './guard/guard-config';
export { runGuard, type GuardFinding, type GuardResult } from './guard/guard';
export { renderGuardJson, renderGuardText } from './guard/render-guard';
export { RISK_RULES } from './risk/rules';
export { assessRisk, isTagsOnly } from './risk/assess';
export { riskRuleTable } from './risk/rule-table';
export {
  RISK_LEVELS,
  riskRank,
  type Risk,
  type RiskInput,
  type RiskLevel,
  type RiskReason,
  type RiskRule,
} from './risk/types';
export { costChange, type CostChange, type CostDelta } from './cost/cost-changes';
export { monthlyDelta, readPriceFile, type PriceFile } from './cost/prices';
export { referenceIndex, referrersOf, type ReferenceIndex } from './plan/references';
export { constructPathsOf, readConstructPaths, type ConstructPaths } from './plan/construct-paths';
export {
  policyDelta,
  readPolicyReports,
  type PolicyDelta,
  type PolicyReports,
} from './diff/policy-delta';
export { type PreventDestroyRemoved } from './diff/prevent-destroy';
export { type ReviewOptions } from './summary/review-files';
export { type GuardOptions } from './guard/guard';
