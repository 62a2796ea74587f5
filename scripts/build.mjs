// Builds dist/: every TypeScript source compiled by swc (type checking is `npm run typecheck`, part of
// `npm test`), then the prebuilt workflow bundle the worker loads; and, alongside, the staff web app into
// apps/web/dist with Vite, which the API serves at `/`. Fast enough to run on every `npm start`.
// `--web-only` builds the web app alone.
import { createRequire } from 'node:module';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
// The test suites' drivers of the loopback stacks too: `bench:cluster` starts and checks clusters as the cluster suite does.
const sourceDirs = [
  'apps/api/src',
  'apps/worker/src',
  'workflows',
  'activities',
  'libs',
  'scripts',
  'bench',
  'test/support',
  'test/chaos/support',
  'test/cluster/support',
];
const skip = /(\.spec\.ts|\.e2e-spec\.ts|\.d\.ts)$/;
// Worker threads' entry points, in plain JavaScript that Node loads itself: copied as they are.
const worker = /\.worker\.mjs$/;

const tsconfig = require(path.join(root, 'tsconfig.json'));
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    baseUrl: root,
    paths: tsconfig.compilerOptions.paths,
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(full);
    } else if ((entry.name.endsWith('.ts') && !skip.test(entry.name)) || worker.test(entry.name)) yield full;
  }
}

async function compile() {
  const files = [];
  for (const dir of sourceDirs) for await (const file of walk(path.join(root, dir))) files.push(file);
  await Promise.all(
    files.map(async (file) => {
      if (worker.test(file)) {
        const copy = path.join(dist, path.relative(root, file));
        await mkdir(path.dirname(copy), { recursive: true });
        return copyFile(file, copy);
      }
      const out = path.join(dist, path.relative(root, file)).replace(/\.ts$/, '.js');
      const { code, map } = await swc.transformFile(file, { ...swcOptions, filename: file, outputPath: out });
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
      if (map) await writeFile(`${out}.map`, map);
    }),
  );
  return files.length;
}

async function bundle() {
  const { bundleWorkflowCode } = require('@temporalio/worker');
  const { workflowBundleOptions } = require(path.join(dist, 'apps/worker/src/bundle.js'));
  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: quietLogger });
  await writeFile(path.join(dist, 'workflow-bundle.js'), code);
}

const quietLogger = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn: (m) => process.stderr.write(`bundle: ${m}\n`),
  error: (m) => process.stderr.write(`bundle: ${m}\n`),
};

/** The web app, with Vite's JS API and the config in apps/web; answers the seconds it took. */
async function buildWeb() {
  const started = performance.now();
  const { build } = await import('vite');
  const { default: config } = await import('../apps/web/vite.config.mjs');
  await build({ ...config, mode: 'production' });
  return (performance.now() - started) / 1000;
}

const started = performance.now();
if (process.argv.includes('--web-only')) {
  const seconds = await buildWeb();
  process.stdout.write(`built the web app (apps/web/dist) in ${seconds.toFixed(1)} s\n`);
} else {
  await rm(dist, { recursive: true, force: true });
  // Independent of each other: the web app builds while swc compiles and the workflows are bundled.
  const [count, webSeconds] = await Promise.all([
    compile().then(async (files) => {
      await bundle();
      return files;
    }),
    buildWeb(),
  ]);
  process.stdout.write(
    `built ${count} files and the workflow bundle, and the web app (${webSeconds.toFixed(1)} s), ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
