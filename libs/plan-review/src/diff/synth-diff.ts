import { compareText } from '../plan/compare';
import { readConfigItems } from './config-items';
import { diffStack, wholeStack, type StackDiff } from './diff-configs';
import { findSynthStacks } from './find-stacks';

/** Every stack of two synth outputs, sorted by name. */
export interface SynthDiff {
  readonly base: string;
  readonly head: string;
  readonly stacks: readonly StackDiff[];
}

/** Compares two synth output folders (BASE and HEAD), stack by stack. */
export function diffSynthOutputs(base: string, head: string): SynthDiff {
  const baseStacks = findSynthStacks(base);
  const headStacks = findSynthStacks(head);
  const names = [...new Set([...baseStacks.keys(), ...headStacks.keys()])].sort(compareText);
  const stacks = names.map((name) => {
    const baseFile = baseStacks.get(name);
    const headFile = headStacks.get(name);
    if (!baseFile) return wholeStack(name, readConfigItems(headFile as string), 'added');
    if (!headFile) return wholeStack(name, readConfigItems(baseFile), 'removed');
    return diffStack(name, readConfigItems(baseFile), readConfigItems(headFile));
  });
  return { base, head, stacks };
}
