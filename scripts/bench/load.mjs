// The load benchmark (issue #14), the headline of `npm run bench`: time from navigation start to a USABLE category
// list (see probe.js for the definition), for <citizen-portal> and for a floor element (floor/floor-services.js:
// fetch services.json, fill a <select>), loaded the same way — host page, script from a CDN origin, services from
// an Open311 origin — alternately, each load cold (a new incognito browser context, cache disabled), under three
// profiles. Also the host page's layout shift until shortly after usable, and the JS/CSS bytes that arrived before.
//
//   node scripts/bench/load.mjs [--runs 7] [--profile 4x] [--profile slow]   (needs a build: npm run build)
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RESERVE, startBenchServers } from './servers.mjs';
import { kb, launchChromium, max, median, min, ms, sleep, spread, table, within } from './stats.mjs';

/** Network conditions in CDP's units (bytes/s, ms per request). */
export const SLOW_NETWORK = { download: 1.6e6 / 8, upload: 750e3 / 8, latency: 150 };
export const PROFILES = [
  { id: '1x', name: '1× CPU', cpu: 1 },
  { id: '4x', name: '4× CPU', cpu: 4 },
  { id: 'slow', name: 'slow network, 4× CPU', cpu: 4, network: SLOW_NETWORK },
];
/** How long after usable the layout shifts still count (the widget may still move things right after). */
const SETTLE_MS = 500;

/** One cold load of `url`: what the probe recorded, and the page's resource timings. */
export async function loadOnce(browser, url, profile) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    if (profile.cpu > 1) await page.emulateCPUThrottling(profile.cpu);
    if (profile.network) await page.emulateNetworkConditions(profile.network);
    let reached;
    const usable = new Promise((resolve) => (reached = resolve));
    await page.exposeFunction('__benchUsable', (t) => reached(t));
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await within(Promise.all([usable, page.goto(url, { waitUntil: 'load' })]), 30_000, `usable at ${url}`);
    await sleep(SETTLE_MS);
    const run = await page.evaluate(() => {
      const b = window.__bench;
      return {
        usable: b.usable,
        options: b.options,
        cls: b.cls,
        shifts: b.shifts,
        longTasks: b.longTasks,
        error: b.error,
        resources: performance.getEntriesByType('resource').map((e) => ({
          url: e.name,
          start: e.startTime,
          end: e.responseEnd,
          transfer: e.transferSize,
          decoded: e.decodedBodySize,
        })),
      };
    });
    if (errors.length) run.error = [run.error, ...errors].filter(Boolean).join('; ');
    return run;
  } finally {
    await context.close();
  }
}

const isCode = (url) => /\.(m?js|css)(\?|$)/.test(new URL(url).pathname);
/** JS and CSS that had arrived when the list became usable: bytes on the wire (gzip + headers) and decoded. */
export const codeBefore = (run) => {
  const code = run.resources.filter((r) => isCode(r.url) && r.end <= run.usable);
  return {
    files: code.length,
    transfer: code.reduce((s, r) => s + r.transfer, 0),
    decoded: code.reduce((s, r) => s + r.decoded, 0),
  };
};

/**
 * @param {{ runs?: number, profiles?: typeof PROFILES, browser?: import('puppeteer-core').Browser,
 *   servers?: Awaited<ReturnType<typeof startBenchServers>>, log?: (s: string) => void }} options
 * @returns {Promise<Array<{ profile: typeof PROFILES[number], floor: object[], product: object[], failures: string[] }>>}
 */
export async function benchLoad({ runs = 7, profiles = PROFILES, browser, servers, log = () => {} } = {}) {
  const own = !browser && (await launchChromium());
  const srv = servers ?? (await startBenchServers());
  const b = browser ?? own.browser;
  const urls = { floor: srv.pageUrl('floor'), product: srv.pageUrl('product') };
  try {
    // One unmeasured pair first: the machine's file cache, Chromium's first context and the servers' first answers.
    for (const v of ['floor', 'product']) await loadOnce(b, urls[v], PROFILES[0]);
    const results = [];
    for (const profile of profiles) {
      const result = { profile, floor: [], product: [], failures: [] };
      for (let i = 0; i < runs; i++) {
        // Alternating, and which goes first alternates too (ABBA), so a drift of the machine hits both alike.
        for (const v of i % 2 ? ['product', 'floor'] : ['floor', 'product']) {
          try {
            const run = await loadOnce(b, urls[v], profile);
            result[v].push(run);
            log(`${profile.id} ${v} ${i + 1}/${runs}: usable ${run.usable.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}`);
          } catch (error) {
            result.failures.push(`${v}: ${error.message}`);
            log(`${profile.id} ${v} ${i + 1}/${runs}: FAILED ${error.message}`);
          }
        }
      }
      results.push(result);
    }
    // The page without the reserved box, at 4x: the one shift it then has (the widget's box appearing).
    const bare = [];
    for (let i = 0; i < 3; i++) bare.push((await loadOnce(b, srv.pageUrl('product-bare'), PROFILES[1])).cls);
    log(`4x product without the reserved box: CLS ${bare.map((c) => c.toFixed(3)).join(', ')}`);
    Object.assign(results, { bareCls: bare });
    return results;
  } finally {
    if (own) await own.close();
    if (!servers) srv.close();
  }
}

