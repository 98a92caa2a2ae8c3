module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'platform-plugin-e2e',
  rootDir: __dirname,
  // Runs the generators, synth and terraform validate in a workspace copy.
  roots: ['<rootDir>/src/e2e'],
  testTimeout: 300000,
};
