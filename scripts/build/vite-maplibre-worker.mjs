// Vite plugin: ships maplibre-gl's worker (maplibre-gl-worker.mjs) next to the map chunk (issue #5).
//
// maplibre 6 finds its worker at run time with new URL('./maplibre-gl-worker.mjs', import.meta.url), which vite
// cannot see, and src/map/worker.ts fetches the same file relative to its own chunk to wrap it in a blob: URL (so
// a city's CSP needs only `worker-src blob:`). In a build, this plugin copies the file into every output folder
// holding a chunk that names it (dist/chunks/ with our chunkFileNames), without its sourceMappingURL comment (the
// 2.6 MB map is not shipped). In `vite` dev it serves the file for any path ending in /maplibre-gl-worker.mjs,
// and keeps maplibre out of dependency pre-bundling (which would move its module away from the worker file).
//
//   import { maplibreWorker } from './scripts/build/vite-maplibre-worker.mjs';
//   export default defineConfig({ plugins: [maplibreWorker()], … });
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';

export const WORKER_FILE = 'maplibre-gl-worker.mjs';

/** The worker file maplibre ships, resolved from the project root (works with hoisted or nested installs). */
export function maplibreWorkerPath(root = process.cwd()) {
  return createRequire(join(root, 'package.json')).resolve(`maplibre-gl/dist/${WORKER_FILE}`);
}

/** The worker's code as we ship it: maplibre's file minus the pointer to a source map we do not copy. */
export function maplibreWorkerCode(root) {
  return readFileSync(maplibreWorkerPath(root), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

/** @returns {import('vite').Plugin} */
export function maplibreWorker() {
  let root = process.cwd();
  return {
    name: 'citizen-portal:maplibre-worker',
    config() {
      return { optimizeDeps: { exclude: ['maplibre-gl'] } };
    },
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url || '').split('?')[0];
        if (!path.endsWith(`/${WORKER_FILE}`)) return next();
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.end(maplibreWorkerCode(root));
      });
    },
    generateBundle(_options, bundle) {
      const dirs = new Set();
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.code.includes(WORKER_FILE)) dirs.add(posix.dirname(output.fileName));
      }
      if (dirs.size === 0) return; // a build without the map (the demo's mock backend)
      const source = maplibreWorkerCode(root);
      for (const dir of dirs) {
        this.emitFile({ type: 'asset', fileName: dir === '.' ? WORKER_FILE : `${dir}/${WORKER_FILE}`, source });
      }
    },
  };
}

export default maplibreWorker;
