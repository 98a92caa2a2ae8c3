/**
 * The subset of `terraform show -json` (the plan representation, format_version 0.x and 1.x)
 * that plan-review reads. Fields are optional where some Terraform version omits them.
 */

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** One step of an attribute path: an object key or a list index. */
export type PathStep = string | number;

/** The `change` object of a resource, drift or output change. */
export interface TfChange {
  /** e.g. ["create"], ["delete","create"], ["forget"], ["no-op"]. */
  readonly actions: readonly string[];
  readonly before?: Json;
  readonly after?: Json;
  /** `true` or a structure of booleans parallel to `after`: values known only after apply. */
  readonly after_unknown?: Json;
  /** `true` or a structure of booleans parallel to `before`: sensitive values. */
  readonly before_sensitive?: Json;
  /** `true` or a structure of booleans parallel to `after`: sensitive values. */
  readonly after_sensitive?: Json;
  /** Attribute paths that forced a replacement. */
  readonly replace_paths?: readonly (readonly PathStep[])[];
  /** Present when the change imports an existing object (import blocks, Terraform ≥ 1.5). */
  readonly importing?: { readonly id?: string; readonly identity?: Json } | null;
}

/** One entry of `resource_changes` or `resource_drift`. */
export interface TfResourceChange {
  /** Absent on drift entries written by Terraform 1.0.0. */
  readonly address?: string;
  readonly previous_address?: string;
  readonly module_address?: string;
  readonly mode?: string;
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  /** Key of a deposed object (create_before_destroy leftovers). */
  readonly deposed?: string;
  readonly action_reason?: string;
  readonly change: TfChange;
}

/** A value of `planned_values.outputs` / `prior_state.values.outputs`. */
export interface TfOutputValue {
  readonly sensitive?: boolean;
  readonly value?: Json;
}

/** A module of `planned_values` / `prior_state.values`. */
export interface TfValuesModule {
  readonly resources?: readonly {
    readonly address?: string;
    readonly values?: Json;
    readonly sensitive_values?: Json;
  }[];
  readonly child_modules?: readonly TfValuesModule[];
}

/** The state-like values blocks. */
export interface TfValues {
  readonly outputs?: Readonly<Record<string, TfOutputValue>>;
  readonly root_module?: TfValuesModule;
}

/** A variable declaration in `configuration`. */
export interface TfConfigVariable {
  readonly default?: Json;
  readonly sensitive?: boolean;
}

/** A resource of `configuration`: its expressions hold `references` to other objects. */
export interface TfConfigResource {
  /** Address within its module, e.g. `aws_subnet.a` or `data.aws_iam_policy_document.x`. */
  readonly address: string;
  readonly expressions?: Json;
  readonly depends_on?: readonly string[];
}

/** A module of `configuration`. */
export interface TfConfigModule {
  readonly resources?: readonly TfConfigResource[];
  readonly variables?: Readonly<Record<string, TfConfigVariable>>;
  readonly module_calls?: Readonly<
    Record<
      string,
      {
        readonly expressions?: Readonly<Record<string, Json>>;
        readonly module?: TfConfigModule;
      }
    >
  >;
}

/** A whole plan as printed by `terraform show -json PLANFILE`. */
export interface TfPlan {
  readonly format_version: string;
  readonly terraform_version?: string;
  /** Root variable values, in clear text even when the variable is sensitive. */
  readonly variables?: Readonly<Record<string, { readonly value?: Json }>>;
  readonly resource_changes?: readonly TfResourceChange[];
  readonly resource_drift?: readonly TfResourceChange[];
  /** Terraform ≥ 1.2: the resources whose drift matters for this plan. */
  readonly relevant_attributes?: readonly { readonly resource: string }[];
  readonly output_changes?: Readonly<Record<string, TfChange>>;
  readonly planned_values?: TfValues;
  readonly prior_state?: { readonly values?: TfValues };
  readonly configuration?: {
    readonly root_module?: TfConfigModule;
    /** Provider configurations by key (`aws`, `aws.us`), with their `expressions`. */
    readonly provider_config?: Readonly<Record<string, { readonly expressions?: Json }>>;
  };
}
