module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'aws-registry',
  rootDir: __dirname,
};
