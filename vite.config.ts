// Library build: dist/citizen-portal.js, an ES module a city loads with <script type="module" src>.
// Chunks it loads later (the map, issue #5) are resolved relative to it through import.meta.url.
import { defineConfig } from 'vite';
import { maplibreWorker } from './scripts/build/vite-maplibre-worker.mjs';
import { licenses } from './scripts/build/vite-licenses.mjs';
import { minifyTemplates } from './scripts/build/vite-minify-templates.mjs';

export default defineConfig({
  publicDir: false,
  // maplibre's worker is resolved at run time (new URL(…, import.meta.url)): emit it next to the map chunk.
  plugins: [maplibreWorker(), minifyTemplates(), licenses()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    copyPublicDir: false,
    sourcemap: true,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'citizen-portal.js',
    },
    rolldownOptions: {
      // Let the entry export internals to its lazy chunks instead of splitting lit & co. into a shared chunk:
      // one file (one round trip from the CDN) before the form shows.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Library mode keeps whitespace unless told otherwise (see ../shared/design/TOOLCHAIN.md).
        minify: true,
        // A browser loads these files as they are (no bundler reads them again): comments, tree-shaking marks such
        // as /* @__PURE__ */ and licence headers alike, are bytes for nothing. The licences are in
        // dist/third-party-licenses.txt (scripts/build/vite-licenses.mjs).
        comments: false,
        // The entry is the first screen's code, nearly all of it called before the list is usable: V8 compiles a
        // file so marked eagerly, on a background thread while it streams, instead of function by function on the
        // main thread at first call (explicit compile hints, Chrome 136+; other engines read a comment). Chunks
        // that load later stay lazily compiled.
        postBanner: (chunk) => (chunk.isEntry ? '//# allFunctionsCalledOnLoad' : ''),
        // A language's words in chunks/i18n/, where the size check finds them (the resident's language counts
        // towards the first screen); the search's lexicon of each language in chunks/lexicon/ (listed by the size
        // check, loaded later, in the resident's language only).
        chunkFileNames: (chunk) =>
          /\/src\/i18n\//.test(chunk.facadeModuleId ?? '')
            ? 'chunks/i18n/[name]-[hash].js'
            : /\/src\/search\/lexicon\//.test(chunk.facadeModuleId ?? '')
              ? 'chunks/lexicon/[name]-[hash].js'
              : 'chunks/[name]-[hash].js',
      },
    },
  },
});
