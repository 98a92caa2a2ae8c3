module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'aws-delivery',
  rootDir: __dirname,
};
