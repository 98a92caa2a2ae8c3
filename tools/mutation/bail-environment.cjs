// @ts-check
/**
 * Jest test environment for mutation runs: once a test has failed for the active mutant, the
 * remaining tests of that run are skipped.
 *
 * A mutant is killed by its first failing test; what runs after it cannot change the result.
 * Jest has no bail that Stryker can use (Stryker sets `bail: false`: jest/issues/11766), so a
 * mutant covered by tests in twenty files ran all of them even when the first one failed. The
 * environment class is loaded once per worker process, outside the per-file module registry, so
 * the failure it records carries from one test file to the next within the mutant's run; the
 * next mutant has another id. Outside Stryker (no active mutant) it is the plain node environment.
 */
const { TestEnvironment } = require('jest-environment-node');

/** Stryker's active mutant (set in the worker before each run), or undefined in the dry run. */
const activeMutant = () => process.env['__STRYKER_ACTIVE_MUTANT__'];

/** The mutant that already has a failing test in this process. */
let killed;

class BailEnvironment extends TestEnvironment {
  /** @param {{ name: string, test?: { errors: unknown[], mode?: string } }} event */
  async handleTestEvent(event) {
    const mutant = activeMutant();
    if (mutant === undefined || !event.test) return;
    if (event.name === 'test_start' && killed === mutant) event.test.mode = 'skip';
    if (event.name === 'test_done' && event.test.errors.length > 0) killed = mutant;
  }
}

module.exports = BailEnvironment;
