module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'gcp-registry',
  rootDir: __dirname,
};
