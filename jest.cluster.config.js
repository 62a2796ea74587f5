/**
 * `npm run test:cluster`: the fault suite on the production topology (test/cluster). It starts its own cluster
 * through scripts/cluster.js, so it needs neither the e2e globalSetup nor its shared servers.
 */
const { globalSetup, globalTeardown, setupFilesAfterEnv, testMatch, ...base } =
  require('./jest.config.js').projects.find((p) => p.displayName === 'e2e');

module.exports = {
  ...base,
  displayName: 'cluster',
  testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'],
  // Each test sets its own bound; this one covers the hooks that start and stop the cluster.
  testTimeout: 300_000,
};
