// The second look: a state made from a plan holds placeholders wherever the plan did not know a
// value. Planning the same configuration against that state computes many of those values
// (policy documents that embed ARNs, names built from ids). Where the first plan did not know a
// value and the next plan does, the next plan's value is what apply would have recorded; values
// the first plan knew are never touched, so a real perpetual diff stays visible.
import type { Json, Marks, Plan, State } from './plan-json';
import { clone, getAt, isMarked, markedPaths, setAt } from './paths';
import { ctyTypeOf } from './state-from-plan';

const CHANGING = (actions: readonly string[]) =>
  actions.some((a) => a === 'update' || a === 'create') && !actions.includes('read');

/** The state with placeholders replaced by what `next` computed; `refined` counts the values set. */
export function refineState(
  state: State,
  first: Plan,
  next: Plan,
): { readonly state: State; readonly refined: number } {
  const refinedState = clone(state as unknown as Json) as unknown as State;
  const firstUnknown = new Map<string, Marks | undefined>();
  for (const change of first.resource_changes ?? [])
    firstUnknown.set(change.address, change.change.after_unknown);
  let refined = 0;
  for (const change of next.resource_changes ?? []) {
    if (change.mode !== 'managed' || !CHANGING(change.change.actions)) continue;
    const instance = findInstance(refinedState, change.type, change.name, change.index);
    if (!instance) continue;
    // whole top-level attributes: set elements have no stable index to refine by
    const attributes = new Set(markedPaths(firstUnknown.get(change.address)).map((p) => p[0]!));
    for (const attribute of attributes) {
      const path = [attribute];
      const before = getAt(instance.attributes, path);
      const stillUnknown = isMarked(change.change.after_unknown, path);
      // known now: what apply would have stored. Still unknown and the cause of a replacement: an
      // optional+computed attribute that the provider keeps when the state has none
      const value = stillUnknown
        ? replaces(change.change.replace_paths, attribute)
          ? null
          : undefined
        : getAt(change.change.after, path);
      if (value === undefined || JSON.stringify(before) === JSON.stringify(value)) continue;
      setAt(instance.attributes, path, clone(value));
      refined++;
    }
  }
  for (const [name, change] of Object.entries(next.output_changes ?? {})) {
    const before = first.output_changes?.[name];
    if (!CHANGING(change.actions) || !before || markedPaths(before.after_unknown).length === 0)
      continue;
    if (markedPaths(change.after_unknown).length > 0 || change.after === undefined) continue;
    const value = clone(change.after as Json);
    refinedState.outputs[name] = {
      ...refinedState.outputs[name],
      value,
      type: ctyTypeOf(value),
    };
    refined++;
  }
  refinedState.serial++;
  return { state: refinedState, refined };
}

function replaces(
  paths: readonly (readonly (string | number)[])[] | undefined,
  attribute: string | number,
) {
  return (paths ?? []).some((p) => p[0] === attribute);
}

function findInstance(
  state: State,
  type: string,
  name: string,
  index: string | number | undefined,
) {
  const resource = state.resources.find((r) => r.type === type && r.name === name);
  return resource?.instances.find((i) => i.index_key === index);
}
