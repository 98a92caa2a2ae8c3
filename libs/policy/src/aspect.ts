import { Annotations, type IAspect, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { checkStack, formatFinding, type PolicyReport } from './engine';
import { suppressionsOn } from './suppressions';
import type { Rule, Suppression } from './types';

const reports = new WeakMap<TerraformStack, PolicyReport>();

/**
 * Checks a stack against a rule pack at synth. Every unsuppressed error-level finding becomes
 * an error annotation on the offending construct, which makes `app.synth()` fail with the
 * construct path and the rule; honoured suppressions are kept for the synth report.
 */
export class PolicyAspect implements IAspect {
  constructor(private readonly rules: readonly Rule[]) {}

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformStack)) return;
    const byPath = new Map<string, IConstruct>(node.node.findAll().map((c) => [c.node.path, c]));
    const suppressionsFor = (path: string): Suppression[] => {
      const found: Suppression[] = [];
      for (let current = byPath.get(path); current; current = current.node.scope) {
        found.push(...suppressionsOn(current));
        if (current === node) break;
      }
      return found;
    };
    const report = checkStack(
      node.toTerraform() as Record<string, unknown>,
      this.rules,
      suppressionsFor,
    );
    reports.set(node, report);
    for (const finding of report.findings) {
      const target = byPath.get(finding.resource.path) ?? node;
      if (finding.rule.level === 'error') Annotations.of(target).addError(formatFinding(finding));
      else Annotations.of(target).addWarning(formatFinding(finding));
    }
  }
}

/** The policy report of a synthesized stack (undefined before synth). */
export function policyReportOf(stack: TerraformStack): PolicyReport | undefined {
  return reports.get(stack);
}
