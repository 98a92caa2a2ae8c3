// Unit tests across stack families (no synth of the apps, no terraform): `nx run workspace-tests:test`.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'workspace-tests',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/unit/**/*.test.ts'],
};
