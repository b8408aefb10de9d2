// Memory: the JS heap (CDP: HeapProfiler.collectGarbage three times, then Runtime.getHeapUsage) and the page's
// DOM nodes, event listeners (Performance.getMetrics) and dedicated workers (the map's):
//   - a page with <citizen-portal> (and the demo's offline map): once usable, then after a whole report (category,
//     location with the map drawn, details, check, send, confirmation);
//   - <citizen-portal> mounted and removed again and again on one page, after 1 cycle, after 20 and after 40:
//     first-screen cycles (mounted, categories usable, removed) and map cycles (mounted, a category chosen, the
//     location step's map drawn, removed). After 1 cycle the lazy chunks are in; growth from 20 to 40 tells a leak
//     (it keeps growing) from warm-up (compiled code, caches that fill once).
// The widget is driven inside the page (driver.mjs): puppeteer's handles would keep removed nodes alive.
import { installDriver } from './driver.mjs';
import { kb, table, within } from './stats.mjs';

export const MAP_OPTIONS = { 'map-style': '/demo/map/style.json', center: '-90.5,41.5' };

/** What the page holds after garbage collection. */
export async function heapNow(page) {
  // What the bench itself keeps in the page: resource timings, the probe's lists.
  await page.evaluate(() => {
    performance.clearResourceTimings();
    if (window.__bench) window.__bench.shifts.length = window.__bench.longTasks.length = 0;
  });
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('Performance.enable');
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    return { heap: usedSize, nodes: m.Nodes, listeners: m.JSEventListeners, workers: page.workers().length };
  } finally {
    await cdp.detach();
  }
}

/** A new context's page at `url`, once its category list is usable (probe.js), with the driver installed. */
export async function usablePage(browser, url, { cacheOff = false } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  if (cacheOff) await page.setCacheEnabled(false);
  let reached;
  const usable = new Promise((r) => (reached = r));
  await page.exposeFunction('__benchUsable', () => reached());
  await page.goto(url);
  await within(usable, 30_000, `usable at ${url}`);
  await page.evaluate(installDriver);
  return { page, close: () => context.close() };
}

const row = (what, m, note = '') => [what, kb(m.heap), m.nodes, m.listeners, m.workers, note];
const grew = (a, b) => {
  const d = b.heap - a.heap;
  return `heap ${d >= 0 ? '+' : '−'}${kb(Math.abs(d))}, nodes ${b.nodes - a.nodes >= 0 ? '+' : ''}${b.nodes - a.nodes}, listeners ${
    b.listeners - a.listeners >= 0 ? '+' : ''
  }${b.listeners - a.listeners}, workers ${b.workers - a.workers >= 0 ? '+' : ''}${b.workers - a.workers}`;
};

/** @returns {Promise<string>} markdown */
export async function benchMemory(browser, srv, { cycles = 20, log = () => {} } = {}) {
  const rows = [];
  {
    const { page, close } = await usablePage(browser, srv.pageUrl('product', MAP_OPTIONS));
    try {
      const loaded = await heapNow(page);
      await page.evaluate(() => window.__drive.report({ map: true }));
      const sent = await heapNow(page);
      log('memory: report flow done');
      rows.push(row('page usable (first screen)', loaded), row('then a whole report, with the map', sent));
    } finally {
      await close();
    }
  }
  for (const map of [false, true]) {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.goto(srv.pageUrl('empty'));
      await page.evaluate((bundle) => import(bundle), `${srv.cdn}/dist/citizen-portal.js`);
      await page.evaluate(installDriver);
      const cycle = (n) =>
        page.evaluate(
          async (n, endpoint, options, map) => {
            const d = window.__drive;
            for (let i = 0; i < n; i++) {
              sessionStorage.clear(); // else the unfinished report comes back at the next mount
              const el = document.createElement('citizen-portal');
              el.setAttribute('endpoint', endpoint);
              for (const [k, v] of Object.entries(options)) el.setAttribute(k, v);
              document.querySelector('main').prepend(el);
              await d.until(() => d.field('Category'), 'the category combobox');
              if (map) {
                await d.pick('graffiti on public', 'Graffiti on Public Property');
                await d.press('Continue', 'Location');
                await d.until(d.mapDrawn, 'the map');
              }
              el.remove();
              await d.frame();
            }
          },
          n,
          srv.open311.base,
          map ? MAP_OPTIONS : {},
          map,
        );
      await cycle(1);
      const one = await heapNow(page);
      await cycle(cycles - 1);
      const many = await heapNow(page);
      await cycle(cycles);
      const twice = await heapNow(page);
      log(`memory: ${cycles * 2} mount cycles${map ? ' with the map' : ''} done`);
      const what = map ? 'mounted, to the map, removed' : 'mounted, usable, removed';
      rows.push(
        row(`${what}: 1 time`, one),
        row(`${what}: ${cycles} times`, many, `since 1: **${grew(one, many)}**`),
        row(`${what}: ${cycles * 2} times`, twice, `since ${cycles}: ${grew(many, twice)}`),
      );
    } finally {
      await context.close();
    }
  }
  return [
    table(['after', 'JS heap (after GC)', 'DOM nodes', 'JS event listeners', 'workers', 'growth'], rows),
    '',
    'JS heap: Runtime.getHeapUsage after three HeapProfiler.collectGarbage; nodes and listeners: ' +
      'Performance.getMetrics (the whole page, the host page included); workers: the page’s dedicated workers. ' +
      `Growth from ${cycles} to ${cycles * 2} cycles tells a leak (keeps growing) from warm-up (compiled code, ` +
      'caches that fill once).',
  ].join('\n');
}
