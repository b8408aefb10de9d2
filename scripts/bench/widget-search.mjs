// Category search as a resident feels it: in <citizen-portal> in Chromium, with a catalogue of 500 or 5,000
// services (bench-search.mjs's generateCatalogue, given through a backend of our own), typed one key at a time by
// CDP. Each keystroke's time runs from the keydown event's timestamp to right after the next frame was painted
// (the input handled, the search run, the list rendered, laid out and painted). Long tasks (> 50 ms) are counted
// from the page's PerformanceObserver (probe.js) while a query is typed: from its first keydown until the page has
// been idle after its last one, so work the widget leaves for later (the rows below the list's fold, rendered when
// the browser is idle) counts too; the clearing between queries does not. The first keystroke also builds the
// search index.
import { generateCatalogue } from './bench-search.mjs';
import { installDriver } from './driver.mjs';
import { max, ms, percentile, sleep, table } from './stats.mjs';

export const QUERIES = ['pothole', 'str li', 'broken bench', 'grafitti'];

/** One page, one catalogue size, one CPU rate: per-keystroke times and the long tasks while typing. */
async function typeIn(browser, srv, { size, cpu }) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(srv.pageUrl('empty'));
    const services = generateCatalogue(size).map((s) => ({ ...s, metadata: false, type: 'realtime' }));
    await page.evaluate(
      async (bundle, services) => {
        await import(bundle);
        const el = document.createElement('citizen-portal');
        el.setAttribute('view', 'report');
        el.backend = {
          services: async () => services,
          serviceDefinition: async () => ({ attributes: [] }),
          submit: async () => ({ serviceRequestId: '1' }),
          request: async () => {
            throw new Error('not in this bench');
          },
        };
        document.querySelector('main').prepend(el);
        // Each keydown: time from its timestamp to right after the next paint.
        window.__keys = [];
        addEventListener(
          'keydown',
          (e) => {
            const start = e.timeStamp;
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                window.__keys.push({ key: e.key, start, time: performance.now() - start });
                window.__painted?.();
              };
              channel.port2.postMessage(null);
            });
          },
          true,
        );
      },
      `${srv.cdn}/dist/citizen-portal.js`,
      services,
    );
    // Found and focused from inside the page: puppeteer's aria/ selectors would turn on the accessibility tree,
    // and every keystroke would pay for it.
    await page.evaluate(installDriver);
    const focus = () =>
      page.evaluate(async () => {
        const d = window.__drive;
        const input = await d.until(() => d.field('Category'), 'the category combobox');
        input.focus();
        input.select();
      });
    await focus();
    // Typing starts once the categories are there, the search and its lexicon have arrived, and the page is idle
    // (a resident reads the screen first; the widget fetches the search and indexes the list then). Three idle
    // callbacks alone came before the search had arrived, and the first keystroke built the index; after the
    // lexicon, an idle callback could still come before the list's indexing began (in slices, when the search's
    // modules had run): so, two idle periods in a row with 40 ms or more to spare (nothing else waiting).
    await page.evaluate(async () => {
      const d = window.__drive;
      await d.until(() => !d.field('Category')?.closest('[aria-busy="true"]'), 'the categories');
      await d.until(
        () => performance.getEntriesByType('resource').some((e) => e.name.includes('/chunks/lexicon/')),
        'the search and its lexicon',
      );
      for (let quiet = 0, tries = 0; quiet < 2 && tries < 100; tries++) {
        const spare = await new Promise((r) =>
          requestIdleCallback((idle) => r(idle.timeRemaining()), { timeout: 2000 }),
        );
        quiet = spare >= 40 ? quiet + 1 : 0;
      }
    });
    if (cpu > 1) await page.emulateCPUThrottling(cpu);
    const from = await page.evaluate(() => performance.now());
    /** Per query: from its first keydown until the page was idle after its last keystroke. */
    const typing = [];
    for (const query of QUERIES) {
      const start = await page.evaluate(() => window.__keys.length);
      for (const ch of query) {
        await page.evaluate(() => {
          window.__next = new Promise((resolve) => (window.__painted = resolve));
        });
        await page.keyboard.type(ch);
        await page.evaluate(() => window.__next);
      }
      typing.push(
        await page.evaluate(async (start) => {
          for (let i = 0; i < 2; i++) await new Promise((r) => requestIdleCallback(r, { timeout: 2000 }));
          return { start: window.__keys[start].start, end: performance.now() };
        }, start),
      );
      // Clear the field for the next query (select all, delete; the Backspace is left out of the times).
      await focus();
      await page.keyboard.press('Backspace');
      await sleep(100);
    }
    const { keys, longTasks } = await page.evaluate(
      (from) => ({
        keys: window.__keys.filter((k) => k.key !== 'Backspace'),
        longTasks: window.__bench.longTasks.filter((t) => t.start >= from),
      }),
      from,
    );
    // Long tasks while a query was typed and settled (not the clearing between queries).
    const during = longTasks.filter((t) => typing.some((q) => t.start < q.end && t.start + t.duration > q.start));
    return { size, cpu, times: keys.map((k) => k.time), longTasks: during };
  } finally {
    await context.close();
  }
}

/** @returns {Promise<string>} markdown */
export async function benchWidgetSearch(browser, srv, { sizes = [500, 5000], cpus = [1, 4], log = () => {} } = {}) {
  const rows = [];
  for (const size of sizes)
    for (const cpu of cpus) {
      const r = await typeIn(browser, srv, { size, cpu });
      log(`search in the widget: ${size} services, ${cpu}× CPU done`);
      const rest = r.times.slice(1);
      rows.push([
        size.toLocaleString('en-US'),
        `${cpu}×`,
        ms(r.times[0]),
        ms(percentile(rest, 0.5)),
        ms(percentile(rest, 0.95)),
        ms(max(rest)),
        r.longTasks.length
          ? `**${r.longTasks.length}** (longest ${ms(max(r.longTasks.map((t) => t.duration)))})`
          : 'none',
      ]);
    }
  return [
    table(
      [
        'services',
        'CPU',
        'first keystroke (the index built while idle before)',
        'keystroke p50',
        'keystroke p95',
        'keystroke max',
        'long tasks > 50 ms while typing',
      ],
      rows,
    ),
    '',
    `${QUERIES.map((q) => `"${q}"`).join(', ')} typed key by key (${QUERIES.join('').length} keystrokes) into the ` +
      `widget's combobox (cleared between queries, untimed); each keystroke from its keydown to right after the ` +
      `next painted frame. p50/p95/max leave out the first keystroke, shown on its own; long tasks are those from ` +
      `a query's first keydown until the page was idle after its last (the rows the widget renders when idle ` +
      `included, the clearing not). Node's timings of the search code alone follow (bench-search.mjs).`,
  ].join('\n');
}
