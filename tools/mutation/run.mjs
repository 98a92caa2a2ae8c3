// Runs StrykerJS for the named libraries one after another (default: all three) and prints
// each library's mutation score from its JSON report.
//   npm run mutation                   # libs/config, libs/plan-review, libs/policy
//   npm run mutation -- policy         # one library
//   STRYKER_CONCURRENCY=1 npm run mutation -- config
//   npm run mutation -- policy --mutate 'libs/policy/src/rules/iam/*.ts'   # options after the
//                                        library names go to `stryker run` (here: a subset)
//   MUTATION_PART=schema npm run mutation -- config --mutate 'libs/config/src/schema/*.ts'
//                                        # a part with its own report; the score sums the parts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const LIBRARIES = ['config', 'plan-review', 'policy'];
const args = process.argv.slice(2);
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
 * Mutation score as Stryker computes it: detected ÷ valid mutants (no coverage counts as survived),
 * over the library's whole-run report and its part reports (`MUTATION_PART`), taking each source
 * file from the newest report that has it.
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
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  if (reports.length === 0) return undefined;
  const files = {};
  for (const report of reports)
    Object.assign(files, JSON.parse(readFileSync(report, 'utf8')).files);
  const counts = {};
  for (const f of Object.values(files)) {
    for (const m of f.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const undetected = (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  return {
    ...counts,
    files: Object.keys(files).length,
    score: (100 * detected) / (detected + undetected),
  };
}

/**
 * The full name of every test of the library, by test file (path below the library): what
 * name-sequencer.cjs reads to run, for each mutant, only the files that hold its covering tests.
 * One jest run, leaving out the same test files as the library's Stryker config.
 */
async function writeTestNames(library) {
  const { default: config } = await import(`../../libs/${library}/stryker.config.mjs`);
  const dir = join('reports', 'mutation', library);
  mkdirSync(dir, { recursive: true });
  const raw = join(dir, 'jest-results.json');
  const ignore = config.jest.config.testPathIgnorePatterns ?? [];
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
  const out = resolve(dir, 'test-names.json');
  writeFileSync(out, JSON.stringify(names));
  return out;
}

let failed = false;
for (const library of chosen.length > 0 ? chosen : LIBRARIES) {
  const testNames = await writeTestNames(library);
  const run = spawnSync(
    'npx',
    ['stryker', 'run', `libs/${library}/stryker.config.mjs`, ...strykerOptions],
    {
      stdio: 'inherit',
      env: { ...process.env, MUTATION_TEST_NAMES: testNames },
    },
  );
  if (run.status !== 0) failed = true;
  const result = score(library);
  if (result)
    console.log(`mutation ${library}: ${result.score.toFixed(2)} % ${JSON.stringify(result)}`);
}
process.exit(failed ? 1 : 0);
