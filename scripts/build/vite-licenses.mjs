// vite plugin: dist/third-party-licenses.txt, the licence of every package whose code is in the build (lit, zod,
// maplibre-gl, @floating-ui …), each with its name and version. The minified files carry no comments at all (not
// even licence headers: 104 B gzip of the first screen, issue #14), so the notices the licences ask to be
// reproduced with a distribution are in this file, next to them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';

/** The package directory of a module inside node_modules (scoped or not), or undefined for our own code. */
function packageDir(id) {
  const file = id.replace(/^\0/, '').split('?')[0];
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return undefined;
  const rest = file.slice(at + `${sep}node_modules${sep}`.length).split(sep);
  const depth = rest[0].startsWith('@') ? 2 : 1;
  return join(file.slice(0, at), 'node_modules', ...rest.slice(0, depth));
}

export function licenses({ fileName = 'third-party-licenses.txt' } = {}) {
  return {
    name: 'citizen-portal:licenses',
    generateBundle() {
      const dirs = new Set();
      for (const id of this.getModuleIds()) {
        const dir = packageDir(id);
        if (dir && existsSync(join(dir, 'package.json'))) dirs.add(dir);
      }
      const entries = [...dirs]
        .map((dir) => {
          const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
          const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
          const text = file
            ? readFileSync(join(dir, file), 'utf8').trim()
            : `License: ${pkg.license ?? 'see the package'}`;
          return { name: `${pkg.name}@${pkg.version}`, text };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      if (!entries.length) return;
      const source =
        'citizen-portal includes code from these packages, under their licences:\n\n' +
        entries.map((e) => `${e.name}\n${'-'.repeat(e.name.length)}\n${e.text}\n`).join('\n');
      this.emitFile({ type: 'asset', fileName, source });
    },
  };
}
