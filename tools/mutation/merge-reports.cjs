// @ts-check
/**
 * A library's mutation score over its Stryker JSON reports: the whole-library run
 * (`reports/mutation/<lib>/mutation.json`) and its parts (`parts/<name>/mutation.json`, from
 * `MUTATION_PART` runs). run.mjs prints it after each run.
 *
 * Mutants are merged by where they are (file, mutator, replacement, start and end): the newest
 * report wins for each mutant, so a part that mutated only some lines of a file replaces only
 * those mutants. A report's entry for a file is used only while its copy of the file's source is
 * the file as it is now; an entry for a changed file is stale (its locations no longer name the
 * same code) and is left out and listed, so a score never counts tests against code that is gone.
 */

/**
 * @typedef {{ id: string, mutatorName: string, replacement?: string, status: string,
 *   location: { start: { line: number, column: number }, end: { line: number, column: number } } }} Mutant
 * @typedef {{ source: string, mutants: Mutant[] }} FileResult
 * @typedef {{ mtimeMs: number, files: Record<string, FileResult> }} Report
 * @typedef {{ counts: Record<string, number>, files: number, stale: string[],
 *   detected: number, undetected: number, score: number | undefined }} Score
 */

/** Statuses Stryker counts as detected; Survived and NoCoverage are undetected. */
const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];

/** @param {Mutant} m */
function mutantKey(m) {
  const { start, end } = m.location;
  return `${m.mutatorName}|${m.replacement ?? ''}|${start.line}:${start.column}-${end.line}:${end.column}`;
}

/**
 * @param {Report[]} reports in any order
 * @param {(file: string) => string | undefined} currentSource a file's source now (undefined when
 *   it no longer exists)
 * @returns {Score}
 */
function mergeReports(reports, currentSource) {
  /** @type {Map<string, Map<string, string>>} file -> mutant key -> status */
  const byFile = new Map();
  /** @type {Set<string>} */
  const stale = new Set();
  for (const report of [...reports].sort((a, b) => a.mtimeMs - b.mtimeMs)) {
    for (const [file, result] of Object.entries(report.files)) {
      if (currentSource(file) !== result.source) {
        stale.add(file);
        continue;
      }
      const mutants = byFile.get(file) ?? new Map();
      for (const m of result.mutants) mutants.set(mutantKey(m), m.status);
      byFile.set(file, mutants);
    }
  }
  /** @type {Record<string, number>} */
  const counts = {};
  for (const mutants of byFile.values())
    for (const status of mutants.values()) counts[status] = (counts[status] ?? 0) + 1;
  const sum = (/** @type {string[]} */ statuses) =>
    statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const detected = sum(DETECTED);
  const undetected = sum(UNDETECTED);
  return {
    counts,
    files: byFile.size,
    // a file some report measured at its current source is not stale
    stale: [...stale].filter((f) => !byFile.has(f)).sort(),
    detected,
    undetected,
    score: detected + undetected === 0 ? undefined : (100 * detected) / (detected + undetected),
  };
}

module.exports = { mergeReports };
