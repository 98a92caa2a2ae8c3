// Stacks that are allowed not to converge, each with a written reason. The run prints every
// exception it used, so an allowance never goes unseen.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Residual } from './stack-plan';
import { WORKSPACE_ROOT } from './terraform';

/** The allow-list file. */
export const ALLOWLIST_FILE = join(
  WORKSPACE_ROOT,
  'libs',
  'offline-plan',
  'convergence-allowlist.json',
);

/** One allowed residual change. */
export interface ConvergenceException {
  /** Stack name, `*` matches any run of characters (ecs-*). */
  readonly stack: string;
  /** Resource address (or `output.<name>`), `*` matches any run of characters. */
  readonly address: string;
  /** Why this change is expected on every plan, and what would remove it. */
  readonly reason: string;
}

/** The allow-list; a malformed entry is an error naming it. */
export function loadAllowlist(file = ALLOWLIST_FILE): ConvergenceException[] {
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { exceptions?: unknown };
  const entries = Array.isArray(parsed.exceptions) ? parsed.exceptions : [];
  return entries.map((entry, i) => {
    const e = entry as Partial<ConvergenceException>;
    if (!e.stack || !e.address || !e.reason || e.reason.trim().length < 20)
      throw new Error(
        `${file}: exceptions[${i}] needs "stack", "address" and a "reason" of at least 20 characters`,
      );
    return { stack: e.stack, address: e.address, reason: e.reason };
  });
}

/** Splits residuals into those an exception allows (with it) and the rest. */
export function applyAllowlist(
  stack: string,
  residuals: readonly Residual[],
  exceptions: readonly ConvergenceException[],
): { allowed: { residual: Residual; exception: ConvergenceException }[]; rest: Residual[] } {
  const allowed: { residual: Residual; exception: ConvergenceException }[] = [];
  const rest: Residual[] = [];
  for (const residual of residuals) {
    const exception = exceptions.find(
      (e) => glob(e.stack).test(stack) && glob(e.address).test(residual.address),
    );
    if (exception) allowed.push({ residual, exception });
    else rest.push(residual);
  }
  return { allowed, rest };
}

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}
