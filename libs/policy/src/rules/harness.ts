import { checkStack } from '../engine';
import type { Rule } from '../types';

/** A resource for a fixture stack: `type.name` and its arguments. */
export type FixtureResource = readonly [address: string, config: Record<string, unknown>];

/** Builds a synthesized-stack JSON from `type.name` → arguments pairs (`data.` prefix for data sources). */
export function fixtureStack(...resources: FixtureResource[]): Record<string, unknown> {
  const json: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [address, config] of resources) {
    if (address.startsWith('provider.')) {
      const provider = (json['provider'] ??= {}) as unknown as Record<string, unknown[]>;
      (provider[address.split('.')[1] as string] ??= []).push(config);
      continue;
    }
    const isData = address.startsWith('data.');
    const [type, name] = (isData ? address.slice(5) : address).split('.') as [string, string];
    const mode = (json[isData ? 'data' : 'resource'] ??= {});
    (mode[type] ??= {})[name] = { '//': { metadata: { path: `stack/${name}` } }, ...config };
  }
  return json;
}

/** The details a rule reports on a fixture stack (empty when compliant or not applicable). */
export function violations(rule: Rule, ...resources: FixtureResource[]): string[] {
  return checkStack(fixtureStack(...resources), [rule]).findings.flatMap((f) =>
    f.details.map((d) => `${f.resource.address}: ${d}`),
  );
}

/**
 * A statement that denies requests without TLS, weakened in one part each time: allowed instead,
 * of `otherAction` only, for one account only, on TLS requests, on another condition key. A rule
 * that demands such a deny must count none of them.
 */
export function weakenedTlsDenies(
  deny: Record<string, unknown>,
  otherAction: string,
): Record<string, unknown>[] {
  return [
    { ...deny, effect: 'Allow', sid: 'Weak' },
    { ...deny, actions: [otherAction] },
    { ...deny, principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111111111111:root'] }] },
    { ...deny, condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['true'] }] },
    { ...deny, condition: [{ test: 'Bool', variable: 'aws:ViaAWSService', values: ['false'] }] },
  ];
}
