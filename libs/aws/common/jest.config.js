module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'aws-common',
  rootDir: __dirname,
};
