import { isObject } from '../plan/json';
import type { Json } from '../plan/types';
import { accountsIn, parsePolicy, type Statement } from './policy-doc';
import type { RiskInput, RiskRule } from './types';

/** Types whose policy documents are identity policies: what their holder may do, anywhere. */
const IDENTITY_POLICY_TYPES = new Set([
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_iam_role',
  'aws_ssoadmin_permission_set_inline_policy',
]);

/** Types whose resource policy's `Resource: "*"` means the resource itself. */
const SELF_RESOURCE_TYPES = new Set(['aws_kms_key', 'aws_kms_key_policy']);

/** A policy document attribute found in a resource: where, and its text before and after. */
interface PolicyPair {
  readonly path: string;
  readonly before: Json | undefined;
  readonly after: Json | undefined;
  readonly trust: boolean;
}

/** Top-level and one-level nested string attributes that hold policy documents. */
function policyPairs(change: RiskInput): PolicyPair[] {
  const pairs = new Map<string, PolicyPair>();
  const visit = (value: Json | undefined, side: 'before' | 'after') => {
    if (!isObject(value)) return;
    for (const [key, v] of Object.entries(value)) {
      const add = (path: string, text: Json | undefined) => {
        if (parsePolicy(text) === undefined) return;
        const old = pairs.get(path) ?? {
          path,
          before: undefined,
          after: undefined,
          trust: key === 'assume_role_policy',
        };
        pairs.set(path, { ...old, [side]: text });
      };
      add(key, v);
      if (Array.isArray(v))
        v.forEach((item, i) => {
          if (isObject(item))
            for (const [inner, text] of Object.entries(item)) add(`${key}[${i}].${inner}`, text);
        });
    }
  };
  visit(change.before, 'before');
  visit(change.after, 'after');
  return [...pairs.values()];
}

const allows = (doc: readonly Statement[]) => doc.filter((s) => s.effect === 'Allow');
const union = (doc: readonly Statement[], pick: (s: Statement) => readonly string[]) =>
  new Set(doc.flatMap(pick));
const added = (before: Set<string>, after: Set<string>) => [...after].filter((x) => !before.has(x));

/** True when an IAM pattern (`*` and `?` wildcards, case-insensitive) matches a value. */
function matches(pattern: string, value: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(value);
}

/** Items of `after` that no pattern of `before` already covers. */
const uncovered = (before: Set<string>, after: Set<string>) =>
  [...after].filter((x) => ![...before].some((b) => matches(b, x)));
const quote = (items: readonly string[]) => items.map((i) => `\`${i}\``).join(', ');

