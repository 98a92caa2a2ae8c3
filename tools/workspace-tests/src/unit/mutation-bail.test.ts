// The jest environment of mutation runs (tools/mutation/bail-environment.cjs): after a test fails
// for the active mutant, the rest of that mutant's tests are skipped; nothing else changes.
// The environment is a plain CommonJS file of the mutation tooling, not a project.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const BailEnvironment = require('../../../mutation/bail-environment.cjs');

type Test = { errors: unknown[]; mode?: string };
const environment = Object.create(BailEnvironment.prototype) as {
  handleTestEvent(event: { name: string; test?: Test }): Promise<void>;
};

/** Runs tests through the environment's events; returns each test's mode afterwards. */
async function run(
  mutant: string | undefined,
  outcomes: boolean[],
): Promise<(string | undefined)[]> {
  if (mutant === undefined) delete process.env['__STRYKER_ACTIVE_MUTANT__'];
  else process.env['__STRYKER_ACTIVE_MUTANT__'] = mutant;
  const modes: (string | undefined)[] = [];
  for (const passes of outcomes) {
    const test: Test = { errors: [] };
    await environment.handleTestEvent({ name: 'test_start', test });
    if (test.mode !== 'skip' && !passes) test.errors.push(new Error('failed'));
    await environment.handleTestEvent({ name: 'test_done', test });
    modes.push(test.mode);
  }
  return modes;
}

describe('bail environment of mutation runs', () => {
  afterAll(() => delete process.env['__STRYKER_ACTIVE_MUTANT__']);

  it('skips the tests after the first failure of a mutant, and runs all of the next mutant', async () => {
    expect(await run('7', [true, false, true, true])).toEqual([
      undefined,
      undefined,
      'skip',
      'skip',
    ]);
    expect(await run('8', [true, true])).toEqual([undefined, undefined]);
  });

  it('skips nothing outside a mutant run (the dry run, plain jest)', async () => {
    await run('9', [false]);
    expect(await run(undefined, [false, true, true])).toEqual([undefined, undefined, undefined]);
  });
});
