// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'worker_threads',
  'node:fs',
  'node:fs/promises',
  'node:path',
  'node:os',
  'node:crypto',
  'node:http',
  'node:https',
  'node:net',
  'node:child_process',
  'node:worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'artifacts/**',
      'apps/web/dist/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'no-console': 'error',
    },
  },
  {
    // The web app has its own tsconfig (DOM, JSX, bundler resolution), excluded from the root one: the project
    // service finds it as the nearest tsconfig, and imports resolve through its paths.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './apps/web/tsconfig.json' })],
    },
  },
  {
    // Decorator-heavy Nest code needs value imports for DI metadata.
    files: ['apps/api/**/*.ts', 'libs/persistence/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts', 'workflows/**/*.e2e-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'Workflow code must be deterministic: no Node APIs or I/O.',
            })),
            { name: '@temporalio/client', message: 'Workflows may not use the client.' },
            { name: '@temporalio/worker', message: 'Workflows may not use the worker.' },
            { name: '@notaflow/persistence', message: 'Persistence belongs in activities.' },
            { name: 'typeorm', message: 'Persistence belongs in activities.' },
            {
              name: '@notaflow/calendar',
              message: 'Due dates are computed in activities and passed in as instants (the holiday data is large).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' }],
    },
  },
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests read loosely typed JSON answers of the HTTP API.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The layers (docs/ARCHITECTURE.md): apps -> workflows | activities -> libs, and nothing imports an app. Tests may
    // reach across to set things up; product code may not.
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts', 'workflows/**/*.ts', 'activities/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: './libs',
              from: ['./apps', './workflows', './activities', './scripts', './bench', './test'],
              message: 'libs are the bottom layer: they import no app, workflow, activity, script or test.',
            },
            {
              target: './workflows',
              from: [
                './apps',
                './activities',
                './libs/persistence',
                './libs/config',
                './libs/storage',
                './libs/documents',
              ],
              message: 'Workflow code imports only @temporalio/workflow, libs/domain and libs/temporal.',
            },
            {
              target: './activities',
              from: ['./apps', './workflows'],
              message: 'Activities are called by workflows, never the other way; no app is imported.',
            },
            {
              target: './apps/api',
              from: ['./apps/worker', './apps/web', './workflows', './activities'],
              message: 'The API reaches a flow through the Temporal client and libs/temporal, never its code.',
            },
            {
              target: './apps/worker',
              from: ['./apps/api', './apps/web'],
              message: 'The worker runs workflows and activities; it imports no other app.',
            },
            {
              target: './apps/web',
              from: [
                './apps/api',
                './apps/worker',
                './workflows',
                './activities',
                './libs/persistence',
                './libs/temporal',
                './libs/config',
                './libs/storage',
                './libs/calendar',
                './libs/temporal-connection',
              ],
              message: 'The web app talks to the API over HTTP; of the libraries it shares only libs/domain.',
            },
            {
              target: './apps/web',
              from: './libs/documents',
              except: ['./src/beslisnota.ts'],
              message: 'Of libs/documents, the web app shares only the beslisnota form’s sections.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
