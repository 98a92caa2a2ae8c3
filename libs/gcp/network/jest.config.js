module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'gcp-network',
  rootDir: __dirname,
};
