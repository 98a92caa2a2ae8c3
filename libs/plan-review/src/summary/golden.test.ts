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

/**
 * Imports, moves, forgets, drift, a read, an empty plan, outputs, two plans of one stack and more
 * low-risk creates than one stack lists.
 */
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
  summarizePlan(
    plan([rc('aws_sqs_queue.q2', ['delete'])], {
      output_changes: {
        url: { actions: ['update'], before: 'https://a', after: 'https://b' },
        endpoint: { actions: ['create'], before: null, after: 'db:5432' },
        arn: { actions: ['create'], before: null, after: null, after_unknown: true },
        token: {
          actions: ['update'],
          before: 'tok-1',
          after: 'tok-2',
          before_sensitive: true,
          after_sensitive: true,
        },
        old: { actions: ['delete'], before: 'gone', after: null },
      },
    }),
    // a second plan of the same stack: the report names both files
    { file: 'retry/edges/plan.json' },
  ),
  summarizePlan(
    plan([
      ...Array.from({ length: 12 }, (_, i) =>
        rc(`aws_ssm_parameter.p${String(i).padStart(2, '0')}`, ['create'], {
          after: { name: `/app/p${i}`, value: 'v' },
        }),
      ),
      rc('aws_vpc_security_group_ingress_rule.ssh', ['create'], {
        after: { cidr_ipv4: '0.0.0.0/0', from_port: 22, to_port: 22, ip_protocol: 'tcp' },
      }),
    ]),
    { file: 'plans/params/plan.json' },
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

  it('markdown of every AWS scenario at each shortening stage', () => {
    const reviews = scenarios();
    const stages = [1_500, 2_500, 4_000, 6_000, 9_000, 14_000, 20_000].map(
      (limit) =>
        `<!-- limit ${limit} -->\n\n${renderSummaryMarkdown(reviews, { limit, prices: PRICES })}`,
    );
    expectGolden('aws-scenarios-limits.md', stages.join('\n'));
  });

  it('markdown of the edge cases at each shortening stage', () => {
    const reviews = edgeCases();
    const stages = [1_200, 2_000, 3_000, 4_000].map(
      (limit) => `<!-- limit ${limit} -->\n\n${renderSummaryMarkdown(reviews, { limit })}`,
    );
    expectGolden('edge-cases-limits.md', stages.join('\n'));
  });

  it('markdown and JSON of imports, moves, forgets, reads, drift, outputs, folded creates and an empty plan', () => {
    expectGolden('edge-cases.md', renderSummaryMarkdown(edgeCases()));
    expectGolden('edge-cases.json', renderSummaryJson(edgeCases()));
  });
});
