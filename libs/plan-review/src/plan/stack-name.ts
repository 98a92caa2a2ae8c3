import * as path from 'node:path';

/** File names that say nothing about the stack; the parent folder names it instead. */
const GENERIC_NAMES = new Set([
  'plan',
  'tfplan',
  'terraform',
  'tf',
  'out',
  'plan.out',
  'tfplan.out',
  'cdk.tf',
]);

/**
 * The stack a plan file belongs to: the file name without `.json` / `.plan.json`
 * (`network-prod.plan.json` -> `network-prod`), or the parent folder's name when the file name is
 * generic (`dist/plans/network-prod/plan.json` -> `network-prod`).
 */
export function stackNameFromPath(file: string): string {
  const normalized = file.replace(/\\/g, '/');
  const base = path.posix.basename(normalized);
  const stem = base.replace(/\.json$/i, '').replace(/\.(tf)?plan$/i, '');
  if (stem !== '' && !GENERIC_NAMES.has(stem.toLowerCase())) return stem;
  const parent = path.posix.basename(path.posix.dirname(path.posix.resolve('/', normalized)));
  // resolved against `/`, a file at the top has the empty parent
  return parent === '' ? stem || base : parent;
}