/** What a policy change widens, split by level. */
function policyFindings(change: RiskInput): { high: string[]; medium: string[] } {
  const high: string[] = [];
  const medium: string[] = [];
  // a delete has no after: policyPairs gives nothing to read
  const ownAccounts = new Set([
    ...(change.accounts ?? []),
    ...accountsIn(JSON.stringify([change.before ?? null, change.after ?? null].map(stripPolicies))),
  ]);
  const identity = IDENTITY_POLICY_TYPES.has(change.type);
  for (const pair of policyPairs(change)) {
    const after = parsePolicy(pair.after);
    if (after === undefined) continue;
    const before = parsePolicy(pair.before) ?? [];
    const own = new Set([
      ...ownAccounts,
      ...accountsIn(after.flatMap((s) => s.resources).join(' ')),
    ]);
    const where = pair.trust ? 'trust policy' : `\`${pair.path}\``;
    const newActions = uncovered(
      union(allows(before), (s) => s.actions),
      union(allows(after), (s) => s.actions),
    );
    const newResources = uncovered(
      union(allows(before), (s) => s.resources),
      union(allows(after), (s) => s.resources),
    );
    const newPrincipals = added(
      union(allows(before), (s) => s.principals),
      union(allows(after), (s) => s.principals),
    );
    // A new resource policy names its own resource (a key policy's "*" is the key itself) and
    // grants what its principals may do there; what widens it is who those principals are.
    const grantsChecked = identity || (change.kind !== 'create' && !pair.trust);
    const wildcardActions = newActions.filter((a) => a.includes('*'));
    if (grantsChecked && wildcardActions.length > 0)
      high.push(`${where}: wildcard actions ${quote(wildcardActions)} allowed`);
    if (grantsChecked && !SELF_RESOURCE_TYPES.has(change.type) && newResources.includes('*'))
      high.push(`${where}: actions allowed on every resource (\`*\`)`);
    const notAction = added(
      union(allows(before), (s) => s.notActions),
      union(allows(after), (s) => s.notActions),
    );
    if (notAction.length > 0)
      high.push(`${where}: Allow with NotAction ${quote(notAction)} (everything else allowed)`);
    // parsePolicy gives every `*` principal (`"*"`, `{"AWS": "*"}`) as `*`
    if (newPrincipals.includes('*')) high.push(`${where}: any principal (\`*\`) allowed`);
    // Without any known account of its own, "another account" cannot be told apart.
    const foreign = newPrincipals.filter(
      (p) => own.size > 0 && p.startsWith('AWS:') && [...accountsIn(p)].some((a) => !own.has(a)),
    );
    if (foreign.length > 0)
      high.push(`${where}: principal of another account ${quote(foreign)} allowed`);
    if (change.kind !== 'create') {
      const lostConditions = added(
        union(allows(after), (s) => s.conditions),
        union(allows(before), (s) => s.conditions),
      );
      if (lostConditions.length > 0)
        high.push(`${where}: conditions removed: ${quote(lostConditions)}`);
      // a condition kept but its value widened to a pattern: `repo:o/r:ref:refs/heads/main` → `repo:o/r:*`
      const wildcardValues = added(
        union(allows(before), (s) => s.conditionValues),
        union(allows(after), (s) => s.conditionValues),
      ).filter((c) => c.includes('*'));
      if (wildcardValues.length > 0)
        high.push(`${where}: condition values with wildcards ${quote(wildcardValues)}`);
      const denies = (doc: readonly Statement[]) =>
        new Set(doc.filter((s) => s.effect === 'Deny').map((s) => JSON.stringify(s)));
      if (added(denies(after), denies(before)).length > 0)
        high.push(`${where}: a Deny statement removed`);
      const plainActions = newActions.filter((a) => !a.includes('*'));
      if (plainActions.length > 0)
        medium.push(
          `${where}: new actions ${quote(plainActions.slice(0, 5))}${plainActions.length > 5 ? ` and ${plainActions.length - 5} more` : ''}`,
        );
      const plainResources = newResources.filter((r) => r !== '*');
      if (plainResources.length > 0)
        medium.push(
          `${where}: new resources ${quote(plainResources.slice(0, 3))}${plainResources.length > 3 ? ` and ${plainResources.length - 3} more` : ''}`,
        );
      const otherPrincipals = newPrincipals.filter((p) => p !== '*' && !foreign.includes(p));
      if (otherPrincipals.length > 0)
        medium.push(`${where}: new principals ${quote(otherPrincipals)}`);
      if (
        pair.trust &&
        high.length + medium.length === 0 &&
        JSON.stringify(before) !== JSON.stringify(after)
      )
        medium.push('trust policy changed');
    }
  }
  return { high, medium };
}

/** The resource with its policy documents left out, to find the accounts it belongs to. */
function stripPolicies(value: Json | undefined): Json {
  if (!isObject(value)) return null;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => parsePolicy(v) === undefined));
}

/** Rules about IAM: policy documents compared statement by statement. */
export const IAM_RULES: readonly RiskRule[] = [
  {
    id: 'iam-widened',
    level: 'high',
    finds:
      'a policy document (identity, resource or trust policy; JSON strings and `aws_iam_policy_document` results alike) newly allows wildcard actions, every resource (`*`), NotAction, any principal, or a principal of another account; or loses a condition or a Deny statement; or a condition value newly holds a `*` pattern (an OIDC `sub` widened to every branch)',
    check: (change) => policyFindings(change).high,
  },
  {
    id: 'iam-changed',
    level: 'medium',
    finds:
      'an existing policy document allows new actions, resources or principals, or a trust policy changed otherwise',
    check: (change) => policyFindings(change).medium,
  },
];
