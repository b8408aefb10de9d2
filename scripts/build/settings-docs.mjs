// The settings' documentation, generated from the one place they are defined: the keys of ConfigSchema in
// src/schema/config.ts and the doc comment above each (`@default …` for its default). It feeds the README's
// attribute table and custom-elements.json (see custom-elements-manifest.config.mjs), so neither can drift.
//
//   node scripts/build/settings-docs.mjs          rewrites the README's table
//   node scripts/build/settings-docs.mjs --check  fails if the README's table is not what the schema says (npm test)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CONFIG = new URL('../../src/schema/config.ts', import.meta.url);
const README = new URL('../../README.md', import.meta.url);
const START = '<!-- settings: generated from src/schema/config.ts by `npm run docs` -->';
const END = '<!-- /settings -->';

const attributeName = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** [{ key, attribute, description, default }] in the schema's order. */
export function settings() {
  const source = readFileSync(CONFIG, 'utf8');
  const start = source.indexOf('export const ConfigSchema = z.object({');
  const body = source.slice(start, source.indexOf('\n});', start));
  const found = [...body.matchAll(/\n {2}\/\*\*([\s\S]*?)\*\/\n {2}([a-zA-Z]+):/g)].map((m) => {
    const text = m[1]
      .split('\n')
      .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
      .join(' ')
      .trim();
    const [description, fallback] = text.split(/\s*@default\s+/);
    return { key: m[2], attribute: attributeName(m[2]), description, default: fallback };
  });
  const keys = [...body.matchAll(/\n {2}([a-zA-Z]+):/g)].map((m) => m[1]);
  const undocumented = keys.filter((k) => !found.some((s) => s.key === k));
  if (undocumented.length) throw new Error(`settings without a doc comment in config.ts: ${undocumented.join(', ')}`);
  return found;
}

export function table() {
  const rows = settings().map((s) => `| \`${s.attribute}\` | ${s.description} | ${s.default ?? '—'} |`);
  return [START, '| attribute | what it is | default |', '|---|---|---|', ...rows, END].join('\n');
}

function readmeWithTable(readme) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} section`);
  return readme.slice(0, a) + table() + readme.slice(b + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(README, 'utf8');
  const updated = readmeWithTable(readme);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md: the settings table differs from src/schema/config.ts. Run `npm run docs`.');
      process.exit(1);
    }
    console.log(`README.md documents the ${settings().length} settings of src/schema/config.ts.`);
  } else {
    writeFileSync(README, updated);
    console.log(`README.md: ${settings().length} settings written.`);
  }
}
