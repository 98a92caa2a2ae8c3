// A reviewed resource for tests of the summary's parts (labels, reasons, sections).
import { summarizePlan } from '../src/summary/summarize';
import type { ResourceReview } from '../src/summary/model';
import { plan, rc } from './builders';

/** The review of a destroyed `aws_sqs_queue.q`, with `overrides` applied. */
export function reviewedResource(overrides: Partial<ResourceReview> = {}): ResourceReview {
  const [base] = summarizePlan(plan([rc('aws_sqs_queue.q', ['delete'])]), {
    file: 'p/plan.json',
  }).resources;
  return { ...(base as ResourceReview), ...overrides };
}
