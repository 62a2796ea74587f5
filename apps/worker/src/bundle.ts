import path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

// Works from the sources (tests) and from dist/ (the build), which mirror each other's layout.
const root = path.resolve(__dirname, '../../..');
const libs = ['domain', 'calendar', 'temporal', 'config', 'persistence'];

/** Options for bundling workflows/, resolving the @notaflow/* aliases the way tsconfig.json does. */
export function workflowBundleOptions(): BundleOptions {
  return {
    workflowsPath: path.join(root, 'workflows'),
    webpackConfigHook: (config) => {
      const alias = Object.fromEntries(libs.map((lib) => [`@notaflow/${lib}`, path.join(root, 'libs', lib, 'src')]));
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } };
      return config;
    },
  };
}
