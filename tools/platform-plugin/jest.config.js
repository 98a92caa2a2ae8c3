module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'platform-plugin',
  rootDir: __dirname,
  // Unit tests on the devkit tree; the end-to-end test is the e2e target (jest.e2e.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/src/e2e/'],
};
