// Pure checks over JSON; the tests that run the real terraform are the e2e target
// (jest.e2e.config.js). No cdktf matchers: the shared setup file is skipped.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'schema-check',
  rootDir: __dirname,
  setupFilesAfterEnv: [],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/src/e2e/'],
};
