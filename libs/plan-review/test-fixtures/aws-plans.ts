// The committed AWS plans made by make-plans.mjs (real terraform and provider, offline).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanReview, ResourceReview } from '../src/summary/model';
import { reviewPlanFiles } from '../src/summary/review-files';

/** The scenarios of aws-scenarios.mjs. */
export const AWS_SCENARIOS = [
  'stateful',
  'exposure',
  'iam',
  'protection',
  'tags-only',
  'cost',
] as const;

/** The plan.json of a scenario (a cdk.tf.json sits beside it). */
export function awsPlanFile(scenario: (typeof AWS_SCENARIOS)[number]): string {
  return join(__dirname, 'aws-plans', scenario, 'plan.json');
}

/** terraform's own "Plan:" line of the run that made the scenario's plan. */
export function awsPlanLine(scenario: (typeof AWS_SCENARIOS)[number]): string {
  return readFileSync(join(__dirname, 'aws-plans', scenario, 'plan-line.txt'), 'utf8').trim();
}

/**
 * The review of one scenario, read and reviewed on every call: a cached review would be built by
 * whichever test asked first, and a mutation run would credit only that test with checking it.
 */
export function reviewAws(scenario: (typeof AWS_SCENARIOS)[number]): PlanReview {
  return reviewPlanFiles([awsPlanFile(scenario)])[0];
}

/** One resource of a review, by address; throws when it is not there. */
export function resourceOf(review: PlanReview, address: string): ResourceReview {
  const found = review.resources.find((r) => r.address === address);
  if (!found) throw new Error(`${review.stack}: no change for ${address}`);
  return found;
}
