import { actionKind, actionWords, severity, type ActionKind } from '../plan/actions';
import { changedAttributes, type AttributeChange } from '../plan/attribute-diff';
import { jsonEqual } from '../plan/json';
import { compareText } from '../plan/compare';
import { formatValue } from '../plan/format-value';
import { formatPath } from '../plan/paths';
import { reasonWords } from '../plan/reasons';
import { stackNameFromPath } from '../plan/stack-name';
import type { ConstructPaths } from '../plan/construct-paths';
import {
  configAddress,
  providerDefaultTags,
  referenceIndex,
  referrersOf,
  type ReferenceIndex,
  providerAccounts,
} from '../plan/references';
import type { Json, TfChange, TfPlan, TfResourceChange } from '../plan/types';
import { assessRisk } from '../risk/assess';
import { costChange } from '../cost/cost-changes';
import { isObject } from '../plan/json';
import { collectSecrets } from '../sensitive/collect-secrets';
import { SENSITIVE } from '../sensitive/scrubber';
import { redact } from '../sensitive/sensitivity';
import type { DriftReview, OutputReview, PlanCounts, PlanReview, ResourceReview } from './model';

/** Where a plan came from; `stack` defaults to {@link stackNameFromPath} of `file`. */
export interface PlanSource {
  readonly file: string;
  readonly stack?: string;
  /** Construct paths by address, from the stack's `cdk.tf.json`. */
  readonly constructPaths?: ConstructPaths;
}

/** What reviewing a resource needs from the whole plan. */
interface PlanContext {
  readonly references: ReferenceIndex;
  readonly defaultTags: Readonly<Record<string, Json>>;
  readonly accounts: readonly string[];
  readonly constructPaths?: ConstructPaths;
}

/** Reviews one plan: counts as terraform counts them, resources, drift and outputs, all masked. */
export function summarizePlan(plan: TfPlan, source: PlanSource): PlanReview {
  const context: PlanContext = {
    references: referenceIndex(plan),
    defaultTags: providerDefaultTags(plan),
    accounts: providerAccounts(plan),
    ...(source.constructPaths ? { constructPaths: source.constructPaths } : {}),
  };
  const resources = (plan.resource_changes ?? [])
    .filter(isReviewable)
    .map((rc) => reviewResource(rc, context))
    .sort(byKindThenAddress);
  const drift = relevantDrift(plan)
    .map(reviewDrift)
    .filter((d) => d.kind !== 'no-op')
    .sort(byKindThenAddress);
  const outputs = Object.entries(plan.output_changes ?? {})
    .map(([name, change]) => reviewOutput(plan, name, change))
    .filter((o) => o.kind !== 'no-op')
    .sort((a, b) => compareText(a.name, b.name));
  return {
    file: source.file,
    stack: source.stack ?? stackNameFromPath(source.file),
    ...(plan.terraform_version ? { terraformVersion: plan.terraform_version } : {}),
    formatVersion: plan.format_version,
    counts: countChanges(plan.resource_changes ?? [], drift.length),
    resources,
    drift,
    outputs,
    scrubber: collectSecrets(plan),
  };
}

/** Counts like terraform's "Plan: X to add, Y to change, Z to destroy" (managed resources only). */
export function countChanges(changes: readonly TfResourceChange[], drift = 0): PlanCounts {
  const counts = {
    add: 0,
    change: 0,
    destroy: 0,
    replace: 0,
    import: 0,
    move: 0,
    forget: 0,
    drift,
  };
  for (const rc of changes) {
    if (rc.mode === 'data') continue;
    const kind = actionKind(rc.change.actions);
    if (kind === 'create') counts.add++;
    if (kind === 'update') counts.change++;
    if (kind === 'delete') counts.destroy++;
    if (kind === 'replace') {
      counts.add++;
      counts.destroy++;
      counts.replace++;
    }
    if (kind === 'replace-forget') {
      counts.add++;
      counts.forget++;
      counts.replace++;
    }
    if (kind === 'forget') counts.forget++;
    if (rc.change.importing) counts.import++;
    if (isMoved(rc)) counts.move++;
  }
  return counts;
}

function isReviewable(rc: TfResourceChange): boolean {
  const kind = actionKind(rc.change.actions);
  if (rc.mode === 'data') return kind === 'read';
  return kind !== 'no-op' || Boolean(rc.change.importing) || isMoved(rc);
}

function isMoved(rc: TfResourceChange): boolean {
  return Boolean(rc.previous_address) && rc.previous_address !== rc.address;
}

/** The instance address; rebuilt from its parts for Terraform 1.0.0 drift entries that lack one. */
export function addressOf(rc: TfResourceChange): string {
  if (rc.address) return rc.address;
  const index =
    rc.index === undefined
      ? ''
      : typeof rc.index === 'number'
        ? `[${rc.index}]`
        : `[${JSON.stringify(rc.index)}]`;
  const local = `${rc.mode === 'data' ? 'data.' : ''}${rc.type}.${rc.name}${index}`;
  return rc.module_address ? `${rc.module_address}.${local}` : local;
}

