// Pure functions over plan JSON and provider schemas: no cdktf matchers, no terraform.
module.exports = {
  // The workspace preset is a file, not a project; the boundary rule does not apply to it.
  // eslint-disable-next-line @nx/enforce-module-boundaries
  ...require('../../jest.preset.js'),
  displayName: 'offline-plan',
  rootDir: __dirname,
  setupFilesAfterEnv: [],
};
