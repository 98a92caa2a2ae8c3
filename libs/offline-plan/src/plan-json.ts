// The parts of terraform's JSON plan (`terraform show -json`, format 1.x) and state (format 4)
// that the offline tools read or write.

/** A JSON value as terraform writes it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Terraform's marker tree for unknown (or sensitive) values: `true` where the value is marked. */
export type Marks = boolean | Marks[] | { [key: string]: Marks };

/** One planned change of a resource instance. */
export interface ResourceChange {
  readonly address: string;
  readonly module_address?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before: Json;
    readonly after: Json;
    readonly after_unknown?: Marks;
    readonly after_sensitive?: Marks;
    readonly replace_paths?: readonly (readonly (string | number)[])[];
  };
}

/** An expression of the configuration: a constant and the references it reads. */
export interface Expression {
  readonly constant_value?: Json;
  readonly references?: readonly string[];
}

/** A resource block of the root module's configuration. */
export interface ConfigResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly provider_config_key: string;
  readonly schema_version?: number;
  readonly expressions?: Record<string, unknown>;
}

/** An output's planned change. */
export interface OutputChange {
  readonly actions: readonly string[];
  readonly after?: Json;
  readonly after_unknown?: Marks;
  readonly after_sensitive?: Marks;
}

/** The plan document, as far as these tools read it. */
export interface Plan {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly resource_changes?: readonly ResourceChange[];
  readonly output_changes?: Record<string, OutputChange>;
  readonly configuration?: {
    readonly provider_config?: Record<
      string,
      { readonly name: string; readonly full_name?: string; readonly alias?: string }
    >;
    readonly root_module?: {
      readonly resources?: readonly ConfigResource[];
      readonly module_calls?: Record<string, unknown>;
      readonly outputs?: Record<string, { readonly expression?: Expression }>;
    };
  };
}

/** One resource instance of a state (format 4). */
export interface StateInstance {
  index_key?: string | number;
  schema_version: number;
  attributes: { [key: string]: Json };
  sensitive_attributes: unknown[];
  dependencies?: string[];
}

/** One resource of a state (format 4). */
export interface StateResource {
  mode: 'managed';
  type: string;
  name: string;
  provider: string;
  instances: StateInstance[];
}

/** A terraform state, format 4. */
export interface State {
  version: 4;
  terraform_version: string;
  serial: number;
  lineage: string;
  outputs: Record<string, { value: Json; type: Json; sensitive?: boolean }>;
  resources: StateResource[];
  check_results: null;
}
