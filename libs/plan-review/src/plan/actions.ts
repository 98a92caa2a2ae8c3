/**
 * What a resource change does, reduced from terraform's `actions` list. Declared in review
 * order: what loses data first.
 */
export const ACTION_KINDS = [
  'delete',
  'replace',
  'replace-forget',
  'forget',
  'update',
  'create',
  'no-op',
  'read',
] as const;

/** One of {@link ACTION_KINDS}. */
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Classifies a terraform `actions` list; unknown combinations count as an update. */
export function actionKind(actions: readonly string[]): ActionKind {
  const key = actions.join(',');
  switch (key) {
    case 'delete':
      return 'delete';
    case 'delete,create':
    case 'create,delete':
      return 'replace';
    case 'create,forget':
    case 'forget,create':
      return 'replace-forget';
    case 'forget':
      return 'forget';
    case 'create':
      return 'create';
    case 'read':
      return 'read';
    case 'no-op':
    case '':
      return 'no-op';
    default:
      return 'update';
  }
}

/** Sort rank of a kind: 0 is the most severe. */
export function severity(kind: ActionKind): number {
  return ACTION_KINDS.indexOf(kind);
}

/** True when the change destroys the existing object (a delete or a replacement). */
export function destroysObject(kind: ActionKind): boolean {
  return kind === 'delete' || kind === 'replace';
}

/** Describes an action in words, e.g. "replace (destroy, then create)". */
export function actionWords(
  actions: readonly string[],
  extras: { importing?: boolean; moved?: boolean } = {},
): string {
  const kind = actionKind(actions);
  const base: Record<ActionKind, string> = {
    delete: 'destroy',
    replace:
      actions[0] === 'create'
        ? 'replace (create the new object, then destroy the old one)'
        : 'replace (destroy, then create)',
    'replace-forget': 'replace, but forget the old object instead of destroying it',
    forget: 'forget (remove from state; the object is NOT destroyed)',
    update: 'update in place',
    create: 'create',
    'no-op': 'no change',
    read: 'read (data source)',
  };
  const prefixes = [extras.importing ? 'import' : '', extras.moved ? 'move' : ''].filter(Boolean);
  if (prefixes.length === 0) return base[kind];
  if (kind === 'no-op') return prefixes.join(' and ');
  return `${prefixes.join(' and ')}, then ${base[kind]}`;
}
