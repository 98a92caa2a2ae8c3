module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'gcp-delivery',
  rootDir: __dirname,
};
