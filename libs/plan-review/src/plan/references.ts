import { isObject } from './json';
import type { Json, TfConfigModule, TfPlan } from './types';

/** Referrers per configuration address (`module.m.aws_vpc.main` → the addresses referencing it). */
export type ReferenceIndex = ReadonlyMap<string, readonly string[]>;

function referencesIn(value: Json | undefined, out: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) referencesIn(item, out);
  else if (isObject(value))
    for (const [key, child] of Object.entries(value)) {
      if (key === 'references' && Array.isArray(child)) {
        for (const ref of child) if (typeof ref === 'string') out.add(ref);
      } else referencesIn(child, out);
    }
}

/** The object a reference points at: `aws_vpc.main.id` → `aws_vpc.main`, `data.x.y.json` → `data.x.y`. */
function target(ref: string): string | undefined {
  const parts = ref.replace(/\[[^\]]*\]/g, '').split('.');
  if (['var', 'local', 'each', 'count', 'path', 'terraform', 'self', 'module'].includes(parts[0]))
    return undefined;
  if (parts[0] === 'data') return parts.length >= 3 ? parts.slice(0, 3).join('.') : undefined;
  return parts.length >= 2 ? parts.slice(0, 2).join('.') : undefined;
}

/** Indexes which configuration objects reference which, from the plan's `configuration`. */
export function referenceIndex(plan: TfPlan): ReferenceIndex {
  const index = new Map<string, Set<string>>();
  const visit = (module: TfConfigModule | undefined, prefix: string) => {
    if (!module) return;
    for (const resource of module.resources ?? []) {
      const refs = new Set<string>();
      referencesIn(resource.expressions, refs);
      for (const dep of resource.depends_on ?? []) refs.add(dep);
      const from = `${prefix}${resource.address}`;
      for (const ref of refs) {
        const to = target(ref);
        if (!to || `${prefix}${to}` === from) continue;
        const key = `${prefix}${to}`;
        if (!index.has(key)) index.set(key, new Set());
        index.get(key)?.add(from);
      }
    }
    for (const [name, call] of Object.entries(module.module_calls ?? {}))
      visit(call.module, `${prefix}module.${name}.`);
  };
  visit(plan.configuration?.root_module, '');
  return new Map([...index].map(([k, v]) => [k, [...v].sort()]));
}

/** The configuration address of an instance address: instance keys removed. */
export function configAddress(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '');
}

/** The configuration objects that reference the resource at `address` (instance keys ignored). */
export function referrersOf(index: ReferenceIndex, address: string): readonly string[] {
  return index.get(configAddress(address)) ?? [];
}

/** The provider default tags the plan's configuration gives as constants (all providers merged). */
export function providerDefaultTags(plan: TfPlan): Readonly<Record<string, Json>> {
  const tags: Record<string, Json> = {};
  for (const provider of Object.values(plan.configuration?.provider_config ?? {})) {
    const defaults = isObject(provider.expressions ?? null)
      ? (provider.expressions as { default_tags?: Json }).default_tags
      : undefined;
    for (const block of Array.isArray(defaults) ? defaults : []) {
      const value =
        isObject(block) && isObject(block['tags'] ?? null)
          ? (block['tags'] as { constant_value?: Json }).constant_value
          : undefined;
      if (isObject(value ?? null)) Object.assign(tags, value);
    }
  }
  return tags;
}

/** The AWS accounts the providers are pinned to (`allowed_account_ids` constants). */
export function providerAccounts(plan: TfPlan): string[] {
  const accounts = new Set<string>();
  for (const provider of Object.values(plan.configuration?.provider_config ?? {})) {
    const expressions = provider.expressions;
    const ids = isObject(expressions ?? null)
      ? (expressions as { allowed_account_ids?: Json }).allowed_account_ids
      : undefined;
    const value = isObject(ids ?? null)
      ? (ids as { constant_value?: Json }).constant_value
      : undefined;
    for (const id of Array.isArray(value) ? value : [])
      if (typeof id === 'string') accounts.add(id);
  }
  return [...accounts].sort();
}
