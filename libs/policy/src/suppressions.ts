import type { IConstruct } from 'constructs';
import type { Suppression } from './types';

const METADATA_TYPE = 'platform:policy-suppression';

/**
 * Exempts a construct (and everything below it) from one rule. The reason is required, is
 * printed in every synth report, and must say why the exception is safe.
 */
export function suppress(scope: IConstruct, rule: string, reason: string): void {
  if (!/^[A-Z0-9-]+$/.test(rule))
    throw new Error(`suppress(${scope.node.path}): "${rule}" is not a rule id`);
  if (reason.trim().split(/\s+/).length < 4) {
    throw new Error(
      `suppress(${scope.node.path}, ${rule}): give a reason of at least four words that says why the exception is safe`,
    );
  }
  scope.node.addMetadata(METADATA_TYPE, { rule, reason: reason.trim() } satisfies Suppression);
}

/** Suppressions declared on a construct itself (not its ancestors). */
export function suppressionsOn(scope: IConstruct): Suppression[] {
  return scope.node.metadata
    .filter((m) => m.type === METADATA_TYPE)
    .map((m) => m.data as Suppression);
}
