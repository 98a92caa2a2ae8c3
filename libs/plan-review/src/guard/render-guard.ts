import type { GuardFinding, GuardResult } from './guard';

/** The guard's report as plain text: one line per finding, violations first. */
export function renderGuardText(result: GuardResult): string {
  const lines: string[] = [];
  const { violations, allowed, plansChecked } = result;
  if (violations.length === 0) {
    lines.push(
      `plan-review guard: OK — no protected resource is destroyed or replaced (${plansChecked} plan(s) checked).`,
    );
  } else {
    lines.push(
      `plan-review guard: BLOCKED — ${violations.length} protected resource(s) would be destroyed or replaced:`,
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
  return `[${f.stack}] ${f.address}: ${f.action} — because ${f.why} — protected (${f.protectedBy.match}): ${f.protectedBy.reason}`;
}
