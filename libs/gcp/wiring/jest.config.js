module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'gcp-wiring',
  rootDir: __dirname,
};
