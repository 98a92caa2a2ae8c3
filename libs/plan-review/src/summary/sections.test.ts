import { reviewAws } from '../../test-fixtures/aws-plans';
import { plan, rc } from '../../test-fixtures/builders';
import { reviewedResource } from '../../test-fixtures/reviewed-resource';
import type { CostChange } from '../cost/cost-changes';
import type { PriceFile } from '../cost/prices';
import { costText, money, renderCostSection } from './cost-section';
import type { ResourceReview } from './model';
import { reasonMarkdown, reasonText, renderEyesSection } from './risk-sections';
import { summarizePlan } from './summarize';

/** A reviewed resource whose risk has these reasons. */
const withReasons = (...texts: string[]): ResourceReview =>
  reviewedResource({
    risk: {
      level: 'high',
      reasons: texts.map((text) => ({ rule: 'r', level: 'high' as const, text })),
      tagsOnly: false,
    },
  });

describe('high-risk reasons cut to fit', () => {
  it('keeps every reason that fits, joined', () => {
    expect(reasonText(withReasons('abc', 'de'), 7)).toBe('abc; de');
    expect(reasonText(withReasons('abc', 'de'), 100)).toBe('abc; de');
  });

  it('keeps the first reason and counts the rest when they do not all fit', () => {
    expect(reasonText(withReasons('abc', 'de', 'f'), 6)).toBe('abc (+2 more)');
  });

  it('cuts a first reason longer than the room with an ellipsis', () => {
    expect(reasonText(withReasons('abcdefgh'), 4)).toBe('abc…');
    expect(reasonText(withReasons('abcdefgh', 'x'), 4)).toBe('abc… (+1 more)');
  });

  it('gives nothing without room or without reasons', () => {
    expect(reasonText(withReasons('abc'), 0)).toBe('');
    expect(reasonText(withReasons(), 50)).toBe('');
  });

  it('neutralizes HTML in reasons', () => {
    expect(reasonMarkdown('a <script> b')).toBe('a \\<script\\> b');
  });

  it('says so when no change is high risk, with the medium ones counted', () => {
    expect(renderEyesSection([], 100)).toBe(
      '### 👀 What needs your eyes\n\nNo high-risk change found by the risk rules.\n',
    );
    // the exposure scenario without its high-risk changes: three medium ones are left
    const exposure = reviewAws('exposure');
    const mediumOnly = {
      ...exposure,
      resources: exposure.resources.filter((r) => r.risk.level !== 'high'),
    };
    expect(renderEyesSection([mediumOnly], 100)).toBe(
      '### 👀 What needs your eyes\n\nNo high-risk change found by the risk rules. 3 medium-risk changes in the stack details.\n',
    );
  });
});

describe('cost lines', () => {
  const change = (over: Partial<CostChange>): CostChange => ({
    address: 'aws_x.y',
    type: 'aws_x',
    count: 0,
    deltas: [],
    ...over,
  });

  it('signs counts and deltas with + and the minus sign', () => {
    expect(costText(change({ count: 1, billed: 'NAT gateway' }))).toBe('+1 NAT gateway');
    expect(costText(change({ count: -1 }))).toBe('−1 aws_x');
    expect(
      costText(change({ deltas: [{ path: 'desired_count', before: 4, after: 2, delta: -2 }] })),
    ).toBe('`desired_count` 4 → 2 (−2)');
    expect(money(3.5, 'USD')).toBe('+3.50 USD');
    expect(money(-3.5, 'USD')).toBe('−3.50 USD');
    expect(money(0, 'USD')).toBe('0.00 USD');
  });

  it('shows only the new value of a created object, and (none) for a value that went away', () => {
    expect(
      costText(change({ count: 1, deltas: [{ path: 'instance_type', after: 't3.large' }] })),
    ).toBe('+1 aws_x; `instance_type` "t3.large"');
    expect(costText(change({ deltas: [{ path: 'instance_type', after: 't3.large' }] }))).toBe(
      '`instance_type` (none) → "t3.large"',
    );
  });

  it('has no section without cost-relevant changes, and counts unpriced changes with prices', () => {
    const review = (changes: ReturnType<typeof rc>[]) =>
      summarizePlan(plan(changes), { file: 'p/plan.json' });
    expect(renderCostSection([review([rc('aws_sqs_queue.q', ['create'])])], undefined, 10)).toBe(
      '',
    );
    const prices: PriceFile = {
      date: '2026-11-01',
      currency: 'USD',
      source: 's',
      monthly: { aws_nat_gateway: 30 },
    };
    const nat = review([rc('aws_nat_gateway.n', ['create'], { after: {} })]);
    expect(renderCostSection([nat], prices, 10)).toContain(
      'Estimated change per month: **+30.00 USD** from `s` (2026-11-01).',
    );
    const eip = review([rc('aws_eip.e', ['create'], { after: {} })]);
    expect(renderCostSection([nat, eip], prices, 10)).toContain(
      'Estimated change per month: **+30.00 USD** from `s` (2026-11-01); 1 change without a price in the file.',
    );
  });
});
