import { Annotations, Aspects, type IAspect, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { checkStack, formatFinding, type PolicyReport } from './engine';
import { suppressionsOn } from './suppressions';
import type { Rule, Suppression } from './types';

const reports = new WeakMap<TerraformStack, PolicyReport>();
const checkedJson = new WeakMap<TerraformStack, Record<string, unknown>>();
const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');

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
    const json = node.toTerraform() as Record<string, unknown>;
    const report = checkStack(json, this.rules, suppressionsFor);
    reports.set(node, report);
    if (this.isLastChange(node)) checkedJson.set(node, json);
    for (const finding of report.findings) {
      const target = byPath.get(finding.resource.path) ?? node;
      if (finding.rule.level === 'error') Annotations.of(target).addError(formatFinding(finding));
      else Annotations.of(target).addWarning(formatFinding(finding));
    }
  }

  /**
   * True when nothing can change the stack between this check and the synth that follows it:
   * no other aspect anywhere in the stack (cdktf runs them after this one, on the children) and
   * no custom synthesis step.
   */
  private isLastChange(stack: TerraformStack): boolean {
    return stack.node
      .findAll()
      .every(
        (c) =>
          !(CUSTOM_SYNTHESIS in c) &&
          Aspects.of(c).all.every((aspect) => c === stack && aspect === this),
      );
  }
}

/**
 * The stack JSON the policy check has just read, handed over once to the synth that follows
 * (PlatformStack.toTerraform): cdktf resolves every token of a stack again on each
 * `toTerraform()`, which costs a third of a synth, and nothing changed since. Undefined when it
 * was already taken, or when another aspect or a custom synthesis step could change the stack.
 */
export function takeCheckedJson(stack: TerraformStack): Record<string, unknown> | undefined {
  const json = checkedJson.get(stack);
  checkedJson.delete(stack);
  return json;
}

/** The policy report of a synthesized stack (undefined before synth). */
export function policyReportOf(stack: TerraformStack): PolicyReport | undefined {
  return reports.get(stack);
}
