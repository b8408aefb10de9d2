// Builds the gateway for Node (gateway/dist/cli.mjs, node.mjs) and for fetch platforms (worker.mjs) with esbuild.
// The widget's Open311 client (src/backend, src/schema) is bundled in; npm packages stay imports. Nothing here
// touches dist/ (the widget's published folder and its size check).
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const outdir = `${here}dist`;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: `${here}src/cli.ts`, node: `${here}src/node.ts`, worker: `${here}src/worker.ts` },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  banner: { js: '' },
  logLevel: 'warning',
});
chmodSync(`${outdir}/cli.mjs`, 0o755);
