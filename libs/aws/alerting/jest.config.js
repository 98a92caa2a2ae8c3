module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'aws-alerting',
  rootDir: __dirname,
};
