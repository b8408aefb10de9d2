// Builds the demo's scripts into dist-demo/: mock-backend.js (msw + the in-browser Open311 mock) and
// configure.js (the configurator page).
// Kept apart from vite.config.ts so the published library in dist/ never contains mock code; this build
// empties and writes dist-demo/ only.
import { defineConfig } from 'vite';

export default defineConfig({
  // The bundle is served under /dist-demo/; a relative base keeps its lazily loaded chunk (msw + the mock,
  // fetched only when no real ?endpoint= is given) resolvable from wherever the file is served.
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist-demo',
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2022',
    minify: true,
    // No <link rel=modulepreload> injection or polyfill: the lazy chunks are only a few and load together.
    modulePreload: false,
    rolldownOptions: {
      input: { 'mock-backend': 'demo/mock-backend.ts', configure: 'demo/configure.ts' },
      preserveEntrySignatures: false,
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
