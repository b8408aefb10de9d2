// The widget's own Open311 client (src/backend/open311.ts) built for Node, to prove that what the gateway
// answers (data and errors) is what the widget already understands.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export async function loadWidgetClient() {
  const outdir = `${root}node_modules/.cache/citizen-portal-gateway-tests`;
  mkdirSync(outdir, { recursive: true });
  const outfile = `${outdir}/open311-client.mjs`;
  await build({
    stdin: {
      contents: `export { createOpen311Backend } from './src/backend/open311';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'silent',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
