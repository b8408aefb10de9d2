// Our TypeScript (the widget's Open311 client and what goes with it) bundled for Node with esbuild and imported:
// the fuzz script and the gateway's tests run the very client the widget runs. `contents` is a module of
// re-exports, resolved from the repository's root; each `name` is its own file under node_modules/.cache.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function bundleForNode(name, contents) {
  const outdir = `${root}node_modules/.cache/citizen-portal-node`;
  mkdirSync(outdir, { recursive: true });
  const outfile = `${outdir}/${name}.mjs`;
  await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
