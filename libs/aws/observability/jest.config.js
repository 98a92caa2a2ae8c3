module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'aws-observability',
  rootDir: __dirname,
};
