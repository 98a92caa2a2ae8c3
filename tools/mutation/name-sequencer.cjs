// @ts-check
/**
 * Jest test sequencer for mutation runs: runs only the test files that hold a test the run's
 * `testNamePattern` selects.
 *
 * Stryker runs, for each mutant, the tests that cover it (a `testNamePattern` of their full names)
 * in every test file related to the mutated file. Jest loads each of those files, with all its
 * imports, even when none of its tests is selected: in libs/plan-review that was 15-20 files a
 * mutant where one or two hold the covering tests. A file none of whose tests matches the pattern
 * runs nothing, so leaving it out changes no result, only the time.
 *
 * The test names of each file come from `MUTATION_TEST_NAMES` (a JSON file written by
 * tools/mutation/run.mjs from one jest run before Stryker starts: `{ "<path below the library>":
 * ["<full name>", ...] }`). Without a pattern (the dry run), or for a file the list does not know,
 * every file runs, as without this sequencer.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** @type {Record<string, string[]> | undefined} */
let names;
function testNames() {
  const file = process.env.MUTATION_TEST_NAMES;
  if (!file) return undefined;
  names ??= JSON.parse(readFileSync(file, 'utf8'));
  return names;
}

class NameSequencer extends Sequencer {
  /** @param {{ globalConfig: import('@jest/types').Config.GlobalConfig }} options */
  constructor(options) {
    // @ts-expect-error jest passes contexts too
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
  }

  /** @param {import('@jest/test-result').Test[]} tests */
  sort(tests) {
    const sorted = super.sort(tests);
    const byFile = testNames();
    if (!this.pattern || !byFile) return sorted;
    // jest matches testNamePattern case-insensitively against each test's full name
    const selected = new RegExp(this.pattern, 'i');
    /** @param {import('@jest/test-result').Test} test */
    const runs = (test) => {
      const relative = path
        .relative(test.context.config.rootDir, test.path)
        .split(path.sep)
        .join('/');
      const known = byFile[relative];
      return known === undefined || known.some((name) => selected.test(name));
    };
    return Array.isArray(sorted) ? sorted.filter(runs) : sorted.then((list) => list.filter(runs));
  }
}

module.exports = NameSequencer;
