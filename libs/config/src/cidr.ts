import { IPv4CidrRange, Validator } from 'ip-num';
import { GCP_SUBNET_TIERS, type GcpNetworkConfig } from './schema/gcp';
import type { NetworkConfig, SubnetTierName } from './schema/network';

/** A tier of a GCP network. */
export type GcpSubnetTierName = (typeof GCP_SUBNET_TIERS)[number];

/** The subnet tiers, in the order their subnets are laid out. */
export const SUBNET_TIERS: readonly SubnetTierName[] = ['public', 'private', 'intra'];

/** One computed subnet. */
export interface PlannedSubnet {
  /** The tier the subnet belongs to. */
  readonly tier: SubnetTierName;
  /** The availability zone the subnet is in. */
  readonly availabilityZone: string;
  /** The subnet's IPv4 range. */
  readonly cidr: string;
}

/**
 * ip-num does its arithmetic on binary strings (~1 ms a range): every answer here is a pure
 * function of its arguments, so each is computed once per process under a key naming them.
 * Loading the environments asks the same questions many times (schema rules, cross-file rules,
 * the subnet plan).
 */
function remembered<R>(cache: Map<string, R>, key: string, compute: () => R): R {
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as R;
}

const canonicalAnswers = new Map<string, boolean>();
const overlapAnswers = new Map<string, boolean>();
const layouts = new Map<string, ReturnType<typeof computeLayout>>();

/** Whether `cidr` is an IPv4 range written from its first address, e.g. 10.0.0.0/16. */
export function isCanonicalCidr(cidr: string): boolean {
  return remembered(canonicalAnswers, cidr, () => Validator.isValidIPv4CidrRange(cidr)[0]);
}

/** Whether two IPv4 ranges share any address. */
export function cidrsOverlap(a: string, b: string): boolean {
  return remembered(overlapAnswers, `${a} ${b}`, () =>
    IPv4CidrRange.fromCidr(a).isOverlapping(IPv4CidrRange.fromCidr(b)),
  );
}

/**
 * Lays out one subnet per tier and availability zone inside the VPC range.
 *
 * Larger subnets are placed first so every subnet starts on its own boundary; within a size
 * the order is tier (public, private, intra) then zone. The layout is a pure function of the
 * VPC range, the zone list and the tier sizes: changing any of them moves subnets, which
 * terraform shows as replacements (and the plan guard flags).
 *
 * @returns the subnets, or the number of addresses missing when they do not fit.
 */
export function planSubnets(
  network: Pick<NetworkConfig, 'vpcCidr' | 'subnets'>,
  availabilityZones: readonly string[],
): { readonly subnets: readonly PlannedSubnet[] } | { readonly overflow: string } {
  const sizes = SUBNET_TIERS.map((tier) => network.subnets[tier].prefixLength);
  const key = JSON.stringify([network.vpcCidr, sizes, availabilityZones]);
  return remembered(layouts, key, () => computeLayout(network, availabilityZones));
}

function computeLayout(
  network: Pick<NetworkConfig, 'vpcCidr' | 'subnets'>,
  availabilityZones: readonly string[],
): { readonly subnets: readonly PlannedSubnet[] } | { readonly overflow: string } {
  const vpc = IPv4CidrRange.fromCidr(network.vpcCidr);
  const requests = SUBNET_TIERS.flatMap((tier) =>
    availabilityZones.map((availabilityZone) => ({
      tier,
      availabilityZone,
      prefixLength: network.subnets[tier].prefixLength,
    })),
  );
  const order = [...requests].sort((a, b) => a.prefixLength - b.prefixLength);
  const placed = new Map<(typeof requests)[number], string>();
  const overflow = () => {
    const needed = requests.reduce((sum, r) => sum + 2 ** (32 - r.prefixLength), 0);
    return {
      overflow: `the subnets need ${needed} addresses but ${network.vpcCidr} has ${vpc.getSize().toString()}`,
    };
  };
  let next: ReturnType<typeof vpc.getFirst> | undefined = vpc.getFirst();
  for (const request of order) {
    if (next === undefined) return overflow();
    const range = IPv4CidrRange.fromCidr(`${next.toString()}/${request.prefixLength}`);
    if (!range.inside(vpc)) return overflow();
    placed.set(request, range.toCidrString());
    next = range.hasNextRange() ? range.getLast().nextIPNumber() : undefined;
  }
  return {
    subnets: requests.map((request) => ({
      tier: request.tier,
      availabilityZone: request.availabilityZone,
      cidr: placed.get(request) as string,
    })),
  };
}

/** One computed GCP subnet (regional: one per tier). */
export interface PlannedGcpSubnet {
  /** The tier the subnet belongs to. */
  readonly tier: GcpSubnetTierName;
  /** The subnet's primary IPv4 range. */
  readonly cidr: string;
}

/**
 * Lays out one regional subnet per tier inside a GCP network's range, larger first so each
 * starts on its own boundary, then in tier order. A pure function of the range and the sizes.
 *
 * @returns the subnets in tier order, or the number of addresses missing when they do not fit.
 */
export function planGcpSubnets(
  network: Pick<GcpNetworkConfig, 'cidr' | 'subnets'>,
): { readonly subnets: readonly PlannedGcpSubnet[] } | { readonly overflow: string } {
  const range = IPv4CidrRange.fromCidr(network.cidr);
  const requests = GCP_SUBNET_TIERS.map((tier) => ({
    tier,
    prefixLength: network.subnets[tier].prefixLength,
  }));
  const placed = new Map<GcpSubnetTierName, string>();
  let next: ReturnType<typeof range.getFirst> | undefined = range.getFirst();
  for (const request of [...requests].sort((a, b) => a.prefixLength - b.prefixLength)) {
    const candidate: IPv4CidrRange | undefined = next
      ? IPv4CidrRange.fromCidr(`${next.toString()}/${request.prefixLength}`)
      : undefined;
    if (!candidate || !candidate.inside(range)) {
      const needed = requests.reduce((sum, r) => sum + 2 ** (32 - r.prefixLength), 0);
      return {
        overflow: `the subnets need ${needed} addresses but ${network.cidr} has ${range.getSize().toString()}`,
      };
    }
    placed.set(request.tier, candidate.toCidrString());
    next = candidate.hasNextRange() ? candidate.getLast().nextIPNumber() : undefined;
  }
  return { subnets: requests.map(({ tier }) => ({ tier, cidr: placed.get(tier) as string })) };
}
