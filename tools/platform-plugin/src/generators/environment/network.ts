import { cidrsOverlap } from '@platform/config';
import { IPv4CidrRange } from 'ip-num';

/**
 * Zone letters of regions whose zone names skip a letter in new accounts (ap-northeast-1 has
 * no "b"). Other regions: a, b, c, ... (pass --availabilityZones where an account differs).
 */
const ZONE_LETTERS: Readonly<Record<string, string>> = {
  'ap-northeast-1': 'acd',
};

/** The first `count` availability zones of a region, by name (no lookup at plan time). */
export function zonesOf(region: string, count: number): string[] {
  const letters = ZONE_LETTERS[region] ?? 'abcdef';
  return [...letters.slice(0, count)].map((letter) => `${region}${letter}`);
}

/**
 * The first VPC range of the given prefix length, inside 10.0.0.0/8, that overlaps none of
 * `taken`. For /16 it prefers the 10.<tens>.0.0 ranges the example environments use
 * (10.10, 10.20, 10.30 → 10.40), then any free /16.
 */
export function suggestCidr(prefixLength: number, taken: readonly string[]): string | undefined {
  const free = (cidr: string) => !taken.some((t) => cidrsOverlap(cidr, t));
  if (prefixLength === 16) {
    for (let second = 10; second <= 250; second += 10) {
      const cidr = `10.${second}.0.0/16`;
      if (free(cidr)) return cidr;
    }
  }
  let range: IPv4CidrRange | undefined = IPv4CidrRange.fromCidr(`10.0.0.0/${prefixLength}`);
  const space = IPv4CidrRange.fromCidr('10.0.0.0/8');
  while (range && range.inside(space)) {
    if (free(range.toCidrString())) return range.toCidrString();
    range = range.hasNextRange() ? range.nextRange() : undefined;
  }
  return undefined;
}
