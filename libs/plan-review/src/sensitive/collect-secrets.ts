import { childOf, isObject, keysOf } from '../plan/json';
import type {
  Json,
  TfChange,
  TfConfigModule,
  TfPlan,
  TfValues,
  TfValuesModule,
} from '../plan/types';
import { Scrubber } from './scrubber';
import type { SensitivityMap } from './sensitivity';

/**
 * Collects every value a plan marks sensitive anywhere, so reports can scrub them as text:
 * resource and drift changes (`before_sensitive`/`after_sensitive`), output changes, planned
 * and prior values (`sensitive_values`, sensitive outputs), and sensitive variables — whose
 * values the plan's top-level `variables` block holds in clear text — with their defaults,
 * in the root module and in every module call.
 */
export function collectSecrets(plan: TfPlan, scrubber = new Scrubber()): Scrubber {
  for (const rc of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
    addChange(scrubber, rc.change);
  }
  for (const change of Object.values(plan.output_changes ?? {})) addChange(scrubber, change);
  addValues(scrubber, plan.planned_values);
  addValues(scrubber, plan.prior_state?.values);
  addVariables(scrubber, plan, plan.configuration?.root_module, true);
  return scrubber;
}

function addChange(scrubber: Scrubber, change: TfChange): void {
  addMarked(scrubber, change.before, change.before_sensitive);
  addMarked(scrubber, change.after, change.after_sensitive);
}

/** Adds the parts of `value` that `map` marks sensitive. */
export function addMarked(scrubber: Scrubber, value: Json | undefined, map: SensitivityMap): void {
  if (map === true) scrubber.add(value);
  // false, null or a missing map marks nothing (no keys); a missing value has no parts to add
  else for (const key of keysOf(map)) addMarked(scrubber, childOf(value, key), childOf(map, key));
}

function addValues(scrubber: Scrubber, values: TfValues | undefined): void {
  if (!values) return;
  for (const output of Object.values(values.outputs ?? {})) {
    if (output.sensitive) scrubber.add(output.value);
  }
  addModule(scrubber, values.root_module);
}

function addModule(scrubber: Scrubber, module: TfValuesModule | undefined): void {
  if (!module) return;
  for (const resource of module.resources ?? []) {
    addMarked(scrubber, resource.values, resource.sensitive_values);
  }
  for (const child of module.child_modules ?? []) addModule(scrubber, child);
}

function addVariables(
  scrubber: Scrubber,
  plan: TfPlan,
  module: TfConfigModule | undefined,
  isRoot: boolean,
  passed: Readonly<Record<string, Json>> = {},
): void {
  if (!module) return;
  for (const [name, declaration] of Object.entries(module.variables ?? {})) {
    if (!declaration.sensitive) continue;
    scrubber.add(declaration.default);
    if (isRoot) scrubber.add(plan.variables?.[name]?.value);
    const expression = passed[name];
    if (isObject(expression)) scrubber.add(expression['constant_value']);
  }
  for (const call of Object.values(module.module_calls ?? {})) {
    addVariables(scrubber, plan, call.module, false, call.expressions ?? {});
  }
}
