import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AWS_SCENARIOS, reviewAws } from '../../test-fixtures/aws-plans';
import { plan, rc } from '../../test-fixtures/builders';
import type { PriceFile } from '../cost/prices';
import { renderSummaryJson } from './render-json';
import { renderSummaryMarkdown } from './render-markdown';
import { summarizePlan } from './summarize';

// The whole report, word for word, as a reviewer reads it, compared with committed golden files
// (test-fixtures/golden/): every line of the comment is a promise to the reader, and a change to
// any of them shows up in the pull request as a diff of the golden file. After an intended
// change, rewrite them with
//   UPDATE_GOLDEN=1 npx jest -c libs/plan-review/jest.config.js golden
// and read the diff before committing.
const GOLDEN = join(__dirname, '..', '..', 'test-fixtures', 'golden');

function expectGolden(name: string, text: string): void {
  const file = join(GOLDEN, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
  }
  if (!existsSync(file))
    throw new Error(`${name} is missing: write it with UPDATE_GOLDEN=1 (see the top of this file)`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const PRICES: PriceFile = {
  date: '2026-11-01',
  currency: 'USD',
  source: 'golden test prices',
  monthly: { aws_nat_gateway: 35.04, aws_eip: 3.65, 'instance_type:t3.large': 64 },
};

/** The reviews of every committed AWS scenario, with paths that read the same on any machine. */
const scenarios = () =>
  AWS_SCENARIOS.map((scenario) => ({
    ...reviewAws(scenario),
    file: `aws-plans/${scenario}/plan.json`,
  }));

/** Imports, moves, forgets, drift, a read, an empty plan and a failed-to-apply change. */
const edgeCases = () => [
  summarizePlan(plan([]), { file: 'plans/empty/plan.json' }),
  summarizePlan(
    plan(
      [
        rc('aws_s3_bucket.imported', ['no-op'], { importing: { id: 'bucket-1' } }),
        rc('aws_s3_bucket.moved', ['no-op'], {}, { previous_address: 'aws_s3_bucket.old' }),
        rc('aws_s3_bucket.kept', ['forget'], { before: { bucket: 'kept' } }),
        rc('data.aws_iam_policy_document.p', ['read'], { after: { json: '{}' } }),
        rc(
          'aws_instance.web',
          ['create', 'delete'],
          {
            before: { instance_type: 't3.micro' },
            after: { instance_type: 't3.large' },
            replace_paths: [['instance_type']],
          },
          { action_reason: 'replace_by_request' },
        ),
        rc('aws_sqs_queue.q', ['update'], {
          before: { tags: { a: '1' } },
          after: { tags: { a: '2' } },
        }),
      ],
      {
        resource_drift: [
          rc('aws_sqs_queue.q', ['update'], {
            before: { visibility_timeout_seconds: 30 },
            after: { visibility_timeout_seconds: 60 },
          }),
        ],
      },
    ),
    { file: 'plans/edges/plan.json' },
  ),
];

describe('the plan review, word for word', () => {
  it('markdown of every AWS scenario, with prices', () => {
    expectGolden('aws-scenarios.md', renderSummaryMarkdown(scenarios(), { prices: PRICES }));
  });

  it('markdown of every AWS scenario shortened to 6,000 characters', () => {
    expectGolden('aws-scenarios-6000.md', renderSummaryMarkdown(scenarios(), { limit: 6_000 }));
  });

  it('JSON of every AWS scenario, with prices', () => {
    expectGolden('aws-scenarios.json', renderSummaryJson(scenarios(), { prices: PRICES }));
  });

  it('markdown and JSON of imports, moves, forgets, reads, drift and an empty plan', () => {
    expectGolden('edge-cases.md', renderSummaryMarkdown(edgeCases()));
    expectGolden('edge-cases.json', renderSummaryJson(edgeCases()));
  });
});
