/** Terraform's `action_reason` values in words (terraform 1.2 – 1.15). */
export const ACTION_REASONS: Readonly<Record<string, string>> = {
  replace_because_cannot_update: 'an attribute that cannot be updated in place changed',
  replace_because_tainted:
    'the object is tainted (marked for replacement, e.g. after a failed create or "terraform taint")',
  replace_by_request: 'replacement was requested ("-replace" option)',
  replace_by_triggers: 'a resource or attribute listed in replace_triggered_by changed',
  delete_because_no_resource_config: 'it is no longer in the configuration',
  delete_because_wrong_repetition:
    'count or for_each was added or removed, so the instance key changed kind',
  delete_because_count_index: 'its count index is now out of range (count shrank)',
  delete_because_each_key: 'its for_each key is no longer in the collection',
  delete_because_no_module: 'its module is no longer in the configuration',
  delete_because_no_move_target:
    'a moved block points at an address that is not in the configuration',
  read_because_config_unknown: 'its configuration depends on values known only after apply',
  read_because_dependency_pending: 'it depends on resources that have pending changes',
  read_because_check_nested: 'it belongs to a check block and is always read during apply',
};

/** `action_reason` in words; unknown reasons are returned with underscores as spaces. */
export function reasonWords(reason: string | undefined): string | undefined {
  if (!reason) return undefined;
  return ACTION_REASONS[reason] ?? reason.replace(/_/g, ' ');
}
