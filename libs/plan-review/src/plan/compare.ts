/** Locale-independent string order (by UTF-16 code unit), so reports sort the same everywhere. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