function reviewResource(rc: TfResourceChange, context: PlanContext): ResourceReview {
  const kind = actionKind(rc.change.actions);
  const address = addressOf(rc);
  const changes =
    kind === 'delete' || kind === 'forget'
      ? []
      : withoutDefaultTags(changedAttributes(rc.change), rc.change, kind, context.defaultTags);
  const destructive = kind === 'delete' || kind === 'replace' || kind === 'replace-forget';
  const constructPath = context.constructPaths?.get(configAddress(address));
  // Rules and cost see values with every sensitive part masked: reasons can never leak one.
  const before = redact(rc.change.before, rc.change.before_sensitive);
  const after = redact(rc.change.after, rc.change.after_sensitive);
  const cost =
    rc.mode === 'data'
      ? undefined
      : costChange({
          address,
          type: rc.type,
          kind,
          before: rc.change.before,
          after: rc.change.after,
        });
  const importing = Boolean(rc.change.importing);
  const moved = isMoved(rc);
  const target = rc.change.importing;
  const importId =
    target?.id ?? (target?.identity !== undefined ? formatValue(target.identity) : undefined);
  const reason = reasonWords(rc.action_reason);
  return {
    address,
    ...(moved && rc.previous_address ? { previousAddress: rc.previous_address } : {}),
    type: rc.type,
    mode: rc.mode === 'data' ? 'data' : 'managed',
    ...(rc.deposed ? { deposed: rc.deposed } : {}),
    kind,
    actions: [...rc.change.actions],
    action: actionWords(rc.change.actions, { importing, moved }),
    ...(rc.action_reason ? { reasonCode: rc.action_reason } : {}),
    ...(reason ? { reason } : {}),
    replacePaths: (rc.change.replace_paths ?? []).map((p) => formatPath(p)),
    importing,
    ...(importId !== undefined ? { importId } : {}),
    moved,
    changes,
    risk:
      rc.mode === 'data'
        ? { level: 'low', reasons: [], tagsOnly: false }
        : assessRisk(
            {
              address,
              type: rc.type,
              kind,
              before,
              after,
              afterUnknown: rc.change.after_unknown,
              accounts: context.accounts,
            },
            changes,
          ),
    referencedBy: destructive ? referrersOf(context.references, address) : [],
    ...(constructPath ? { constructPath } : {}),
    ...(cost ? { cost } : {}),
  };
}

/**
 * A create's `tags_all` entries that only mirror the provider's default tags (same key, same
 * value, not set on the resource) are the same on every resource: they are left out.
 */
function withoutDefaultTags(
  changes: AttributeChange[],
  change: TfChange,
  kind: ActionKind,
  defaults: Readonly<Record<string, Json>>,
): AttributeChange[] {
  if (kind !== 'create' || !isObject(change.after ?? null)) return changes;
  const after = change.after as Record<string, Json>;
  const tags = isObject(after['tags'] ?? null) ? (after['tags'] as Record<string, Json>) : {};
  const all = isObject(after['tags_all'] ?? null)
    ? (after['tags_all'] as Record<string, Json>)
    : {};
  const mirrored = new Set(
    Object.keys(all)
      .filter((key) => !(key in tags) && key in defaults && jsonEqual(defaults[key], all[key]))
      .map((key) => formatPath(['tags_all', key])),
  );
  return changes.filter((c) => !mirrored.has(c.path));
}

function relevantDrift(plan: TfPlan): readonly TfResourceChange[] {
  const drift = plan.resource_drift ?? [];
  if (!plan.relevant_attributes) return drift;
  const relevant = new Set(plan.relevant_attributes.map((r) => r.resource));
  return drift.filter((rc) => relevant.has(addressOf(rc)));
}

function reviewDrift(rc: TfResourceChange): DriftReview {
  const kind = actionKind(rc.change.actions);
  const action = kind === 'delete' ? 'deleted outside terraform' : 'changed outside terraform';
  return {
    address: addressOf(rc),
    kind,
    action,
    changes: kind === 'delete' ? [] : changedAttributes(rc.change),
  };
}

function reviewOutput(plan: TfPlan, name: string, change: TfChange): OutputReview {
  const sensitive =
    change.before_sensitive === true ||
    change.after_sensitive === true ||
    plan.planned_values?.outputs?.[name]?.sensitive === true ||
    plan.prior_state?.values?.outputs?.[name]?.sensitive === true;
  const unknown = change.after_unknown === true;
  const show = (
    value: TfChange['before'],
    map: TfChange['before_sensitive'],
  ): string | undefined =>
    value === undefined || value === null
      ? undefined
      : sensitive
        ? SENSITIVE
        : formatValue(redact(value, map));
  const after = unknown ? '(known after apply)' : show(change.after, change.after_sensitive);
  const before = show(change.before, change.before_sensitive);
  return {
    name,
    kind: actionKind(change.actions),
    sensitive,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
}

interface Sortable {
  readonly kind: ActionKind;
  readonly address: string;
  readonly deposed?: string;
}

function byKindThenAddress(a: Sortable, b: Sortable): number {
  return (
    severity(a.kind) - severity(b.kind) ||
    compareText(a.address, b.address) ||
    compareText(a.deposed ?? '', b.deposed ?? '')
  );
}
