module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'aws-baseline',
  rootDir: __dirname,
};
