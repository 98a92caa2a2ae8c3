// Small hand-written plan objects for unit tests.
import type { Json, TfChange, TfPlan, TfResourceChange } from '../src/plan/types';

/** A resource change with sensible defaults: `rc('aws_s3_bucket.logs', ['delete'])`. */
export function rc(
  address: string,
  actions: string[],
  change: Partial<TfChange> = {},
  extra: Partial<TfResourceChange> = {},
): TfResourceChange {
  const parts = address
    .replace(/^module\.[^.]+\./, '')
    .replace(/^data\./, '')
    .split('.');
  return {
    address,
    mode: address.startsWith('data.') || address.includes('.data.') ? 'data' : 'managed',
    type: parts[0],
    name: (parts[1] ?? 'x').replace(/\[.*$/, ''),
    change: { before: null, after: null, ...change, actions },
    ...extra,
  };
}

/** A plan of the given resource changes (format_version 1.2). */
export function plan(changes: TfResourceChange[], extra: Partial<TfPlan> = {}): TfPlan {
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    resource_changes: changes,
    ...extra,
  };
}

/** An update of one resource from `before` to `after`. */
export function update(
  address: string,
  before: Json,
  after: Json,
  change: Partial<TfChange> = {},
): TfResourceChange {
  return rc(address, ['update'], { before, after, ...change });
}
