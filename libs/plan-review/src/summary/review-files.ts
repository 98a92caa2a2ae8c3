import { compareText } from '../plan/compare';
import { readPlanFile } from '../plan/read-plan';
import type { PlanReview } from './model';
import { summarizePlan } from './summarize';

/** Reads and reviews plan files, sorted by stack, then file (stable across runs and machines). */
export function reviewPlanFiles(files: readonly string[]): PlanReview[] {
  return files
    .map((file) => summarizePlan(readPlanFile(file), { file }))
    .sort((a, b) => compareText(a.stack, b.stack) || compareText(a.file, b.file));
}
