import type { PathStep } from './types';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Formats an attribute path the way reviewers read it: `tags.Name`, `ingress[0].cidr_blocks`,
 * `tags["kubernetes.io/role"]` (keys that are not identifiers are quoted).
 */
export function formatPath(steps: readonly PathStep[]): string {
  let out = '';
  for (const step of steps) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (IDENTIFIER.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}
