/** Two tiers: unit specs of pure logic, and e2e specs on a real PostgreSQL and Temporal dev server. */
const moduleNameMapper = {
  // The one file of libs/documents the web app takes: the beslisnota's sections, without the server's libraries.
  '^@notaflow/documents/beslisnota$': '<rootDir>/libs/documents/src/beslisnota',
  '^@notaflow/(domain|calendar|persistence|temporal|temporal-connection|config|storage|documents)$':
    '<rootDir>/libs/$1/src',
  '^@notaflow/workflows$': '<rootDir>/workflows',
  '^@notaflow/activities$': '<rootDir>/activities',
};
const transform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
// Packages that ship ES modules only: jest (before Node 24) cannot require them, so swc turns them into CommonJS.
// jose is the API's; the others come with openapi-typescript, which test/web-api-schema.spec.ts runs.
const esmOnly = '(?:jose|parse-json|index-to-position|supports-color|change-case)';
transform[`/node_modules/${esmOnly}/.+\\.js$`] = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const common = {
  rootDir: __dirname,
  moduleNameMapper,
  transform,
  // Ignored unless the package itself (the last node_modules segment, nested or not) is one of the above.
  transformIgnorePatterns: [`/node_modules/(?!${esmOnly}/)(?:(?!/node_modules/).)*$`],
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,activities,test}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.e2e-spec\\.ts$'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,workflows,activities,test}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/e2e-setup.ts'],
    },
  ],
};
