module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'aws-ecs',
  rootDir: __dirname,
};
