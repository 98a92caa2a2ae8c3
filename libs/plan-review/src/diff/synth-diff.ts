import { compareText } from '../plan/compare';
import { readConfigItems } from './config-items';
import { diffStack, wholeStack, type StackDiff } from './diff-configs';
import { findSynthStacks } from './find-stacks';
import { policyDelta, readPolicyReports, type PolicyDelta } from './policy-delta';
import { preventDestroyRemoved, type PreventDestroyRemoved } from './prevent-destroy';

/** Every stack of two synth outputs, sorted by name. */
export interface SynthDiff {
  readonly base: string;
  readonly head: string;
  readonly stacks: readonly StackDiff[];
  /** Resources that lose `prevent_destroy` (high risk: the plan JSON cannot show it). */
  readonly preventDestroyRemoved: readonly PreventDestroyRemoved[];
  /** Policy suppressions and findings the change adds or removes (from `policy-report.json`). */
  readonly policy: PolicyDelta;
}

/** Compares two synth output folders (BASE and HEAD), stack by stack. */
export function diffSynthOutputs(base: string, head: string): SynthDiff {
  const baseStacks = findSynthStacks(base);
  const headStacks = findSynthStacks(head);
  const names = [...new Set([...baseStacks.keys(), ...headStacks.keys()])].sort(compareText);
  const lost: PreventDestroyRemoved[] = [];
  const stacks = names.map((name) => {
    const baseFile = baseStacks.get(name);
    const headFile = headStacks.get(name);
    if (!baseFile) return wholeStack(name, readConfigItems(headFile as string), 'added');
    if (!headFile) return wholeStack(name, readConfigItems(baseFile), 'removed');
    const [baseItems, headItems] = [readConfigItems(baseFile), readConfigItems(headFile)];
    lost.push(...preventDestroyRemoved(name, baseItems, headItems));
    return diffStack(name, baseItems, headItems);
  });
  return {
    base,
    head,
    stacks,
    preventDestroyRemoved: lost,
    policy: policyDelta(readPolicyReports(base), readPolicyReports(head)),
  };
}
