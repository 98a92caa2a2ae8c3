import { cidrsOverlap, isCanonicalCidr } from '@platform/config';
import { IPv4CidrRange } from 'ip-num';
import type { EnvironmentFile } from '../../lib/environments';

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
 * The first `count` zones of a Google Cloud region, by name: <region>-b, -c, -d, ... (the
 * letters most regions have; pass --zones where a region differs, e.g. us-central1-a).
 */
export function gcpZonesOf(region: string, count: number): string[] {
  return [...'bcdefg'.slice(0, count)].map((letter) => `${region}-${letter}`);
}

/** The primary network range of an environment file: `vpcCidr` on AWS, `cidr` on GCP. */
export function primaryCidrOf(env: EnvironmentFile): string {
  const field = env.doc.get('cloud') === 'gcp' ? 'cidr' : 'vpcCidr';
  return String(env.doc.getIn(['network', field]) ?? '');
}

/** The new environment's primary range, and every problem with it. */
export interface RangeChoice {
  /** `--cidr`, or the suggestion; undefined when no range is free. */
  readonly cidr?: string;
  /** Why the range cannot be used: it overlaps another environment's, or none is free. */
  readonly problems: readonly string[];
}

/**
 * The new environment's primary range: `requested` (--cidr), or the first range of the
 * source's size that overlaps no environment's primary range (either cloud: environments may be
 * connected later) nor any of `reserved` (ranges the new environment keeps, e.g. GKE's).
 */
export function chooseRange(
  requested: string | undefined,
  prefixLength: number,
  others: readonly EnvironmentFile[],
  reserved: readonly string[] = [],
): RangeChoice {
  const taken = [...others.map(primaryCidrOf), ...reserved].filter(isCanonicalCidr);
  const cidr = requested ?? suggestCidr(prefixLength, taken);
  if (!cidr) return { problems: ['no free VPC range in 10.0.0.0/8: pass --cidr'] };
  const overlapping = others.find((e) => {
    const other = primaryCidrOf(e);
    return isCanonicalCidr(cidr) && isCanonicalCidr(other) && cidrsOverlap(cidr, other);
  });
  return {
    cidr,
    problems: overlapping
      ? [
          `--cidr ${cidr} overlaps ${overlapping.name}'s ${primaryCidrOf(overlapping)}; network ranges must not overlap`,
        ]
      : [],
  };
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
