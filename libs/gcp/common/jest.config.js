module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'gcp-common',
  rootDir: __dirname,
};
