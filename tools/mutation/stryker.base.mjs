// @ts-check
import { fileURLToPath } from 'node:url';
/**
 * Shared StrykerJS settings for the libraries whose logic is pure enough to mutate quickly
 * (libs/config, libs/plan-review, libs/policy). Each library's `stryker.config.mjs` calls
 * `strykerConfig('<lib>')`; run them with `npm run mutation -- <lib>` (see README "Mutation testing").
 *
 * Not part of `npm test`: a run takes minutes to tens of minutes per library.
 */

/**
 * @param {string} library folder name under libs/
 * @param {{ mutate?: string[], skipTests?: string[] }} [extra] more exclusions for `mutate`
 *   (e.g. `'!libs/x/src/cli.ts'`); test files left out of mutation runs (`skipTests`, file names)
 *   because each one costs seconds per mutant (cdktf synth, child processes): the README lists them
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerConfig(library, extra = {}) {
  const root = `libs/${library}`;
  const part = partName();
  const reports = part
    ? `reports/mutation/${library}/parts/${part}`
    : `reports/mutation/${library}`;
  return {
    $schema: '../../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    packageManager: 'npm',
    testRunner: 'jest',
    jest: {
      projectType: 'custom',
      configFile: `${root}/jest.config.js`,
      config: {
        // no test of these libraries uses cdktf's matchers; loading cdktf in every test file's
        // setup was most of each mutant's run time
        setupFilesAfterEnv: [],
        testPathIgnorePatterns: ['/node_modules/', ...(extra.skipTests ?? []).map((f) => `/${f}$`)],
        // per mutant, only the test files that hold one of its covering tests (see the file)
        testSequencer: fileURLToPath(new URL('./name-sequencer.cjs', import.meta.url)),
        // and stop running tests once one has failed for the mutant (see the file)
        testEnvironment: fileURLToPath(new URL('./bail-environment.cjs', import.meta.url)),
      },
      // only the test files that import a mutated file run for it
      enableFindRelatedTests: true,
    },
    // each test is mapped to the mutants it reaches, so a mutant runs only the tests that cover it
    coverageAnalysis: 'perTest',
    // Static mutants (module-level constants: the zod schema, rule metadata, message tables) run
    // every test of the library for each mutant, 94 % of the time for 65 % of libs/config's mutants
    // in the first run. They are reported as "Ignored" and left out of the score; README says so.
    ignoreStatic: true,
    mutate: [
      `${root}/src/**/*.ts`,
      `!${root}/src/**/*.test.ts`,
      `!${root}/src/**/test-support.ts`,
      // barrels: re-exports only
      `!${root}/src/**/index.ts`,
      ...(extra.mutate ?? []),
    ],
    // the sandbox is a copy of the workspace; skip what no test of these libraries reads
    ignorePatterns: [
      'dist',
      'coverage',
      'tmp',
      'reports',
      '.nx',
      '.terraform',
      'apps/bootstrap/state',
      '.stryker-tmp',
    ],
    // the machine is shared: one or two test processes (STRYKER_CONCURRENCY overrides)
    concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
    timeoutMS: 10000,
    reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
    htmlReporter: { fileName: `${reports}/index.html` },
    jsonReporter: { fileName: `${reports}/mutation.json` },
    // a re-run after a test or source change re-tests only the mutants whose code or covering
    // tests changed (the file lives beside the report; delete it, or pass --force, for a full run)
    incremental: true,
    incrementalFile: `${reports}/stryker-incremental.json`,
    tempDirName: `.stryker-tmp/${library}${part ? `-${part}` : ''}`,
    cleanTempDir: true,
    thresholds: { high: 90, low: 85, break: null },
  };
}

/**
 * The part a run covers, from `MUTATION_PART=<name>` (a run over part of a library, `--mutate`
 * naming its files): its reports go to `reports/mutation/<library>/parts/<name>` and its sandbox to
 * `.stryker-tmp/<library>-<name>`, so parts can run side by side. Undefined for a whole-library run.
 * `npm run mutation` sums a library's score over its whole report and parts (see run.mjs).
 *
 * @returns {string | undefined}
 */
export function partName() {
  const part = process.env.MUTATION_PART;
  if (part === undefined || part === '') return undefined;
  if (!/^[a-z0-9-]{1,40}$/.test(part))
    throw new Error(`MUTATION_PART must be lower-case letters, digits and - (got "${part}")`);
  return part;
}
