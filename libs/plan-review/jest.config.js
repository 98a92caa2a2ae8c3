// This library needs none of cdktf's matchers, so it skips the shared setup file (that would load
// cdktf in every test file). The real-terraform tests may take a few seconds on a cold disk.
module.exports = {
  // The workspace preset is a file, not a project; the boundary rule does not apply to it.
  // eslint-disable-next-line @nx/enforce-module-boundaries
  ...require('../../jest.preset.js'),
  displayName: 'plan-review',
  rootDir: __dirname,
  setupFilesAfterEnv: [],
  testTimeout: 60_000,
};
