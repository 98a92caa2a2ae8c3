import { z } from 'zod';

/**
 * Limits AWS puts on names and values that come from environment files, checked at load so a
 * bad value is reported with its file, line and field instead of failing an apply.
 */

/** ACM's limit on a certificate's first name (its domain_name); other names may be longer. */
export const ACM_FIRST_NAME_MAX_LENGTH = 64;

/** What DNS allows: labels of 1-63 characters, 253 characters in all. */
function dnsLengthProblem(name: string): string | undefined {
  if (name.length > 253) return `must be at most 253 characters (DNS), got ${name.length}`;
  const long = name.split('.').find((label) => label.length > 63);
  return long ? `label "${long}" has ${long.length} characters; DNS allows 63` : undefined;
}

/** A lowercase DNS name with at least two labels, within DNS's length limits. */
export const dnsName = (example: string) =>
  z
    .string()
    .regex(
      /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
      `must be a lowercase DNS name such as ${example}`,
    )
    .superRefine((name, ctx) => {
      const problem = dnsLengthProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * A tag value every tagged AWS service accepts: up to 256 letters, digits, spaces and
 * `_ . : / = + - @` (the default tags reach every resource, so the strictest service decides).
 */
export const awsTagValue = z
  .string()
  .min(1, 'must not be empty')
  .max(256, 'AWS tag values are at most 256 characters')
  .regex(
    /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
    'AWS tag values allow only letters, digits, spaces and _ . : / = + - @ (every tagged service accepts these)',
  );
