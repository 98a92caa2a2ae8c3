import { findSynthStacks } from '../diff/find-stacks';
import { compareText } from '../plan/compare';
import { readConstructPaths, synthBeside } from '../plan/construct-paths';
import { readPlanFile } from '../plan/read-plan';
import { stackNameFromPath } from '../plan/stack-name';
import type { PlanReview } from './model';
import { summarizePlan } from './summarize';

/** Options of {@link reviewPlanFiles}. */
export interface ReviewOptions {
  /**
   * Folders holding cdktf synth output; a plan's stack is looked up there by name for construct
   * paths when no `cdk.tf.json` sits beside the plan.
   * @default none — only a `cdk.tf.json` beside the plan is read
   */
  readonly synthDirs?: readonly string[];
}

/** Reads and reviews plan files, sorted by stack, then file (stable across runs and machines). */
export function reviewPlanFiles(
  files: readonly string[],
  options: ReviewOptions = {},
): PlanReview[] {
  const synthStacks = new Map<string, string>();
  for (const dir of options.synthDirs ?? [])
    for (const [stack, file] of findSynthStacks(dir))
      if (!synthStacks.has(stack)) synthStacks.set(stack, file);
  return files
    .map((file) => {
      const synth = synthBeside(file) ?? synthStacks.get(stackNameFromPath(file));
      return summarizePlan(readPlanFile(file), {
        file,
        ...(synth ? { constructPaths: readConstructPaths(synth) } : {}),
      });
    })
    .sort((a, b) => compareText(a.stack, b.stack) || compareText(a.file, b.file));
}
