import type { Json } from './types';

/** What an unknown value reads as, as in terraform's own plan output. */
export const KNOWN_AFTER_APPLY = '(known after apply)';

/** Longest value shown in a report; longer ones end with an ellipsis. */
export const MAX_VALUE_LENGTH = 120;

/** A short one-line rendering of a JSON value: strings quoted and escaped, containers compact. */
export function formatValue(value: Json | undefined, maxLength = MAX_VALUE_LENGTH): string {
  const text = value === undefined ? 'null' : JSON.stringify(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
