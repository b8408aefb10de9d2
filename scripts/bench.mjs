// `npm run bench`: the numbers we steer by, printed as a table. Sizes are exact; times are medians of several
// runs in headless Chromium on this machine (informative, never a pass/fail gate: that is the size check's job).
// Needs a build (npm run build).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { measure, CORE_BUDGET_BYTES } from './size-check.mjs';
import { startCdnServer } from './cdn-server.mjs';
import { startOpen311Server } from './open311-server.mjs';
import { launchBrowser } from '../test/e2e/browser.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
const { rows: files, coreBytes } = measure();
rows.push(['core bundle, gzip (before the location step)', `${coreBytes} B`, `budget ${CORE_BUDGET_BYTES} B`]);
for (const f of files.filter((r) => !r.core)) rows.push([`lazy chunk ${f.file}, gzip`, `${f.gzip} B`, 'on demand']);

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
  const select = await tab.waitForSelector('aria/Category[role="combobox"]');
  await tab.waitForFunction((el) => el.options.length > 1, {}, select);
  toCategories.push(await tab.evaluate(() => performance.now()));
  await select.select('GRAFFITI_PUBLIC'); // a category without questions: measures the round trip alone
  await (await tab.waitForSelector('aria/Address or place[role="textbox"]')).type('1 Main St');
  await (await tab.waitForSelector('aria/Description[role="textbox"]')).type('bench');
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

await chromium.close();
cdn.close();
backend.close();
page.close();

const w = Math.max(...rows.map((r) => r[0].length));
console.log(`${'measure'.padEnd(w)} | ${'value'.padStart(10)} | note`);
console.log(`${'-'.repeat(w)}-|-${'-'.repeat(10)}-|-----`);
for (const [k, v, n] of rows) console.log(`${k.padEnd(w)} | ${v.padStart(10)} | ${n}`);
