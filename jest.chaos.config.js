/**
 * `npm run test:chaos`: the fault-injection suite (test/chaos). It starts its own stacks (npm start's stack.js, and
 * the stack's parts one by one), so it needs neither the e2e globalSetup nor its shared servers.
 */
const { globalSetup, globalTeardown, setupFilesAfterEnv, testMatch, ...base } =
  require('./jest.config.js').projects.find((p) => p.displayName === 'e2e');

module.exports = {
  ...base,
  displayName: 'chaos',
  testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'],
  // Each test sets its own bound; this one covers the hooks that start and stop the stacks.
  testTimeout: 180_000,
};
