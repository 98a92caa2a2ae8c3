import { isObject } from '../plan/json';
import type { Json, JsonObject } from '../plan/types';

/** One statement of an IAM policy document, with every list normalized to sorted strings. */
export interface Statement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  /** `*` for anyone, else `AWS:arn…`, `Service:…`, `Federated:…`. */
  readonly principals: readonly string[];
  /** `Operator key`, e.g. `StringEquals aws:SourceAccount`. */
  readonly conditions: readonly string[];
  /** `Operator key value`, one per value, e.g. `StringLike token.actions.githubusercontent.com:sub repo:o/r:*`. */
  readonly conditionValues: readonly string[];
}

const list = (value: Json | undefined): string[] =>
  value === undefined || value === null
    ? []
    : (Array.isArray(value) ? value : [value]).map(String).sort();

function principals(value: Json | undefined): string[] {
  if (value === '*') return ['*'];
  if (!isObject(value)) return [];
  return Object.entries(value)
    .flatMap(([kind, ids]) => list(ids).map((id) => (id === '*' ? '*' : `${kind}:${id}`)))
    .sort();
}

function conditions(value: Json | undefined): string[] {
  if (!isObject(value)) return [];
  return Object.entries(value)
    .flatMap(([operator, keys]) =>
      (isObject(keys) ? Object.keys(keys) : []).map((k) => `${operator} ${k}`),
    )
    .sort();
}

function conditionValues(value: Json | undefined): string[] {
  if (!isObject(value)) return [];
  return Object.entries(value)
    .flatMap(([operator, keys]) =>
      isObject(keys)
        ? Object.entries(keys).flatMap(([k, values]) =>
            list(values).map((v) => `${operator} ${k} ${v}`),
          )
        : [],
    )
    .sort();
}

/**
 * The statements of a policy document given as JSON text (as `policy`, `assume_role_policy` and
 * `aws_iam_policy_document.json` hold it), or undefined when the text is not a policy document.
 */
export function parsePolicy(text: Json | undefined): Statement[] | undefined {
  if (typeof text !== 'string' || !text.includes('Statement')) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(doc as Json)) return undefined;
  const raw = (doc as JsonObject)['Statement'];
  const items = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return items.filter(isObject).map((s) => ({
    effect: s['Effect'] === 'Deny' ? 'Deny' : 'Allow',
    actions: list(s['Action']),
    notActions: list(s['NotAction']),
    resources: list(s['Resource']),
    notResources: list(s['NotResource']),
    principals: [
      ...principals(s['Principal']),
      ...principals(s['NotPrincipal']).map((p) => `not ${p}`),
    ],
    conditions: conditions(s['Condition']),
    conditionValues: conditionValues(s['Condition']),
  }));
}

/** The 12-digit AWS account ids a text mentions (ARNs, bare ids). */
export function accountsIn(text: string): Set<string> {
  return new Set(text.match(/(?<![0-9])[0-9]{12}(?![0-9])/g) ?? []);
}
