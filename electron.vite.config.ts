import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * `npm run dev` only: React Fast Refresh injects an inline script that the strict CSP blocks. The dev server's page
 * gets 'unsafe-inline' for scripts; production builds keep the strict policy untouched.
 */
function devOnlyRefreshCsp(): Plugin {
  return {
    name: 'kim-dev-only-refresh-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

/**
 * Builds the three parts of the app: main (with the core worker as a second entry, so database work runs off the
 * main thread, and the admin CLI as a third), the sandboxed preload (one CommonJS file with its dependencies bundled — a sandboxed preload cannot
 * require packages) and the React renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'core-worker': resolve(__dirname, 'electron/main/core-worker.ts'),
          // The admin CLI, shipped with the app: `KIM-Akte.exe --cli …` loads this file (electron/main/cli-mode.ts),
          // and tests run the same file with plain Node.
          cli: resolve(__dirname, 'electron/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devOnlyRefreshCsp()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // zxcvbn's German and common dictionaries are one ~1.4 MB chunk, loaded only where a strength meter shows.
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
