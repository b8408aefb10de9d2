// The size budget, checked on the built files (deterministic: gzip level 9 of fixed bytes).
// "Before the location step" = dist/citizen-portal.js plus every chunk it imports statically, transitively;
// chunks behind import() (the status view, later the map) load only when used and are listed for information —
// except the resident's language: its first-screen words (chunks/i18n/xx-….js, not xx.later-….js) always load,
// so the budget is the core plus the largest of them.
// Fails (exit 1) over budget, or if maplibre ended up in the core.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const CORE_BUDGET_BYTES = 28_000;
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const entry = join(dist, 'citizen-portal.js');

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
// Static: `import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`; never `import("./x.js")`.
const staticImports = (code) =>
  [...code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w${},*\s]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);

export function measure() {
  if (!existsSync(entry)) throw new Error('dist/citizen-portal.js is missing: run `npm run build` first.');
  const core = new Set();
  const visit = (file) => {
    if (core.has(file)) return;
    core.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) visit(resolve(dirname(file), spec));
  };
  visit(entry);
  const all = readdirSync(dist, { recursive: true })
    .map((f) => join(dist, String(f)))
    .filter((f) => f.endsWith('.js'));
  const rows = all.map((file) => ({ file: relative(dist, file), gzip: gz(file), core: core.has(file) }));
  const languages = rows.filter((r) =>
    /^chunks\/i18n\/[a-z]{2,3}(-[A-Za-z]+)?-[\w-]+\.js$/.test(r.file.replace(/\\/g, '/')),
  );
  if (!languages.length) throw new Error('No language chunks in dist/chunks/i18n/: the size check cannot count them.');
  const language = languages.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  language.core = true;
  language.largestLanguage = true;
  const coreBytes = rows.filter((r) => r.core).reduce((sum, r) => sum + r.gzip, 0);
  const maplibreInCore = [...core].some((f) => /maplibre/i.test(readFileSync(f, 'utf8')));
  // The search's lexicon of each language (issue #13): loaded after the first screen, the resident's only.
  const lexicons = rows.filter((r) => /^chunks\/lexicon\//.test(r.file.replace(/\\/g, '/')));
  const search = rows.find((r) => /^chunks\/search-[\w-]+\.js$/.test(r.file.replace(/\\/g, '/')));
  return { rows, coreBytes, maplibreInCore, language, lexicons, search };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, coreBytes, maplibreInCore, lexicons, search } = measure();
  console.log('file'.padEnd(48), 'gzip bytes'.padStart(10), ' loaded');
  for (const r of rows.sort((a, b) => Number(b.core) - Number(a.core) || b.gzip - a.gzip)) {
    const when = r.largestLanguage
      ? ' before the location step (the largest language)'
      : r.core
        ? ' before the location step'
        : ' on demand';
    console.log(r.file.padEnd(48), String(r.gzip).padStart(10), when);
  }
  console.log(
    `Core (before the location step, in the largest language): ${coreBytes} of ${CORE_BUDGET_BYTES} bytes gzip.`,
  );
  if (lexicons.length) {
    const lang = (r) => r.file.replace(/\\/g, '/').replace(/^chunks\/lexicon\/([a-z]+)-.*$/, '$1');
    console.log(
      `Lexicon, after the first screen, the resident's language only: ${lexicons
        .sort((a, b) => lang(a).localeCompare(lang(b)))
        .map((r) => `${lang(r)} ${r.gzip}`)
        .join(', ')} bytes gzip` + (search ? `; with the search (its English concepts inside): ${search.gzip}.` : '.'),
    );
  }
  let failed = false;
  if (lexicons.some((r) => r.core)) {
    console.error('A lexicon chunk is loaded before the location step: it must load only with the search.');
    failed = true;
  }
  if (coreBytes > CORE_BUDGET_BYTES) {
    console.error(
      `Size budget exceeded by ${coreBytes - CORE_BUDGET_BYTES} bytes: move code behind import() or trim it.`,
    );
    failed = true;
  }
  if (maplibreInCore) {
    console.error('maplibre-gl is in the core bundle: it must load only in its lazy chunk.');
    failed = true;
  }
  // vite.config.ts marks the entry for eager compilation off the main thread (issue #14); a build change that
  // drops the mark would slow the first screen without any test noticing.
  if (!readFileSync(entry, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')) {
    console.error('dist/citizen-portal.js lost its first line, the compile hint //# allFunctionsCalledOnLoad.');
    failed = true;
  }
  process.exit(failed ? 1 : 0);
}
