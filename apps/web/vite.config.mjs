// The web app's build, used by scripts/build.mjs (Vite's JS API) and, for working on the app alone, by
// `npx vite --config apps/web/vite.config.mjs` with the API running (requests to /api go to NOTAFLOW_API_URL).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
// npm start's API; a developer with another port sets NOTAFLOW_API_URL.
const api = process.env.NOTAFLOW_API_URL || 'http://127.0.0.1:3000';

/** @type {import('vite').InlineConfig} */
export default {
  root: here,
  base: '/',
  configFile: false,
  logLevel: 'warn',
  // @vitejs/plugin-react is not needed for a production build: Vite's own Oxc transform compiles JSX.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: {
      '@notaflow/domain': path.join(root, 'libs/domain/src/index.ts'),
      // The beslisnota's sections as the PDF prints them; the rest of libs/documents is the server's (pdfkit, pdf.js).
      '@notaflow/documents/beslisnota': path.join(root, 'libs/documents/src/beslisnota.ts'),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The Rijkshuisstijl components carry their style sheet inside their JavaScript.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" for React Server Components; meaningless in a browser bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': api, '/metrics': api } },
};
