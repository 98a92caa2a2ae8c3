import { StackView } from './stack-view';
import type { Finding, HonouredSuppression, Rule, Suppression } from './types';

/** The outcome of checking one stack. */
export interface PolicyReport {
  /** Violations nobody suppressed. */
  readonly findings: readonly Finding[];
  /** Violations a reasoned suppression let through. */
  readonly suppressed: readonly HonouredSuppression[];
}

/**
 * Runs every rule over every resource it applies to.
 *
 * @param json the synthesized stack (cdk.tf.json content)
 * @param suppressionsFor the suppressions in force at a construct path (its own and its ancestors')
 */
export function checkStack(
  json: Record<string, unknown>,
  rules: readonly Rule[],
  suppressionsFor: (path: string) => readonly Suppression[] = () => [],
): PolicyReport {
  const stack = new StackView(json);
  const findings: Finding[] = [];
  const suppressed: HonouredSuppression[] = [];
  for (const rule of rules) {
    for (const type of rule.appliesTo) {
      for (const resource of stack.ofType(type)) {
        const result = rule.evaluate(resource, stack);
        if (result.status !== 'non-compliant') continue;
        const suppression = suppressionsFor(resource.path).find((s) => s.rule === rule.id);
        if (suppression) {
          suppressed.push({
            rule: rule.id,
            address: resource.address,
            path: resource.path,
            reason: suppression.reason,
          });
        } else {
          findings.push({ rule, resource, details: result.details });
        }
      }
    }
  }
  const byAddress = (a: { address: string }, b: { address: string }) =>
    a.address.localeCompare(b.address);
  return {
    findings: findings.sort(
      (a, b) => a.rule.id.localeCompare(b.rule.id) || byAddress(a.resource, b.resource),
    ),
    suppressed: suppressed.sort((a, b) => a.rule.localeCompare(b.rule) || byAddress(a, b)),
  };
}

/** One line per finding: rule, construct path, details and the fix. */
export function formatFinding(finding: Finding): string {
  const { rule, resource, details } = finding;
  const checks = [rule.checkov, rule.trivy].filter(Boolean).join(', ');
  return `[${rule.id}${checks ? ` / ${checks}` : ''}] ${resource.path} (${resource.address}): ${rule.message} ${details.join('; ')}. Fix: ${rule.fix}`;
}
