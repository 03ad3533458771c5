/** Test tiers run as separate jest projects: `npx jest --selectProjects unit` runs one. */
const transform = { '^.+\\.ts$': ['@swc/jest'] };
const tier = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  setupFiles: ['reflect-metadata'],
  ...extra,
});

module.exports = {
  // One PostgreSQL for the whole run: embedded by default, TEST_DATABASE_URL when set.
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  // Database and whole-federation tests start real servers; the bound only catches hangs.
  testTimeout: 120_000,
  projects: [tier('unit'), tier('integration'), tier('e2e')],
};
