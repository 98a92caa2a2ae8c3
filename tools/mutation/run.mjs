// Runs StrykerJS for the named libraries one after another (default: all three) and prints
// each library's mutation score from its JSON report.
//   npm run mutation                   # libs/config, libs/plan-review, libs/policy
//   npm run mutation -- policy         # one library
//   STRYKER_CONCURRENCY=1 npm run mutation -- config
//   npm run mutation -- policy --mutate 'libs/policy/src/rules/iam/*.ts'   # options after the
//                                        library names go to `stryker run` (here: a subset)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

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

/** Mutation score as Stryker computes it: detected ÷ valid mutants (no coverage counts as survived). */
function score(library) {
  const file = `reports/mutation/${library}/mutation.json`;
  if (!existsSync(file)) return undefined;
  const counts = {};
  for (const f of Object.values(JSON.parse(readFileSync(file, 'utf8')).files)) {
    for (const m of f.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const undetected = (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  return { ...counts, score: (100 * detected) / (detected + undetected) };
}

let failed = false;
for (const library of chosen.length > 0 ? chosen : LIBRARIES) {
  const run = spawnSync(
    'npx',
    ['stryker', 'run', `libs/${library}/stryker.config.mjs`, ...strykerOptions],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) failed = true;
  const result = score(library);
  if (result)
    console.log(`mutation ${library}: ${result.score.toFixed(2)} % ${JSON.stringify(result)}`);
}
process.exit(failed ? 1 : 0);