/** The run whose time is the median's (the lower middle one for an even count). */
const medianRun = (list) => [...list].sort((a, b) => a.usable - b.usable)[(list.length - 1) >> 1];

const path = (url, srv) => {
  const u = new URL(url);
  const who = u.origin === srv?.cdn ? 'cdn' : u.origin === srv?.open311?.origin ? 'open311' : 'host';
  return `${who} ${u.pathname.replace(/\/chunks\//, '/…/')}`;
};

/** Markdown: the headline table, the notes, and the waterfall of a median load at 4× CPU. */
export function loadReport(results, srv) {
  const rows = results.map(({ profile, floor, product, failures }) => {
    const f = floor.map((r) => r.usable);
    const p = product.map((r) => r.usable);
    const pairs = f.slice(0, Math.min(f.length, p.length)).map((x, i) => p[i] / x);
    const code = product.length ? codeBefore(medianRun(product)) : undefined;
    const cls = product.map((r) => r.cls);
    return [
      profile.name,
      spread(f),
      spread(p),
      f.length && p.length
        ? `**${(median(p) / median(f)).toFixed(2)}** (pairs ${min(pairs).toFixed(2)}–${max(pairs).toFixed(2)})`
        : '—',
      cls.length ? `${median(cls).toFixed(3)} (max ${max(cls).toFixed(3)})` : '—',
      code ? `${kb(code.transfer)} (${code.files} files; ${kb(code.decoded)} decoded)` : '—',
      `${product.length}+${floor.length}${failures.length ? `, ${failures.length} failed` : ''}`,
    ];
  });
  const floorCls = results.flatMap((r) => r.floor.map((x) => x.cls));
  const floorCode = results.flatMap((r) => r.floor.map((x) => codeBefore(x).transfer));
  const options = results.flatMap((r) => r.product.map((x) => x.options));
  const lines = [
    table(
      [
        'profile',
        'floor: usable, median (min–max)',
        'product: usable, median (min–max)',
        'product / floor (medians)',
        'product CLS on the host page',
        'product JS+CSS before usable (wire)',
        'loads (product+floor)',
      ],
      rows,
    ),
    '',
    `Usable: the category combobox is there, enabled, and ArrowDown opens a list with the services (${
      options.length ? `${min(options)}–${max(options)} options` : 'no'
    } shown); the floor: its <select> has its options. Time from navigation start to right after the first frame ` +
      `that painted it (scripts/bench/probe.js checks at each animation frame). Cold loads (a new incognito context ` +
      `each, cache off), floor and product alternating. CLS: the host page's layout shifts until usable + ` +
      `${SETTLE_MS} ms, on a page that reserves the widget's box as the README shows (${RESERVE}); without it ` +
      `(the page painted before the script arrived): ${
        results.bareCls?.length ? results.bareCls.map((c) => c.toFixed(3)).join(', ') : '—'
      }. JS+CSS: resource timing of what had arrived when usable (gzip from the CDN). ` +
      `Floor: CLS ${floorCls.length ? max(floorCls).toFixed(3) : '—'} at most, ` +
      `${floorCode.length ? kb(median(floorCode)) : '—'} of JS. Slow network: CDP latency ` +
      `${SLOW_NETWORK.latency} ms per request, ${((SLOW_NETWORK.download * 8) / 1e6).toFixed(1)} Mbit/s down, ` +
      `${((SLOW_NETWORK.upload * 8) / 1e3).toFixed(0)} kbit/s up. CPU throttling slows the page's main thread only.`,
  ];
  for (const r of results) for (const f of r.failures) lines.push(`- failed (${r.profile.name}): ${f}`);
  const errors = results.flatMap((r) => [...r.floor, ...r.product].map((x) => x.error).filter(Boolean));
  if (errors.length) lines.push(`- page errors: ${[...new Set(errors)].join('; ')}`);

  const at4x = results.find((r) => r.profile.id === '4x') ?? results[0];
  if (at4x?.product.length && at4x.floor.length) {
    lines.push('', `Waterfall of the median load, ${at4x.profile.name} (ms from navigation start):`, '');
    const rowsOf = (variant, run) => [
      ...run.resources
        .filter((r) => r.start <= run.usable)
        .map((r) => [variant, path(r.url, srv), ms(r.start), ms(r.end), r.transfer ? `${r.transfer} B` : '']),
      [variant, '**usable**', '', ms(run.usable), ''],
    ];
    lines.push(
      table(
        ['', 'resource', 'start', 'end', 'wire'],
        [...rowsOf('floor', medianRun(at4x.floor)), ...rowsOf('product', medianRun(at4x.product))],
      ),
    );
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '7' },
      profile: { type: 'string', multiple: true },
      quiet: { type: 'boolean', default: false },
    },
  });
  const wanted = values.profile?.length ? PROFILES.filter((p) => values.profile.includes(p.id)) : PROFILES;
  if (!wanted.length) throw new Error(`--profile: one of ${PROFILES.map((p) => p.id).join(', ')}`);
  const srv = await startBenchServers();
  try {
    const results = await benchLoad({
      runs: Number(values.runs),
      profiles: wanted,
      servers: srv,
      log: values.quiet ? undefined : (s) => console.error(s),
    });
    console.log(loadReport(results, srv));
  } finally {
    srv.close();
  }
}
