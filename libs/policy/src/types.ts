/** How bad a violation is: errors fail synth, warnings are reported. */
export type RuleLevel = 'error' | 'warning';

/** A Terraform resource (or data source) as the synthesized JSON declares it. */
export interface ResourceView {
  /** `resource` or `data`. */
  readonly mode: 'resource' | 'data';
  /** Terraform type, e.g. aws_s3_bucket. */
  readonly type: string;
  /** Logical name in the stack, e.g. state_bucket_1A2B3C. */
  readonly name: string;
  /** Terraform address: `aws_s3_bucket.state_bucket_1A2B3C` (`data.` prefixed for data sources). */
  readonly address: string;
  /** Construct path, e.g. bootstrap-dev/state/bucket; the address when unknown. */
  readonly path: string;
  /** Resolved arguments (snake_case), without cdktf's `//` metadata. */
  readonly config: Readonly<Record<string, unknown>>;
}

/** The outcome of one rule on one resource. */
export type RuleResult =
  | { readonly status: 'not-applicable' }
  | { readonly status: 'compliant' }
  | { readonly status: 'non-compliant'; readonly details: readonly string[] };

/** A policy rule: a small pure function plus the data that explains it. */
export interface Rule {
  /** Our id, e.g. PLT-S3-VERSIONING. */
  readonly id: string;
  /** The matching checkov check, where one exists. */
  readonly checkov?: string;
  /** The matching trivy / tfsec check, where one exists. */
  readonly trivy?: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /** Why it matters. */
  readonly explanation: string;
  /** `error` fails synth. */
  readonly level: RuleLevel;
  /** Terraform types the rule inspects (resources unless prefixed `data.`); `provider.aws` for the AWS provider blocks, `terraform.backend.<kind>` for the state backend. */
  readonly appliesTo: readonly string[];
  /** Decides one resource. Fail closed: a value the rule cannot resolve is non-compliant. */
  readonly evaluate: (resource: ResourceView, stack: StackContext) => RuleResult;
}

/** What a rule may ask about the rest of the stack. */
export interface StackContext {
  /** Every resource of a type (`data.x` for data sources). */
  ofType(type: string): readonly ResourceView[];
  /** Resources of `type` whose arguments reference `target` (any attribute, or `attribute` when given). */
  referencing(type: string, target: ResourceView, attribute?: string): readonly ResourceView[];
  /** Parses a policy document: a JSON string, or a reference to a data.aws_iam_policy_document. */
  policyDocument(value: unknown): PolicyDocument | undefined;
}

/** A normalised IAM policy statement. */
export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  /** Principals by kind: { AWS: [...], Service: [...], Federated: [...], '*': ['*'] }. */
  readonly principals: Readonly<Record<string, readonly string[]>>;
  /** Conditions as operator → key → values. */
  readonly conditions: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

/** A normalised IAM policy document. */
export interface PolicyDocument {
  readonly statements: readonly PolicyStatement[];
}

/** A suppression of one rule on a construct and everything below it. */
export interface Suppression {
  /** The rule id. */
  readonly rule: string;
  /** Why the exception is safe; shown in every synth report. */
  readonly reason: string;
}

/** One violation that was not suppressed. */
export interface Finding {
  readonly rule: Rule;
  readonly resource: ResourceView;
  readonly details: readonly string[];
}

/** One suppression that matched a violation. */
export interface HonouredSuppression {
  readonly rule: string;
  readonly address: string;
  readonly path: string;
  readonly reason: string;
}
