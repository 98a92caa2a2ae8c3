// The checker against the real `terraform validate` (hashicorp/aws from the machine's mirror, or
// the registry). Without terraform on PATH the test is skipped with a warning, unless
// PLATFORM_REQUIRE_TERRAFORM=1 makes that an error.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'schema-check-e2e',
  rootDir: __dirname,
  setupFilesAfterEnv: [],
  roots: ['<rootDir>/src/e2e'],
  testTimeout: 300_000,
};
