import { code, escapeText } from '../markdown/markdown';
import type { ResourceReview } from './model';
import { blastRadius } from './risk-sections';

/** The address in code, with the deposed object key when there is one. */
export function addressCode(resource: ResourceReview): string {
  return resource.deposed
    ? `${code(resource.address)} (deposed object ${code(resource.deposed)})`
    : code(resource.address);
}

/** Terraform's reason, the attributes that forced a replacement, and the blast radius. */
export function why(resource: ResourceReview): string {
  const reason = resource.reason
    ? escapeText(resource.reason)
    : resource.kind === 'delete'
      ? 'no reason given by terraform'
      : '';
  const forced =
    resource.replacePaths.length > 0
      ? `forced by ${resource.replacePaths.map(code).join(', ')}`
      : '';
  return [reason, forced, blastRadius(resource)].filter(Boolean).join('; ');
}
