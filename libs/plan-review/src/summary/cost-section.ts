import type { CostChange } from '../cost/cost-changes';
import { monthlyDelta, type PriceFile } from '../cost/prices';
import { code, plural, shortenedTable } from '../markdown/markdown';
import type { PlanReview, ResourceReview } from './model';

/** Every cost-relevant change of every plan, in report order. */
export function costRows(
  reviews: readonly PlanReview[],
): { review: PlanReview; resource: ResourceReview; cost: CostChange }[] {
  return reviews.flatMap((review) =>
    review.resources.flatMap((resource) =>
      resource.cost ? [{ review, resource, cost: resource.cost }] : [],
    ),
  );
}

const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));

/** The sign a reader sees: `+` for more, `−` (the minus sign, as for counts) for less. */
const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '');

/** "+1 NAT gateway; `desired_count` 2 → 4 (+2)". */
export function costText(cost: CostChange): string {
  const parts: string[] = [];
  if (cost.count !== 0) parts.push(`${cost.count > 0 ? '+1' : '−1'} ${cost.billed ?? cost.type}`);
  for (const d of cost.deltas) {
    const delta = d.delta === undefined ? '' : ` (${sign(d.delta)}${Math.abs(d.delta)})`;
    parts.push(
      d.before === undefined && cost.count > 0
        ? `${code(d.path)} ${show(d.after)}`
        : `${code(d.path)} ${show(d.before)} → ${show(d.after)}${delta}`,
    );
  }
  return parts.join('; ');
}

/** A monthly amount with its currency and sign, e.g. `+35.04 USD`. */
export function money(amount: number, currency: string): string {
  return `${sign(amount)}${Math.abs(amount).toFixed(2)} ${currency}`;
}

/**
 * "Cost-relevant changes": counts and sizes that usually move the bill. Amounts only from a
 * user's price file, dated; `maxRows` 0 leaves the rows out (with a pointer to the full report).
 */
export function renderCostSection(
  reviews: readonly PlanReview[],
  prices: PriceFile | undefined,
  maxRows: number,
): string {
  const rows = costRows(reviews);
  if (rows.length === 0) return '';
  const header = prices
    ? ['stack', 'address', 'change', `per month (${prices.currency}, prices of ${prices.date})`]
    : ['stack', 'address', 'change'];
  const lines = [`### 💰 Cost-relevant changes (${rows.length})`, ''];
  let total = 0;
  let unpriced = 0;
  for (const { cost } of rows) {
    const amount = prices ? monthlyDelta(cost, prices) : undefined;
    if (amount === undefined) unpriced++;
    else total += amount;
  }
  if (prices)
    lines.push(
      `Estimated change per month: **${money(Math.round(total * 100) / 100, prices.currency)}** from ${code(prices.source)} (${prices.date})` +
        (unpriced > 0 ? `; ${plural(unpriced, 'change')} without a price in the file.` : '.'),
      '',
    );
  else lines.push('No prices given (`--prices FILE` adds dated amounts).', '');
  const shown = rows.slice(0, maxRows);
  const cells = shown.map(({ review, resource, cost }) => {
    const cells = [code(review.stack), code(resource.address), costText(cost)];
    if (prices) {
      const amount = monthlyDelta(cost, prices);
      cells.push(amount === undefined ? '—' : money(amount, prices.currency));
    }
    return cells;
  });
  lines.push(
    ...shortenedTable(
      header,
      cells,
      shown.length < rows.length
        ? `… ${plural(rows.length - shown.length, 'more cost-relevant change')} in the full report.`
        : undefined,
    ),
  );
  return `${lines.join('\n')}\n`;
}
