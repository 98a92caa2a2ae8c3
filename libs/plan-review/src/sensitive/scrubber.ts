import { leaves } from '../plan/json';
import type { Json } from '../plan/types';

/** What a masked value reads as in every report. */
export const SENSITIVE = '(sensitive)';

/** Secrets shorter than this are masked only by the sensitivity maps, not scrubbed as text. */
export const MIN_SCRUB_LENGTH = 4;

/**
 * Remembers every value found at a sensitive place and removes it from any text: the last line
 * of defence after masking by the sensitivity maps. Also catches the JSON-escaped and
 * markdown-table-escaped spellings of each secret.
 */
export class Scrubber {
  private readonly secrets = new Set<string>();

  /** Records every string (and long number) leaf of a sensitive value. */
  add(value: Json | undefined): void {
    for (const leaf of leaves(value)) {
      if (typeof leaf === 'boolean') continue;
      const text = String(leaf);
      if (text.length < MIN_SCRUB_LENGTH) continue;
      this.secrets.add(text);
      const escaped = JSON.stringify(text).slice(1, -1);
      this.secrets.add(escaped);
      this.secrets.add(escaped.replace(/\|/g, '\\|'));
      this.secrets.add(text.replace(/\|/g, '\\|'));
    }
  }

  /** Adds every secret another scrubber knows. */
  merge(other: Scrubber): void {
    for (const secret of other.secrets) this.secrets.add(secret);
  }

  /** Replaces every occurrence of every recorded secret, longest first. */
  scrub(text: string): string {
    let out = text;
    const ordered = [...this.secrets].sort((a, b) => b.length - a.length || a.localeCompare(b));
    for (const secret of ordered) out = out.split(secret).join(SENSITIVE);
    return out;
  }

  /** Scrubs every string (keys included) of a JSON-like value, returning a copy. */
  scrubDeep<T>(value: T): T {
    if (typeof value === 'string') return this.scrub(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.scrubDeep(item)) as T;
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [this.scrub(key), this.scrubDeep(item)]),
      ) as T;
    }
    return value;
  }
}
