import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors';
import { decodeText } from '../plan/decode';
import type { CostChange } from './cost-changes';

/** A user's price file: dated unit prices per month, never shipped in the code. */
export interface PriceFile {
  /** When the prices were taken (YYYY-MM-DD), shown beside every amount. */
  readonly date: string;
  /** e.g. `USD`. */
  readonly currency: string;
  /** Where they come from (price list, region, purchase option). */
  readonly source: string;
  /** Monthly price per resource type (`aws_nat_gateway`) or attribute value (`instance_type:t3.large`). */
  readonly monthly: Readonly<Record<string, number>>;
}

const schema = z.strictObject({
  $comment: z.string().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  currency: z.string().min(1),
  source: z.string().min(1),
  monthly: z.record(z.string().min(1), z.number().nonnegative()),
});

/** Reads and validates a price file; errors name the file and the field. */
export function readPriceFile(file: string): PriceFile {
  let text: string;
  try {
    text = decodeText(readFileSync(file), file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `${file}: cannot read the price file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.map(String).join('.') || '(root)';
    throw new InputError(
      `${file}: ${where}: ${issue.message} (a price file is {"date":"YYYY-MM-DD","currency":"USD","source":"…","monthly":{"aws_nat_gateway":32.4,"instance_type:t3.large":60.7}})`,
    );
  }
  return parsed.data;
}

/**
 * The monthly amount a change adds (negative: saves) from the price file, or undefined when a
 * price it needs is missing or nothing about it is priced. A created or destroyed object costs
 * its type's price (`aws_nat_gateway`), or else its size's (`instance_type:t3.large`); a resized
 * object costs the difference of its sizes' prices.
 */
export function monthlyDelta(change: CostChange, prices: PriceFile): number | undefined {
  const priceOf = (value: string | undefined) =>
    value === undefined || !change.size ? 0 : prices.monthly[`${change.size.attribute}:${value}`];
  let total: number | undefined;
  if (change.count !== 0) {
    const typePrice = prices.monthly[change.type];
    const unit =
      typePrice !== undefined
        ? typePrice
        : change.size
          ? priceOf(change.count > 0 ? change.size.after : change.size.before)
          : undefined;
    if (unit === undefined) return undefined;
    total = change.count * unit;
  } else if (change.size && change.size.before !== change.size.after) {
    const before = priceOf(change.size.before);
    const after = priceOf(change.size.after);
    if (before === undefined || after === undefined) return undefined;
    total = after - before;
  }
  return total === undefined ? undefined : Math.round(total * 100) / 100;
}
