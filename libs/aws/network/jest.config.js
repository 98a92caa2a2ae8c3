module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'aws-network',
  rootDir: __dirname,
};
