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
