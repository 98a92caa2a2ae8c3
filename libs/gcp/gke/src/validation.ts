import { Token } from 'cdktf';
import type { Construct } from 'constructs';

/** One row of a validation table: when `bad` holds, `message` explains what is wrong. */
export type Check = readonly [bad: boolean, message: string];

/** Throws one error listing every failed check, prefixed with the construct's path. */
export function assertValid(scope: Construct, checks: readonly Check[]): void {
  const messages = checks.filter(([bad]) => bad).map(([, message]) => message);
  if (messages.length > 0) throw new Error(`${scope.node.path}: ${messages.join('; ')}`);
}

/** A value known at synth (not a reference resolved by terraform). */
export const known = (value: string): boolean => !Token.isUnresolved(value);

/**
 * GKE cluster and node pool names: 1–40 characters, lowercase letters, digits and hyphens,
 * starting with a letter and not ending with a hyphen.
 */
export const GKE_NAME = /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Service account ids: 6–30 characters, lowercase letters, digits, hyphens; a letter first. */
export const SERVICE_ACCOUNT_ID = /^[a-z](?:[a-z0-9-]{4,28}[a-z0-9])$/;

/** Project ids: 6–30 characters, lowercase letters, digits, hyphens; a letter first. */
export const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** Project numbers: digits only (the number, not the id). */
export const PROJECT_NUMBER = /^[1-9][0-9]{5,19}$/;

/** An IPv4 CIDR block. */
export const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** True when `cidr` is a well-formed IPv4 CIDR whose address is the network address. */
export function isIpv4Network(cidr: string): boolean {
  const m = IPV4_CIDR.exec(cidr);
  if (!m) return false;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return false;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  return address % size === 0;
}

/** The prefix length of a CIDR block, or NaN when it is not one. */
export const prefixOf = (cidr: string): number => Number(IPV4_CIDR.exec(cidr)?.[5] ?? NaN);
