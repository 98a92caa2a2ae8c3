module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'workspace-tests',
  rootDir: __dirname,
  globalSetup: '<rootDir>/src/global-setup.ts',
  testTimeout: 120000,
};
