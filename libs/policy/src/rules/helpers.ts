import { fromDetails } from '../results';
import type {
  PolicyDocument,
  PolicyStatement,
  ResourceView,
  RuleResult,
  StackContext,
} from '../types';

/** Whether a value is a Terraform reference or expression rather than a literal. */
export const isExpression = (value: unknown): boolean =>
  typeof value === 'string' && value.includes('${');

/** Nested blocks are lists of objects in the JSON; a single object is accepted too. */
export function blocks(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value as Record<string, unknown>[];
  return value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
}

/** The policy of a resource's `attribute`, or undefined when it cannot be resolved (fail closed). */
export function policyOf(
  resource: ResourceView,
  stack: StackContext,
  attribute: string,
): PolicyDocument | undefined {
  return stack.policyDocument(resource.config[attribute]);
}

/**
 * The `evaluate` of a rule that reads one policy document per resource (the attribute that holds
 * it, by resource type): the findings `check` returns for the document, and a finding when the
 * document cannot be read (rules fail closed).
 */
export function policyRule(
  attributeByType: Readonly<Record<string, string>>,
  check: (policy: PolicyDocument) => readonly string[],
): (resource: ResourceView, stack: StackContext) => RuleResult {
  return (resource, stack) => {
    const policy = policyOf(resource, stack, attributeByType[resource.type] as string);
    return fromDetails(policy ? check(policy) : ['the policy cannot be read']);
  };
}

/** Resources of `type` that configure the `bucket` of `bucket`. */
export const bucketCompanions = (stack: StackContext, type: string, bucket: ResourceView) =>
  stack.referencing(type, bucket, 'bucket');

/** Whether a statement names the principal "*" under any principal type. */
export const allowsAnyPrincipal = (statement: PolicyStatement): boolean =>
  Object.values(statement.principals).some((ids) => ids.includes('*'));

/** One finding per Allow statement of `policy` that lets any principal in. */
export const wildcardPrincipalFindings = (policy: PolicyDocument): string[] =>
  policy.statements
    .filter((s) => s.effect === 'Allow' && allowsAnyPrincipal(s))
    .map((s) => `statement ${s.sid ?? '(no sid)'} allows principal "*"`);
