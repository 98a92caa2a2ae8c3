import { cidrsOverlap, planSubnets } from './cidr';

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
