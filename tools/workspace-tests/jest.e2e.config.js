module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'workspace-tests',
  rootDir: __dirname,
  globalSetup: '<rootDir>/src/global-setup.ts',
  testTimeout: 120000,
  // the unit tests run in the test target (jest.config.js)
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/src/unit/'],
};
