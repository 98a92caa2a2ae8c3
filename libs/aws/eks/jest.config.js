module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'aws-eks',
  rootDir: __dirname,
};
