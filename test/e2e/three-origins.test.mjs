// Black-box acceptance, the way a city deploys it: the host page, the bundle (a "CDN") and the Open311 server on
// three different origins; the page sends a strict Content-Security-Policy and hostile CSS. A resident files a
// report and checks it, found by accessible role and name (puppeteer's aria/ queries read Chromium's
// accessibility tree, through shadow roots). Runs the BUILT dist/. `node --test test/e2e/`, run by npm test.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { continueTo, launchBrowser, pickCategory, regionText, waitForRegion, watchProblems } from './browser.mjs';
import { startCdnServer } from '../../scripts/dev/cdn-server.mjs';
import { startOpen311Server } from '../../scripts/dev/open311-server.mjs';

const HOSTILE_CSS = `
  * { line-height: 3 !important; letter-spacing: 3px; text-transform: uppercase; }
  button { all: unset; }
  input, select, textarea { display: none; }
  [role="alert"], [role="status"] { display: none !important; }
  citizen-portal { font-family: Georgia, serif; color: rgb(20, 30, 40); }
`;

let cdn, backend, host, chromium;
const posts = [];
/** GETs of the categories: requested early, before the widget's code has evaluated, and used by it (issue #14). */
let categoryGets = 0;

function startHostPage() {
  const server = http.createServer((req, res) => {
    if (req.url === '/hostile.css') {
      res.writeHead(200, { 'Content-Type': 'text/css' }).end(HOSTILE_CSS);
      return;
    }
    // The city's own map style and boundary (the demo town's), served by the city's site.
    const mapFile = /^\/map\/(style\.json|demo-town\.geojson|boundary\.geojson)$/.exec(req.url ?? '')?.[1];
    if (mapFile) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(readFileSync(new URL(`../../demo/map/${mapFile}`, import.meta.url)));
      return;
    }
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    const csp = [
      "default-src 'none'",
      `script-src ${cdn.origin}`,
      "style-src 'self'",
      `connect-src 'self' ${backend.origin} ${cdn.origin}`,
      "img-src 'self' data: blob:",
      'worker-src blob:',
      "base-uri 'none'",
      "object-src 'none'",
      // Trusted Types, as more and more city and state sites require (issue #15): the policies we create are
      // lit's and ours, the names the README's CSP table lists.
      "require-trusted-types-for 'script'",
      'trusted-types lit-html citizen-portal',
    ].join('; ');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>City of Elsewhere</title>
<link rel="stylesheet" href="/hostile.css">
<script type="module" src="${cdn.origin}/dist/citizen-portal.js"></script>
</head><body><main><h1>Report a problem</h1>
<citizen-portal endpoint="${backend.base}" jurisdiction="demo.city" map-style="/map/style.json"
  boundary="/map/boundary.geojson" center="-90.5,41.5" zoom="15"></citizen-portal>
</main></body></html>`);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  );
}

before(async () => {
  cdn = await startCdnServer();
  backend = await startOpen311Server({
    onRequest: (r) => {
      if (r.method === 'POST') posts.push(r);
      if (r.method === 'GET' && new URL(r.url).pathname.endsWith('/services.json')) categoryGets++;
    },
  });
  host = await startHostPage();
  chromium = await launchBrowser();
});

after(async () => {
  await chromium?.close();
  cdn?.close();
  backend?.close();
  host?.close();
});

test('a resident files a report and checks it, across three origins, under a strict CSP', async () => {
  const page = await chromium.browser.newPage();
  // The unknown number's 404s are expected (looked up as a request, then tried as a provisional token).
  const problems = await watchProblems(page, {
    allowHttpErrors: (url) =>
      /\/(requests|tokens)\/424242\.json$/.test(url.pathname) || url.pathname === '/favicon.ico',
  });
  await page.setViewport({ width: 390, height: 844 });
  await page.goto(host.origin, { waitUntil: 'load' });

  await pickCategory(page, 'streetlight', 'Streetlight Out', 15000);
  assert.equal(categoryGets, 1, 'the categories asked for once: the early request is the one the form used');

  // Hostile page CSS must not reach inside: the buttons keep their own look and a usable size.
  const next = await page.waitForSelector('aria/Continue[role="button"]');
  const look = await next.evaluate((b) => {
    const s = getComputedStyle(b);
    return { height: b.getBoundingClientRect().height, transform: s.textTransform, font: s.fontFamily };
  });
  assert.ok(look.height >= 24, `Continue is ${look.height}px tall`);
  assert.equal(look.transform, 'none');
  assert.match(look.font, /Georgia/, 'inherits the host font family');

  await continueTo(page, 'Step 2 of 4: Location');
  // The map: maplibre from the CDN, its worker run from a blob (the page allows only worker-src blob:).
  const map = await page.waitForSelector('aria/Map: choose where the problem is[role="region"]', { timeout: 20000 });
  await map.evaluate((m) => m.scrollIntoView({ block: 'center' }));
  await new Promise((r) => setTimeout(r, 500));
  await map.click();
  await page.waitForFunction(
    () => {
      const find = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.id === 'lat' && el.value) return true;
          if (el.shadowRoot && find(el.shadowRoot)) return true;
        }
        return false;
      };
      return find(document);
    },
    { timeout: 15000 },
  );
  await (await page.waitForSelector('aria/Address or place[role="textbox"]')).type('310 Founders Way');
  await continueTo(page, 'Step 3 of 4: Details and contact');
  // The category's questions open this step.
  const pole = await page.waitForSelector('aria/What is the pole number?[role="textbox"]');
  await pole.type('DC-04127');
  await (await page.waitForSelector('aria/Light flickers or cycles on and off[role="radio"]')).click();
  await (
    await page.waitForSelector('aria/Description[role="textbox"]')
  ).type('Flickers all night <script>alert(1)</script>');
  await (await page.waitForSelector('aria/Email[role="textbox"]')).type('ana@example.org');
  await continueTo(page, 'Step 4 of 4: Check and send');
  const submit = await page.waitForSelector('aria/Submit[role="button"]');
  await submit.click();
  await page.waitForSelector('aria/Thank you, your report was sent[role="heading"]', { timeout: 15000 });
  const status = await regionText(page, 'status');
  const id = status.match(/reference number is (\S+)/)?.[1];
  assert.ok(id, `a reference number in: ${status}`);
  assert.equal(posts.length, 1);
  const body = new URLSearchParams(posts[0].body);
  assert.equal(body.get('service_code'), 'STREETLIGHT');
  assert.equal(body.get('attribute[POLE_NUMBER]'), 'DC-04127');
  assert.equal(body.get('attribute[PROBLEM]'), 'flicker');
  assert.equal(body.get('address_string'), '310 Founders Way');
  assert.ok(Math.abs(Number(body.get('lat')) - 41.5) < 0.02, `the pin's latitude: ${body.get('lat')}`);
  assert.equal(body.get('jurisdiction_id'), 'demo.city');

  // Straight on to the status of the new request (the status view is a lazy chunk from the CDN).
  await (await page.waitForSelector('aria/Check the status of this report[role="button"]')).click();
  await page.waitForSelector(`aria/Request ${id}[role="heading"]`, { timeout: 15000 });
  assert.match(await regionText(page, 'status'), /Open/);

  // And an unknown number, typed by keyboard into the labelled field.
  const reference = await page.waitForSelector('aria/Reference number[role="textbox"]');
  await reference.click({ clickCount: 3 });
  await reference.type('424242');
  await page.keyboard.press('Enter');
  await waitForRegion(page, 'alert', 'could not find a request with the reference number "424242"');

  assert.deepEqual(problems, []);
  await page.close();
});
