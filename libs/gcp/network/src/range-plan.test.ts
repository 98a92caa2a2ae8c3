import { planRanges } from './range-plan';

const rangesOf = (plan: ReturnType<typeof planRanges>) => {
  if (!('ranges' in plan)) throw new Error(`expected ranges, got ${plan.problems.join('; ')}`);
  return plan.ranges;
};
const problemsOf = (plan: ReturnType<typeof planRanges>) =>
  'problems' in plan ? plan.problems : [];

describe('planRanges', () => {
  it('packs sized ranges largest first, each on its own boundary, with no gaps', () => {
    const plan = planRanges('10.40.0.0/16', [
      { key: 'public', prefixLength: 24 },
      { key: 'nodes', prefixLength: 20 },
      { key: 'data', prefixLength: 24 },
      { key: 'nodes-services', prefixLength: 22 },
    ]);
    expect(rangesOf(plan)).toEqual({
      nodes: '10.40.0.0/20',
      'nodes-services': '10.40.16.0/22',
      public: '10.40.20.0/24',
      data: '10.40.21.0/24',
    });
  });

  it('keeps fixed ranges as given and places sized ranges around them, aligned', () => {
    const plan = planRanges('10.40.0.0/16', [
      { key: 'reserved', cidr: '10.40.0.0/24' },
      { key: 'nodes', prefixLength: 20 },
      { key: 'data', prefixLength: 24 },
      { key: 'nodes-pods', cidr: '10.64.0.0/14' },
    ]);
    expect(rangesOf(plan)).toEqual({
      reserved: '10.40.0.0/24',
      nodes: '10.40.16.0/20',
      data: '10.40.1.0/24',
      'nodes-pods': '10.64.0.0/14',
    });
  });

  it('refuses ranges that do not fit, naming them and the addresses needed', () => {
    expect(
      problemsOf(
        planRanges('10.40.0.0/20', [
          { key: 'nodes', prefixLength: 20 },
          { key: 'data', prefixLength: 24 },
        ]),
      ),
    ).toEqual([
      '"data" do not fit: the sized ranges need 4352 addresses but 10.40.0.0/20 has 4096',
    ]);
  });

  it('counts addresses fixed ranges take from the network range in the overflow message', () => {
    expect(
      problemsOf(
        planRanges('10.40.0.0/22', [
          { key: 'taken', cidr: '10.40.0.0/23' },
          { key: 'nodes', prefixLength: 22 },
        ]),
      ),
    ).toEqual([
      '"nodes" do not fit: the sized ranges need 1024 addresses but 10.40.0.0/22 has 1024 (512 of them taken by fixed ranges)',
    ]);
  });

  it('refuses fixed ranges that overlap, naming both', () => {
    expect(
      problemsOf(
        planRanges('10.40.0.0/16', [
          { key: 'nodes-pods', cidr: '10.64.0.0/14' },
          { key: 'nodes-services', cidr: '10.66.0.0/20' },
        ]),
      ),
    ).toEqual(['range "nodes-pods" (10.64.0.0/14) overlaps range "nodes-services" (10.66.0.0/20)']);
  });

  it('reports every bad request at once', () => {
    expect(
      problemsOf(
        planRanges('10.40.0.0/16', [
          { key: 'a', prefixLength: 12 },
          { key: 'b', cidr: '10.64.0.1/14' },
          { key: 'c' },
          { key: 'a', prefixLength: 30 },
          { key: 'd', cidr: '10.70.0.0/30' },
        ]),
      ),
    ).toEqual([
      'range "a": prefixLength must be a whole number from 16 (the network range) to 29 (got 12)',
      'range "b": "10.64.0.1/14" must be an IPv4 CIDR written from its first address, e.g. 10.64.0.0/14',
      'range "c" needs exactly one of prefixLength or cidr',
      'range "a" is requested twice',
      'range "a": prefixLength must be a whole number from 16 (the network range) to 29 (got 30)',
      'range "d": 10.70.0.0/30 is smaller than a /29, the smallest GCP allows',
    ]);
  });

  it('refuses a network range not written from its first address', () => {
    expect(problemsOf(planRanges('10.40.1.0/16', [{ key: 'a', prefixLength: 24 }]))).toEqual([
      'the network range "10.40.1.0/16" must be an IPv4 CIDR written from its first address, e.g. 10.40.0.0/16',
    ]);
  });
});
