module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'gcp-gke',
  rootDir: __dirname,
};
