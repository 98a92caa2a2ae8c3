import type { ResourceView } from '../../types';

/**
 * The containers of a task definition, or undefined when they cannot be read (fail closed).
 * References inside string values (a log group name) keep the JSON readable; a definition
 * that is one expression (`${jsonencode(...)}`) does not parse and fails.
 */
export function containersOf(task: ResourceView): Record<string, unknown>[] | undefined {
  const raw = task.config['container_definitions'];
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Findings for each container that fails `ok`, or one finding when the definitions cannot be read. */
export function perContainer(
  task: ResourceView,
  ok: (c: Record<string, unknown>) => string | undefined,
): string[] {
  const containers = containersOf(task);
  if (!containers) return ['container_definitions cannot be read'];
  return containers.flatMap((c) => {
    const problem = ok(c);
    return problem ? [`container ${JSON.stringify(c['name'] ?? '?')}: ${problem}`] : [];
  });
}
