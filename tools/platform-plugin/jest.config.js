module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'platform-plugin',
  rootDir: __dirname,
  // The end-to-end test runs the generators, synth and terraform validate in a workspace copy.
  testTimeout: 300000,
};
