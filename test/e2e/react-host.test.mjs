// The element inside a React 19 app: attributes as props, an object property (synonyms), and a custom event
// (cp-request-submitted) reaching React state. The app is bundled by esbuild at test time; the widget is the
// built dist/ bundle, the Open311 server the Node one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { startOpen311Server } from '../../scripts/dev/open311-server.mjs';
import { continueTo, launchBrowser, waitForRegion, watchProblems } from './browser.mjs';

let server, backend, chromium, app;

before(async () => {
  backend = await startOpen311Server();
  const bundle = await build({
    entryPoints: [new URL('./react-host/app.jsx', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  app = bundle.outputFiles[0].text;
  const widget = readFileSync(new URL('../../dist/citizen-portal.js', import.meta.url));
  server = http.createServer((req, res) => {
    const send = (type, body) => res.writeHead(200, { 'Content-Type': type }).end(body);
    if (req.url === '/app.js') return send('text/javascript', app);
    if (req.url === '/citizen-portal.js') return send('text/javascript', widget);
    if (req.url?.startsWith('/chunks/')) {
      try {
        return send('text/javascript', readFileSync(new URL(`../../dist${req.url}`, import.meta.url)));
      } catch {
        return res.writeHead(404).end();
      }
    }
    if (req.url !== '/') return res.writeHead(404).end();
    send(
      'text/html; charset=utf-8',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React host</title>
<script type="module" src="/citizen-portal.js"></script><script type="module" src="/app.js"></script></head>
<body data-endpoint="${backend.base}"><div id="root"></div></body></html>`,
    );
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  chromium = await launchBrowser();
});

after(async () => {
  await chromium?.close();
  server?.close();
  backend?.close();
});

test('a React app passes props and an object property, and hears cp-request-submitted', async () => {
  const page = await chromium.browser.newPage();
  const problems = await watchProblems(page, { allowHttpErrors: (url) => url.pathname === '/favicon.ico' });
  await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
  // synonyms came in as a property: the city's word "bache" finds Pothole.
  const input = await page.waitForSelector('aria/Category[role="combobox"]', { timeout: 20000 });
  await input.click();
  await input.type('bache');
  await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', {}, input);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction((el) => el.value === 'Pothole', {}, input);
  await continueTo(page, 'Step 2 of 4: Location');
  await (await page.waitForSelector('aria/Address or place[role="textbox"]')).type('1 Main St');
  await continueTo(page, 'Step 3 of 4: Details and contact');
  await (await page.waitForSelector('aria/Smaller than a dinner plate[role="radio"]')).click();
  await (await page.waitForSelector('aria/Description[role="textbox"]')).type('Hole');
  await continueTo(page, 'Step 4 of 4: Check and send');
  await (await page.waitForSelector('aria/Submit[role="button"]')).click();
  const status = await waitForRegion(page, 'status', 'reference number is');
  const id = status.match(/reference number is (\S+)/)[1];
  await page.waitForFunction(
    (id) => document.querySelector('#react-state')?.textContent === `React saw report ${id}`,
    {},
    id,
  );
  assert.deepEqual(problems, []);
  await page.close();
});
