import { IPv4CidrRange, Validator } from 'ip-num';

/** The smallest range a GCP subnet (primary or secondary) may have. */
export const GCP_MIN_RANGE_PREFIX = 29;

/** One range to place: either a size (computed) or a fixed CIDR (checked, then kept clear). */
export interface RangeRequest {
  /** A stable name for the range, e.g. `nodes` or `nodes-pods`: errors and results use it. */
  readonly key: string;
  /** Prefix length to carve from the network range, e.g. 20 for a /20. */
  readonly prefixLength?: number;
  /** A range given as is, e.g. `10.64.0.0/14`; it may lie outside the network range. */
  readonly cidr?: string;
}

/** The answer of {@link planRanges}: the CIDR of every request by key, or every problem. */
export type RangePlan =
  { readonly ranges: Readonly<Record<string, string>> } | { readonly problems: readonly string[] };

interface Span {
  readonly key: string;
  readonly cidr: string;
  readonly first: number;
  readonly last: number;
}

const spanOf = (key: string, cidr: string): Span => {
  const range = IPv4CidrRange.fromCidr(cidr);
  return {
    key,
    cidr,
    first: Number(range.getFirst().getValue()),
    last: Number(range.getLast().getValue()),
  };
};

const overlaps = (a: Span, b: Span) => a.first <= b.last && b.first <= a.last;

const toCidr = (first: number, prefixLength: number) =>
  `${[24, 16, 8, 0].map((shift) => Math.floor(first / 2 ** shift) % 256).join('.')}/${prefixLength}`;

/** Whether the canonical range `inner` lies entirely inside the canonical range `outer`. */
export function isInsideRange(inner: string, outer: string): boolean {
  const a = spanOf('inner', inner);
  const b = spanOf('outer', outer);
  return a.first >= b.first && a.last <= b.last;
}

/** Whether `cidr` is an IPv4 range written from its first address, e.g. 10.0.0.0/16. */
export function isCanonicalCidr(cidr: string): boolean {
  return Validator.isValidIPv4CidrRange(cidr)[0];
}

/**
 * Lays out a GCP network's ranges (subnet primary ranges and secondary ranges) inside one
 * network range, at synth, as a pure function of its arguments.
 *
 * Fixed ranges (`cidr`) are checked for overlap with each other and kept clear. Sized ranges
 * (`prefixLength`) are placed largest first (ties in request order), each at the lowest address
 * aligned to its size that overlaps nothing placed before: with no fixed ranges the layout is
 * packed with no gaps. Changing the network range, a size, or the request list can move
 * ranges, which terraform shows as replacements.
 *
 * @returns every range by key, or every problem at once (bad input, overlap, overflow).
 */
export function planRanges(networkCidr: string, requests: readonly RangeRequest[]): RangePlan {
  const problems: string[] = [];
  if (!isCanonicalCidr(networkCidr)) {
    return {
      problems: [
        `the network range "${networkCidr}" must be an IPv4 CIDR written from its first address, e.g. 10.40.0.0/16`,
      ],
    };
  }
  const networkPrefix = Number(networkCidr.split('/')[1]);
  const seen = new Set<string>();
  for (const r of requests) {
    if (seen.has(r.key)) problems.push(`range "${r.key}" is requested twice`);
    seen.add(r.key);
    const sized = r.prefixLength !== undefined;
    const fixed = r.cidr !== undefined;
    if (sized === fixed) {
      problems.push(`range "${r.key}" needs exactly one of prefixLength or cidr`);
    } else if (fixed && !isCanonicalCidr(r.cidr as string)) {
      problems.push(
        `range "${r.key}": "${r.cidr}" must be an IPv4 CIDR written from its first address, e.g. 10.64.0.0/14`,
      );
    } else if (fixed && Number((r.cidr as string).split('/')[1]) > GCP_MIN_RANGE_PREFIX) {
      problems.push(
        `range "${r.key}": ${r.cidr} is smaller than a /${GCP_MIN_RANGE_PREFIX}, the smallest GCP allows`,
      );
    } else if (
      sized &&
      (!Number.isInteger(r.prefixLength) ||
        (r.prefixLength as number) < networkPrefix ||
        (r.prefixLength as number) > GCP_MIN_RANGE_PREFIX)
    ) {
      problems.push(
        `range "${r.key}": prefixLength must be a whole number from ${networkPrefix} (the network range) to ${GCP_MIN_RANGE_PREFIX} (got ${r.prefixLength})`,
      );
    }
  }
  if (problems.length > 0) return { problems };

  const network = spanOf('network', networkCidr);
  const fixed = requests
    .filter((r) => r.cidr !== undefined)
    .map((r) => spanOf(r.key, r.cidr as string));
  fixed.forEach((a, i) =>
    fixed.slice(i + 1).forEach((b) => {
      if (overlaps(a, b)) {
        problems.push(`range "${a.key}" (${a.cidr}) overlaps range "${b.key}" (${b.cidr})`);
      }
    }),
  );
  if (problems.length > 0) return { problems };

  const placed: Span[] = [...fixed];
  const ranges: Record<string, string> = Object.fromEntries(
    requests.filter((r) => r.cidr !== undefined).map((r) => [r.key, r.cidr as string]),
  );
  const sized = requests
    .filter((r) => r.prefixLength !== undefined)
    .map((r, order) => ({ ...r, order, size: 2 ** (32 - (r.prefixLength as number)) }))
    .sort((a, b) => b.size - a.size || a.order - b.order);
  const unplaced: string[] = [];
  for (const request of sized) {
    let candidate = network.first;
    for (;;) {
      const cidr = toCidr(candidate, request.prefixLength as number);
      const span = { key: request.key, cidr, first: candidate, last: candidate + request.size - 1 };
      if (span.last > network.last) {
        unplaced.push(request.key);
        break;
      }
      const clash = placed.find((p) => overlaps(p, span));
      if (!clash) {
        placed.push(span);
        ranges[request.key] = cidr;
        break;
      }
      candidate = Math.ceil((clash.last + 1) / request.size) * request.size;
    }
  }
  if (unplaced.length > 0) {
    const needed = sized.reduce((sum, r) => sum + r.size, 0);
    const taken = fixed
      .filter((f) => overlaps(f, network))
      .reduce(
        (sum, f) => sum + Math.min(f.last, network.last) - Math.max(f.first, network.first) + 1,
        0,
      );
    return {
      problems: [
        `${unplaced.map((k) => `"${k}"`).join(', ')} do not fit: the sized ranges need ${needed} addresses but ${networkCidr} has ${network.last - network.first + 1}${taken > 0 ? ` (${taken} of them taken by fixed ranges)` : ''}`,
      ],
    };
  }
  return { ranges };
}
