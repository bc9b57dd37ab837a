import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Web build for the browser harness (tests, `npm run dev:web`): the same renderer as the Electron build, plus the
 * harness shim emitted as /kim-shim.js. The production build (electron.vite.config.ts) never sees the shim.
 */
const repo = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root: resolve(repo, 'renderer'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(repo, process.env.KIM_WEB_OUT ?? 'out/web'),
    emptyOutDir: true,
    sourcemap: true,
    // zxcvbn's German and common dictionaries are one ~1.4 MB chunk, loaded only where a strength meter shows.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: resolve(repo, 'renderer/index.html'),
        'kim-shim': resolve(repo, 'tests/harness/browser-shim.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'kim-shim' ? 'kim-shim.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
