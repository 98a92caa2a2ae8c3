import type { ActionKind } from '../plan/actions';
import type { ResourceReview } from './model';

const KIND_LABELS: Record<ActionKind, string> = {
  delete: 'destroy',
  replace: 'replace',
  'replace-forget': 'replace (old object forgotten)',
  forget: 'forget',
  update: 'update',
  create: 'create',
  'no-op': '',
  read: 'read',
};

const KIND_ICONS: Record<ActionKind, string> = {
  delete: '🛑',
  replace: '🔁',
  'replace-forget': '🔁',
  forget: '👋',
  update: '✏️',
  create: '➕',
  'no-op': '·',
  read: '📖',
};

/** A short label: `destroy`, `replace`, `import + update`, `move`, ... */
export function shortLabel(resource: Pick<ResourceReview, 'kind' | 'importing' | 'moved'>): string {
  return [
    resource.importing ? 'import' : '',
    resource.moved ? 'move' : '',
    KIND_LABELS[resource.kind],
  ]
    .filter((part) => part !== '')
    .join(' + ');
}

/** The icon that leads a resource line. */
export function icon(resource: Pick<ResourceReview, 'kind' | 'importing' | 'moved'>): string {
  if (resource.kind === 'no-op') return resource.importing ? '📥' : '🚚';
  return KIND_ICONS[resource.kind];
}

/** True for the changes listed in the "Destroys and replacements" section. */
export function isDestructive(resource: Pick<ResourceReview, 'kind'>): boolean {
  return (
    resource.kind === 'delete' || resource.kind === 'replace' || resource.kind === 'replace-forget'
  );
}
