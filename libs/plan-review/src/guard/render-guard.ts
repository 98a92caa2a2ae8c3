import type { GuardFinding, GuardResult } from './guard';

/** The guard's report as plain text: one line per finding, violations first. */
export function renderGuardText(result: GuardResult): string {
  const lines: string[] = [];
  const { violations, allowed, plansChecked, failOn } = result;
  const risk = failOn
    ? `, and no change is of ${failOn === 'high' ? 'high' : 'medium or high'} risk`
    : '';
  if (violations.length === 0) {
    lines.push(
      `plan-review guard: OK — no protected resource is destroyed or replaced${risk} (${plansChecked} plan(s) checked).`,
    );
  } else {
    const destroys = violations.filter((f) => f.kind === 'destroy').length;
    const risky = violations.length - destroys;
    const parts = [
      destroys > 0 ? `${destroys} protected resource(s) would be destroyed or replaced` : '',
      risky > 0 ? `${risky} change(s) at or above --fail-on ${failOn}` : '',
    ].filter(Boolean);
    lines.push(
      `plan-review guard: BLOCKED — ${parts.join('; ')}:`,
      ...violations.map((f) => `  ✗ ${line(f)}`),
      'To let one through on purpose, re-run with --allow ADDRESS (or add it to the guard config\'s "allow" list, with a reason).',
    );
  }
  if (allowed.length > 0) {
    lines.push(
      `Allowed on purpose (${allowed.length}):`,
      ...allowed.map((f) => `  ✓ ${line(f)} — allowed: ${f.allowedBy?.reason ?? ''}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The guard's report as JSON. */
export function renderGuardJson(result: GuardResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

function line(f: GuardFinding): string {
  if (f.kind === 'risk')
    return `[${f.stack}] ${f.address}: ${f.action} — ${f.level} risk: ${f.why}`;
  return `[${f.stack}] ${f.address}: ${f.action} — because ${f.why} — protected (${f.protectedBy.match}): ${f.protectedBy.reason}`;
}
