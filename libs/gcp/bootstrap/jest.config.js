module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'gcp-bootstrap',
  rootDir: __dirname,
};
