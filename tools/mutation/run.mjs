// Runs StrykerJS for the named libraries one after another (default: all three) and prints
// each library's mutation score from its JSON report.
//   npm run mutation                   # libs/config, libs/plan-review, libs/policy
//   npm run mutation -- policy         # one library
//   STRYKER_CONCURRENCY=1 npm run mutation -- config
//   npm run mutation -- policy --mutate 'libs/policy/src/rules/iam/*.ts'   # options after the
//                                        library names go to `stryker run` (here: a subset)
//   npm run mutation -- --score plan-review   # print the score of the reports there, run nothing
//   MUTATION_PART=schema npm run mutation -- config --mutate 'libs/config/src/schema/*.ts'
//                                        # a part with its own report; the score sums the parts
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import mergeReportsModule from './merge-reports.cjs';

const { mergeReports } = mergeReportsModule;

const LIBRARIES = ['config', 'plan-review', 'policy'];
const scoreOnly = process.argv.includes('--score');
const args = process.argv.slice(2).filter((a) => a !== '--score');
const firstOption = args.findIndex((a) => a.startsWith('-'));
const chosen = firstOption === -1 ? args : args.slice(0, firstOption);
const strykerOptions = firstOption === -1 ? [] : args.slice(firstOption);
const unknown = chosen.filter((l) => !LIBRARIES.includes(l));
if (unknown.length > 0) {
  console.error(
    `mutation: unknown library ${unknown.join(', ')}; allowed: ${LIBRARIES.join(', ')}`,
  );
  process.exit(2);
}

/**
 * Mutation score as Stryker computes it (detected ÷ valid mutants; no coverage counts as
 * undetected) over the library's whole-run report and its part reports (`MUTATION_PART`), newest
 * report per mutant, leaving out files changed since they were measured (merge-reports.cjs).
 */
function score(library) {
  const dir = `reports/mutation/${library}`;
  const partsDir = join(dir, 'parts');
  const reports = [
    join(dir, 'mutation.json'),
    ...(existsSync(partsDir)
      ? readdirSync(partsDir).map((part) => join(partsDir, part, 'mutation.json'))
      : []),
  ]
    .filter((file) => existsSync(file))
    .map((file) => ({
      mtimeMs: statSync(file).mtimeMs,
      ...JSON.parse(readFileSync(file, 'utf8')),
    }));
  if (reports.length === 0) return undefined;
  return mergeReports(reports, (file) =>
    existsSync(file) ? readFileSync(file, 'utf8') : undefined,
  );
}

/**
 * The full name of every test of the library, by test file (path below the library): what
 * name-sequencer.cjs reads to run, for each mutant, only the files that hold its covering tests.
 * One jest run, leaving out the same test files as the library's Stryker config.
 */
async function writeTestNames(library) {
  const { default: config } = await import(`../../libs/${library}/stryker.config.mjs`);
  const ignore = config.jest.config.testPathIgnorePatterns ?? [];
  const dir = join('reports', 'mutation', library);
  // one list per set of test files left out (a part may run a suite the others leave out)
  const set = createHash('sha256').update(JSON.stringify(ignore)).digest('hex').slice(0, 12);
  const out = resolve(dir, `test-names-${set}.json`);
  // parts run back to back reuse the list while nothing in the library changed since it was taken
  // (test names can be built from sources, e.g. one test per rule, so sources count too)
  if (existsSync(out) && newestChange(join('libs', library)) < statSync(out).mtimeMs) return out;
  mkdirSync(dir, { recursive: true });
  const raw = join(dir, 'jest-results.json');
  spawnSync(
    'npx',
    [
      'jest',
      '-c',
      `libs/${library}/jest.config.js`,
      '--json',
      `--outputFile=${raw}`,
      ...ignore.map((pattern) => `--testPathIgnorePatterns=${pattern}`),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const root = resolve('libs', library);
  const names = Object.fromEntries(
    JSON.parse(readFileSync(raw, 'utf8')).testResults.map((file) => [
      relative(root, file.name).split(sep).join('/'),
      file.assertionResults.map((test) => test.fullName),
    ]),
  );
  writeFileSync(out, JSON.stringify(names));
  return out;
}

/** The newest modification time of any file below `dir`. */
function newestChange(dir) {
  return Math.max(
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );
}

/** One Stryker run of the library (with the test names its sequencer reads); false when it failed. */
async function runStryker(library) {
  const testNames = await writeTestNames(library);
  const run = spawnSync(
    'npx',
    ['stryker', 'run', `libs/${library}/stryker.config.mjs`, ...strykerOptions],
    {
      stdio: 'inherit',
      env: { ...process.env, MUTATION_TEST_NAMES: testNames },
    },
  );
  return run.status === 0;
}

let failed = false;
for (const library of chosen.length > 0 ? chosen : LIBRARIES) {
  if (!scoreOnly && !(await runStryker(library))) failed = true;
  const result = score(library);
  if (result?.score !== undefined)
    console.log(
      `mutation ${library}: ${result.score.toFixed(2)} % over ${result.files} files ${JSON.stringify(result.counts)}`,
    );
  if (result && result.stale.length > 0)
    console.log(
      `mutation ${library}: changed since measured, left out (re-run their part): ${result.stale.join(', ')}`,
    );
}
process.exit(failed ? 1 : 0);
