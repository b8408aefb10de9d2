// Category search at scale (issue "find the right category fast"): builds the search index over a deterministic
// 5,000-service catalogue and times it the way a resident uses it, one keystroke at a time. Runs in Node on the
// real src/search code (bundled with esbuild). `node scripts/bench/bench-search.mjs` prints a table; scripts/bench/bench.mjs
// includes the rows through benchSearch().
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function loadSearchModule() {
  const outdir = `${root}node_modules/.cache/citizen-portal`;
  mkdirSync(outdir, { recursive: true });
  const outfile = `${outdir}/search.mjs`;
  await build({
    entryPoints: [`${root}src/search/index.ts`],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    logLevel: 'silent',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** mulberry32: a tiny seeded generator, so every run searches the same catalogue. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const THINGS = [
  ['Pothole', 'hole, road, pavement, asphalt'],
  ['Street Light', 'lamp, streetlight, dark, pole'],
  ['Sidewalk', 'walkway, crack, trip hazard, concrete'],
  ['Traffic Signal', 'stoplight, signal, intersection, red light'],
  ['Fire Hydrant', 'hydrant, water, leak, hose'],
  ['Park Bench', 'bench, seat, park'],
  ['Street Sign', 'sign, stop sign, pole, street name'],
  ['Tree', 'tree, branch, limb, trunk'],
  ['Graffiti', 'tagging, vandalism, spray paint'],
  ['Trash Can', 'litter, basket, bin, garbage'],
  ['Recycling Cart', 'cart, bin, lid, wheels'],
  ['Water Main', 'water, pipe, flooding, leak'],
  ['Storm Drain', 'drain, sewer, flooding, catch basin'],
  ['Bus Shelter', 'bus stop, shelter, glass, bench'],
  ['Bike Lane', 'bicycle, lane, cycling, paint'],
  ['Crosswalk', 'crossing, pedestrian, stripes, paint'],
  ['Playground', 'swing, slide, equipment, children'],
  ['Public Restroom', 'toilet, bathroom, restroom'],
  ['Parking Meter', 'meter, parking, coins, payment'],
  ['Fence', 'fence, gate, railing'],
  ['Manhole Cover', 'manhole, cover, lid, sewer'],
  ['Drinking Fountain', 'fountain, water, drinking'],
  ['Curb Ramp', 'curb, ramp, wheelchair, accessibility'],
  ['Snow', 'snow, ice, plowing, salt'],
  ['Dead Animal', 'animal, carcass, roadkill, deer'],
];
const PROBLEMS = [
  'Broken',
  'Damaged',
  'Missing',
  'Leaking',
  'Blocked',
  'Overflowing',
  'Vandalized',
  'Unsafe',
  'Dirty',
  'Noisy',
  'Loose',
  'Flooded',
];
const PLACES = ['Park', 'School', 'Library', 'Bridge', 'Plaza', 'Market', 'Station', 'Harbor', 'Campus', 'Square'];
const GROUPS = ['Streets', 'Parks', 'Water', 'Sanitation', 'Transport', 'Buildings', 'Public Safety', 'Health'];
const SYLLABLES = ['ka', 'lo', 'mer', 'vin', 'ta', 'ro', 'sel', 'den', 'bra', 'quo', 'li', 'ton', 'wick', 'ham', 'el'];

/**
 * A deterministic catalogue of `size` services with realistic wording: "<Problem> <thing> at <Place name>
 * <place>", keywords about the thing, a sentence of description, a group, and invented place names for a
 * vocabulary as broad as a big city's.
 */
export function generateCatalogue(size = 5000, seed = 311) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const placeName = () => {
    let word = '';
    for (let k = 2 + Math.floor(next() * 2); k > 0; k--) word += pick(SYLLABLES);
    return word[0].toUpperCase() + word.slice(1);
  };
  return Array.from({ length: size }, (_, i) => {
    const [thing, keywords] = pick(THINGS);
    const problem = pick(PROBLEMS);
    const where = `${placeName()} ${pick(PLACES)}`;
    return {
      service_code: `SVC-${i}`,
      service_name: `${problem} ${thing} at ${where}`,
      description: `Report a ${problem.toLowerCase()} ${thing.toLowerCase()} near ${where}; a crew from the ${pick(GROUPS)} team will inspect it.`,
      keywords: `${keywords}, ${problem.toLowerCase()}`,
      group: pick(GROUPS),
    };
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** Times `run` over `reps` repetitions of every step, returning sorted per-call times (ms). */
function timeSteps(steps, run, reps) {
  const times = [];
  for (let r = 0; r < reps; r++) {
    for (const step of steps) {
      const t = performance.now();
      run(step);
      times.push(performance.now() - t);
    }
  }
  return times.sort((a, b) => a - b);
}

/** @returns {Promise<Array<[string, string, string]>>} rows: label, value, note */
export async function benchSearch({ size = 5000, reps = 100, coldPasses = 20 } = {}) {
  const { createServiceIndex } = await loadSearchModule();
  const services = generateCatalogue(size);
  const synonyms = { 'SVC-0': ['bache', 'nid de poule'], 'SVC-1': ['réverbère', 'lampadaire'] };

  // The first build runs cold (no JIT yet), as it does once in a page; the median of the next ones is steadier.
  let t0 = performance.now();
  let index = createServiceIndex(services, synonyms);
  const firstBuild = performance.now() - t0;
  const builds = [];
  for (let k = 0; k < 7; k++) {
    t0 = performance.now();
    index = createServiceIndex(services, synonyms);
    builds.push(performance.now() - t0);
  }
  builds.sort((a, b) => a - b);

  // Every prefix of each query is one keystroke; the same index is reused, as in the page.
  const queries = ['pothole', 'str li', 'broken bench', 'grafitti', 'pot hole', 'leaking water main', 'kalomer'];
  const keystrokes = queries.flatMap((q) => Array.from(q, (_, k) => q.slice(0, k + 1)));
  const fresh = () => createServiceIndex(services, synonyms);

  // Cold: a new index per pass, each keystroke searched once on it (the index keeps no per-word cache, so this is
  // mostly the first, less optimised runs of the code).
  const cold = [];
  for (let r = 0; r < coldPasses; r++) {
    const cix = fresh();
    cold.push(...timeSteps(keystrokes, (q) => cix.search(q), 1));
  }
  cold.sort((a, b) => a - b);
  const warmAll = timeSteps(keystrokes, (q) => index.search(q), reps);
  const warmTop = timeSteps(keystrokes, (q) => index.search(q, 100), reps);

  const sentences = [
    "there's a big hole in the road by my house",
    'the street light on the corner of my block has been out for a week',
    'someone sprayed graffiti all over the bus shelter near the library',
    'hay un bache enorme en la calle',
  ];
  const suggestCold = [];
  for (let r = 0; r < coldPasses; r++) {
    const cix = fresh();
    suggestCold.push(...timeSteps(sentences, (s) => cix.suggest(s), 1));
  }
  suggestCold.sort((a, b) => a - b);
  const suggestWarm = timeSteps(sentences, (s) => index.suggest(s), reps);

  const ms = (x) => `${x.toFixed(3)} ms`;
  const n = size.toLocaleString('en-US');
  return [
    [
      `search: build index, ${n} services (median of 7)`,
      `${builds[3].toFixed(1)} ms`,
      `once per catalogue; first (cold) build ${firstBuild.toFixed(0)} ms`,
    ],
    [`search: keystroke, all hits, median`, ms(percentile(warmAll, 0.5)), `${keystrokes.length} keystrokes`],
    [`search: keystroke, all hits, p95`, ms(percentile(warmAll, 0.95)), 'the 1-letter keystrokes: ~4,000 hits each'],
    [`search: keystroke, top 100, median`, ms(percentile(warmTop, 0.5)), 'as the category picker asks'],
    [`search: keystroke, top 100, p95`, ms(percentile(warmTop, 0.95)), ''],
    [`search: keystroke, new words, median`, ms(percentile(cold, 0.5)), 'a fresh index, each keystroke once'],
    [`search: keystroke, new words, p95`, ms(percentile(cold, 0.95)), ''],
    [`suggest: sentence, median`, ms(percentile(suggestWarm, 0.5)), `${sentences.length} sentences`],
    [`suggest: sentence, p95`, ms(percentile(suggestWarm, 0.95)), ''],
    [`suggest: sentence, new words, median`, ms(percentile(suggestCold, 0.5)), ''],
    [`suggest: sentence, new words, p95`, ms(percentile(suggestCold, 0.95)), ''],
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchSearch();
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'measure'.padEnd(w)} | ${'value'.padStart(10)} | note`);
  console.log(`${'-'.repeat(w)}-|-${'-'.repeat(10)}-|-----`);
  for (const [k, v, note] of rows) console.log(`${k.padEnd(w)} | ${v.padStart(10)} | ${note}`);
}
