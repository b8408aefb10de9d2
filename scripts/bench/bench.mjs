// `npm run bench`: the numbers we steer by, printed as a table. Sizes are exact; times are medians of several
// runs in headless Chromium on this machine (informative, never a pass/fail gate: that is the size check's job).
// Needs a build (npm run build).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { measure, CORE_BUDGET_BYTES } from '../check/size-check.mjs';
import { startCdnServer } from '../dev/cdn-server.mjs';
import { startOpen311Server } from '../dev/open311-server.mjs';
import { continueTo, launchBrowser, pickCategory } from '../../test/e2e/browser.mjs';
import { benchSearch } from './bench-search.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
const { rows: files, coreBytes } = measure();
rows.push(['first screen, gzip (core + the largest language)', `${coreBytes} B`, `budget ${CORE_BUDGET_BYTES} B`]);
for (const f of files.filter((r) => !r.core && !r.largestLanguage))
  rows.push([`lazy chunk ${f.file}, gzip`, `${f.gzip} B`, 'on demand']);

const cdn = await startCdnServer();
const backend = await startOpen311Server();
const page = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end(`<!doctype html><html lang="en"><body>
<script type="module" src="${cdn.origin}/dist/citizen-portal.js"></script>
<citizen-portal endpoint="${backend.base}"></citizen-portal></body></html>`);
});
await new Promise((r) => page.listen(0, '127.0.0.1', r));
const pageUrl = `http://127.0.0.1:${page.address().port}/`;
const chromium = await launchBrowser();

// Time from navigation start until the category list is filled in, as the resident sees it.
const toCategories = [];
const toSubmitted = [];
for (let i = 0; i < RUNS; i++) {
  const tab = await chromium.browser.newPage();
  await tab.setCacheEnabled(false);
  await tab.goto(pageUrl);
  await tab.waitForSelector('aria/Category[role="combobox"]');
  toCategories.push(await tab.evaluate(() => performance.now()));
  await pickCategory(tab, 'graffiti on public', 'Graffiti on Public Property'); // no questions: the round trip alone
  await continueTo(tab, 'Step 2 of 4: Location');
  await (await tab.waitForSelector('aria/Address or place[role="textbox"]')).type('1 Main St');
  await continueTo(tab, 'Step 3 of 4: Details and contact');
  await (await tab.waitForSelector('aria/Description[role="textbox"]')).type('bench');
  await continueTo(tab, 'Step 4 of 4: Check and send');
  const started = performance.now();
  await (await tab.waitForSelector('aria/Submit[role="button"]')).click();
  await tab.waitForSelector('aria/Thank you, your report was sent[role="heading"]');
  toSubmitted.push(performance.now() - started);
  await tab.close();
}
rows.push([
  `page load → categories shown (median of ${RUNS}, cold cache)`,
  `${median(toCategories).toFixed(0)} ms`,
  '',
]);
rows.push([`Submit → confirmation shown (median of ${RUNS})`, `${median(toSubmitted).toFixed(0)} ms`, '']);

// Parsing big answers (issue #3): a 5,000-service catalogue and a 1,000-request list, JSON and XML, through the
// whole client (decode, key folding, zod) with a fetch that answers from memory.
const parsing = await (async () => {
  const tab = await chromium.browser.newPage();
  await tab.goto(pageUrl);
  const result = await tab.evaluate(
    async (bundle, runs) => {
      const { createOpen311Backend } = await import(bundle);
      const services = Array.from({ length: 5000 }, (_, i) => ({
        service_code: `S${i}`,
        service_name: `Service number ${i}`,
        description: 'A problem the city fixes, described in a sentence or two for residents.',
        metadata: i % 3 === 0,
        type: 'realtime',
        keywords: 'road, street, hole',
        group: `Group ${i % 12}`,
      }));
      const requests = Array.from({ length: 1000 }, (_, i) => ({
        service_request_id: String(100000 + i),
        status: i % 4 ? 'open' : 'closed',
        status_notes: 'Crew assigned.',
        service_name: 'Pothole',
        service_code: 'POTHOLE',
        description: 'Deep hole by the bus stop.',
        agency_responsible: 'Public Works',
        requested_datetime: '2026-11-20T10:00:00-05:00',
        updated_datetime: '2026-11-21T10:00:00-05:00',
        address: `${i} Main Street`,
        lat: 41.5 + i / 1e4,
        long: -90.5,
        media_url: null,
      }));
      const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const xml = (root, item, list) =>
        `<?xml version="1.0"?><${root}>${list
          .map(
            (o) =>
              `<${item}>${Object.entries(o)
                .map(([k, v]) => `<${k}>${v === null ? '' : esc(v)}</${k}>`)
                .join('')}</${item}>`,
          )
          .join('')}</${root}>`;
      const bodies = {
        json: { services: JSON.stringify(services), requests: JSON.stringify(requests) },
        xml: { services: xml('services', 'service', services), requests: xml('service_requests', 'request', requests) },
      };
      const out = {};
      for (const format of ['json', 'xml']) {
        const backend = createOpen311Backend({
          endpoint: 'https://bench.invalid/open311/v2',
          format,
          fetch: async (url) =>
            new Response(
              new URL(url).pathname.includes('services') ? bodies[format].services : bodies[format].requests,
            ),
        });
        for (const [name, run] of [
          ['services', () => backend.services()],
          ['requests', () => backend.requests({ status: ['open', 'closed'] })],
        ]) {
          await run(); // warm-up (and the lazy chunks)
          const times = [];
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            const list = await run();
            times.push(performance.now() - t);
            if (list.length !== (name === 'services' ? 5000 : 1000))
              throw new Error(`${format} ${name}: ${list.length}`);
          }
          times.sort((a, b) => a - b);
          out[`${format} ${name}`] = times[Math.floor(runs / 2)];
        }
      }
      return out;
    },
    `${cdn.origin}/dist/citizen-portal.js`,
    RUNS,
  );
  await tab.close();
  return result;
})();
rows.push([`parse 5,000 services, JSON (median of ${RUNS})`, `${parsing['json services'].toFixed(1)} ms`, '']);
rows.push([`parse 5,000 services, XML (median of ${RUNS})`, `${parsing['xml services'].toFixed(1)} ms`, '']);
rows.push([`parse 1,000 requests, JSON (median of ${RUNS})`, `${parsing['json requests'].toFixed(1)} ms`, '']);
rows.push([`parse 1,000 requests, XML (median of ${RUNS})`, `${parsing['xml requests'].toFixed(1)} ms`, '']);

// Category search at 5,000 services (issue #4): index build and time per keystroke.
rows.push(...(await benchSearch()));

await chromium.close();
cdn.close();
backend.close();
page.close();

const w = Math.max(...rows.map((r) => r[0].length));
console.log(`${'measure'.padEnd(w)} | ${'value'.padStart(10)} | note`);
console.log(`${'-'.repeat(w)}-|-${'-'.repeat(10)}-|-----`);
for (const [k, v, n] of rows) console.log(`${k.padEnd(w)} | ${v.padStart(10)} | ${n}`);
