module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'aws-bootstrap',
  rootDir: __dirname,
};
