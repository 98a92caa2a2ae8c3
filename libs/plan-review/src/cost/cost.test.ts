import { dirname, join } from 'node:path';
import { reviewAws, resourceOf } from '../../test-fixtures/aws-plans';
import { writeTempFiles } from '../../test-fixtures/temp-files';
import { InputError } from '../errors';
import { renderSummaryJson } from '../summary/render-json';
import { renderSummaryMarkdown } from '../summary/render-markdown';
import { monthlyDelta, readPriceFile, type PriceFile } from './prices';

const PRICES: PriceFile = {
  date: '2026-11-01',
  currency: 'USD',
  source: 'test prices, eu-west-1 on-demand',
  monthly: {
    aws_nat_gateway: 35.04,
    aws_eip: 3.65,
    'instance_type:t3.micro': 8,
    'instance_type:t3.large': 64,
  },
};

describe('cost-relevant changes on a real plan', () => {
  it('lists new NAT gateways and public IPs, task counts, node sizes, capacity and retention with their deltas', () => {
    const review = reviewAws('cost');
    expect(resourceOf(review, 'aws_nat_gateway.a').cost).toMatchObject({
      count: 1,
      billed: 'NAT gateway',
    });
    expect(resourceOf(review, 'aws_ecs_service.api').cost?.deltas).toEqual([
      { path: 'desired_count', before: 2, after: 4, delta: 2 },
    ]);
    expect(
      resourceOf(review, 'aws_eks_node_group.workers').cost?.deltas.map((d) => d.path),
    ).toEqual(['instance_types', 'scaling_config[0].desired_size', 'scaling_config[0].max_size']);
    expect(resourceOf(review, 'aws_dynamodb_table.orders').cost?.deltas[0]).toMatchObject({
      delta: 45,
    });
    expect(resourceOf(review, 'aws_cloudwatch_log_group.api').cost?.deltas[0]).toMatchObject({
      path: 'retention_in_days',
      before: 30,
      after: 3653,
    });
  });

  it('shows no amount without a price file', () => {
    const md = renderSummaryMarkdown([reviewAws('cost')]);
    expect(md).toContain('| `cost` | `aws_ecs_service.api` | `desired_count` 2 → 4 (+2) |');
    expect(md).toContain('No prices given');
    expect(md).not.toMatch(/USD|\$/);
  });

  it('adds dated amounts from a price file, and says which changes had no price', () => {
    const review = reviewAws('cost');
    const md = renderSummaryMarkdown([review], { prices: PRICES });
    expect(md).toContain('| `cost` | `aws_nat_gateway.a` | +1 NAT gateway | +35.04 USD |');
    expect(md).toContain(
      'Estimated change per month: **+38.69 USD** from `test prices, eu-west-1 on-demand` (2026-11-01); 4 changes without a price in the file.',
    );
    const json = JSON.parse(renderSummaryJson([review], { prices: PRICES }));
    expect(json.prices).toEqual({
      date: '2026-11-01',
      currency: 'USD',
      source: 'test prices, eu-west-1 on-demand',
    });
    expect(
      json.costChanges.find((c: { address: string }) => c.address === 'aws_eip.nat').monthly,
    ).toBe(3.65);
  });

  it('prices a resize by the difference of its sizes, and a destroy as a saving', () => {
    const size = { attribute: 'instance_type', before: 't3.micro', after: 't3.large' };
    expect(
      monthlyDelta({ address: 'i', type: 'aws_instance', count: 0, deltas: [], size }, PRICES),
    ).toBe(56);
    expect(
      monthlyDelta({ address: 'n', type: 'aws_nat_gateway', count: -1, deltas: [] }, PRICES),
    ).toBe(-35.04);
    expect(
      monthlyDelta({ address: 'k', type: 'aws_kms_key', count: -1, deltas: [] }, PRICES),
    ).toBeUndefined();
  });

  it('prices a created or destroyed object by its size when its type has no price', () => {
    const sized = (count: number, before?: string, after?: string) =>
      monthlyDelta(
        {
          address: 'i',
          type: 'aws_instance',
          count,
          deltas: [],
          size: { attribute: 'instance_type', before, after },
        },
        PRICES,
      );
    expect(sized(1, undefined, 't3.large')).toBe(64);
    expect(sized(-1, 't3.micro', undefined)).toBe(-8);
    expect(sized(1, undefined, 't3.nano')).toBeUndefined();
    // a type price wins over the size's
    expect(
      monthlyDelta(
        {
          address: 'n',
          type: 'aws_nat_gateway',
          count: 2,
          deltas: [],
          size: { attribute: 'instance_type', after: 't3.large' },
        },
        PRICES,
      ),
    ).toBe(70.08);
  });

  it('prices a size set where there was none as its full price, and has no amount without a price or a change', () => {
    const resized = (before?: string, after?: string) =>
      monthlyDelta(
        {
          address: 'i',
          type: 'aws_instance',
          count: 0,
          deltas: [],
          size: { attribute: 'instance_type', before, after },
        },
        PRICES,
      );
    expect(resized(undefined, 't3.micro')).toBe(8);
    expect(resized('t3.large', undefined)).toBe(-64);
    expect(resized('t3.micro', 't3.nano')).toBeUndefined();
    expect(resized('t3.nano', 't3.micro')).toBeUndefined();
    expect(resized('t3.micro', 't3.micro')).toBeUndefined();
    expect(
      monthlyDelta({ address: 'q', type: 'aws_sqs_queue', count: 0, deltas: [] }, PRICES),
    ).toBeUndefined();
  });
});

describe('reading a price file', () => {
  const files = writeTempFiles({
    'ok.json': PRICES,
    'undated.json': { currency: 'USD', source: 's', monthly: {} },
    'negative.json': { ...PRICES, monthly: { aws_nat_gateway: -1 } },
    'list.json': [],
    'garbage.json': 'prices: none',
    'latin1.json': Buffer.from([0x7b, 0xe9, 0x7d]),
  });

  it('accepts a dated file', () => {
    expect(readPriceFile(files['ok.json']).date).toBe('2026-11-01');
  });

  it.each([
    ['undated.json', /undated\.json: date: .*a price file is/],
    ['negative.json', /negative\.json: monthly\.aws_nat_gateway: /],
    ['list.json', /list\.json: \(root\): .*a price file is/],
    ['garbage.json', /garbage\.json: not JSON \(Unexpected token/],
    ['latin1.json', /latin1\.json: not a text file \(neither UTF-8 nor UTF-16\)$/],
    ['missing.json', /missing\.json: cannot read the price file \(ENOENT\)$/],
  ])('rejects %s naming the file and the field', (name, message) => {
    const file = files[name] ?? join(dirname(files['ok.json']), name);
    expect(() => readPriceFile(file)).toThrow(InputError);
    expect(() => readPriceFile(file)).toThrow(message);
  });
});
