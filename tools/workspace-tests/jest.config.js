module.exports = { ...require('../../jest.preset.js'), displayName: 'workspace-tests', rootDir: __dirname };
