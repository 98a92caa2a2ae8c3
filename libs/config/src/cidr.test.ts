import { cidrsOverlap, planGcpSubnets, planSubnets } from './cidr';

describe('subnet layout', () => {
  const network = {
    vpcCidr: '10.0.0.0/16',
    subnets: {
      public: { prefixLength: 24 },
      private: { prefixLength: 20 },
      intra: { prefixLength: 24 },
    },
  };

  it('places larger subnets first so each starts on its own boundary', () => {
    const plan = planSubnets(network, ['eu-west-1a', 'eu-west-1b']);
    expect(
      'subnets' in plan && plan.subnets.map((s) => `${s.tier} ${s.availabilityZone} ${s.cidr}`),
    ).toEqual([
      'public eu-west-1a 10.0.32.0/24',
      'public eu-west-1b 10.0.33.0/24',
      'private eu-west-1a 10.0.0.0/20',
      'private eu-west-1b 10.0.16.0/20',
      'intra eu-west-1a 10.0.34.0/24',
      'intra eu-west-1b 10.0.35.0/24',
    ]);
  });

  it('two networks with the same range and zones but other tier sizes get their own layouts (one process plans both)', () => {
    const zones = ['eu-west-1a', 'eu-west-1b'];
    const first = planSubnets(network, zones);
    const wider = planSubnets(
      { ...network, subnets: { ...network.subnets, private: { prefixLength: 19 } } },
      zones,
    );
    const privateOf = (plan: ReturnType<typeof planSubnets>) =>
      'subnets' in plan ? plan.subnets.filter((s) => s.tier === 'private').map((s) => s.cidr) : [];
    expect(privateOf(first)).toEqual(['10.0.0.0/20', '10.0.16.0/20']);
    expect(privateOf(wider)).toEqual(['10.0.0.0/19', '10.0.32.0/19']);
  });

  it('no two subnets overlap and all sit inside the VPC', () => {
    const plan = planSubnets(network, ['a', 'b', 'c']);
    if (!('subnets' in plan)) throw new Error('expected a layout');
    const cidrs = plan.subnets.map((s) => s.cidr);
    cidrs.forEach((a, i) =>
      cidrs.slice(i + 1).forEach((b) => expect(cidrsOverlap(a, b)).toBe(false)),
    );
    cidrs.forEach((c) => expect(cidrsOverlap(c, '10.0.0.0/16')).toBe(true));
  });

  it('reports how many addresses are missing when the tiers do not fit', () => {
    const plan = planSubnets({ ...network, vpcCidr: '10.0.0.0/19' }, ['a', 'b', 'c']);
    expect(plan).toEqual({ overflow: 'the subnets need 13824 addresses but 10.0.0.0/19 has 8192' });
  });

  it('fills a VPC exactly without running past the end of the address space', () => {
    const plan = planSubnets(
      {
        vpcCidr: '255.255.255.0/24',
        subnets: {
          public: { prefixLength: 26 },
          private: { prefixLength: 26 },
          intra: { prefixLength: 25 },
        },
      },
      ['a'],
    );
    expect('subnets' in plan && plan.subnets.map((s) => s.cidr)).toEqual([
      '255.255.255.128/26',
      '255.255.255.192/26',
      '255.255.255.0/25',
    ]);
  });
});

describe('GCP subnet layout (regional: one subnet per tier)', () => {
  it('places the larger tier first, each on its own boundary, and lists them in tier order', () => {
    expect(
      planGcpSubnets({
        cidr: '10.50.0.0/16',
        subnets: { nodes: { prefixLength: 20 }, data: { prefixLength: 24 } },
      }),
    ).toEqual({
      subnets: [
        { tier: 'nodes', cidr: '10.50.0.0/20' },
        { tier: 'data', cidr: '10.50.16.0/24' },
      ],
    });
    expect(
      planGcpSubnets({
        cidr: '10.50.0.0/16',
        subnets: { nodes: { prefixLength: 24 }, data: { prefixLength: 20 } },
      }),
    ).toEqual({
      subnets: [
        { tier: 'nodes', cidr: '10.50.16.0/24' },
        { tier: 'data', cidr: '10.50.0.0/20' },
      ],
    });
  });

  it('reports the addresses missing when the tiers do not fit', () => {
    expect(
      planGcpSubnets({
        cidr: '10.50.0.0/24',
        subnets: { nodes: { prefixLength: 24 }, data: { prefixLength: 25 } },
      }),
    ).toEqual({ overflow: 'the subnets need 384 addresses but 10.50.0.0/24 has 256' });
  });
});
