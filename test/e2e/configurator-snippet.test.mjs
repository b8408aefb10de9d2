// The configurator's snippet, as a webmaster uses it (issue #13): copied from `npm start`'s configurator and pasted
// as it is into a page on another origin, under a Content-Security-Policy as the README tells a city to write it,
// it files a request with the demo's server. Its "Test this endpoint" explains in words what is wrong with a
// server, and a snippet whose endpoint cannot be read says so inside the element, naming `endpoint`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startDemoServer } from '../../scripts/dev/serve.mjs';
import { continueTo, launchBrowser, pickCategory, waitForRegion, watchProblems } from './browser.mjs';

let demo, chromium, oddServer, closedOrigin;
const apiRequests = [];

/** A page of another site: `body` as it is, with the CSP a city would send for a widget from `widgetOrigin`. */
function startHostPage(widgetOrigin) {
  let body = '';
  const server = http.createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    const csp = [
      "default-src 'none'",
      `script-src ${widgetOrigin}`,
      "style-src 'self'",
      `connect-src ${widgetOrigin} ${oddServer.origin}`,
      `img-src data: blob: ${widgetOrigin}`,
      'worker-src blob:',
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; ');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>City of Elsewhere</title></head>
<body><main><h1>Report a problem</h1>
${body}
</main></body></html>`);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        setBody: (html) => (body = html),
        close: () => server.close(),
      }),
    ),
  );
}

/** Servers that are not what they should be, one per path, on their own origin. */
function startOddServer() {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const cors = { 'Access-Control-Allow-Origin': '*' };
    if (path === '/no-cors/services.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('[{"service_code":"A","service_name":"A"}]');
    } else if (path === '/website/services.json') {
      res.writeHead(200, { ...cors, 'Content-Type': 'text/html' }).end('<!doctype html><html><body>Welcome</body>');
    } else if (path === '/object/services.json') {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end('{"status":"ok","data":{}}');
    } else if (path === '/xml/services.json') {
      res.writeHead(200, { ...cors, 'Content-Type': 'text/xml' }).end('<?xml version="1.0"?><services></services>');
    } else {
      res.writeHead(404, { ...cors, 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  );
}

/** An origin where nothing listens: a server started and stopped. */
async function closedPortOrigin() {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  await new Promise((resolve) => server.close(resolve));
  return origin;
}

before(async () => {
  demo = await startDemoServer({ port: 0, onApiRequest: (r) => apiRequests.push(r) });
  oddServer = await startOddServer();
  closedOrigin = await closedPortOrigin();
  chromium = await launchBrowser();
});

after(async () => {
  await chromium?.close();
  await demo?.close();
  oddServer?.close();
});

async function openConfigurator() {
  const page = await chromium.browser.newPage();
  await page.goto(`${demo.origin}/demo/configure.html`, { waitUntil: 'load' });
  await page.waitForSelector('aria/Category[role="combobox"]', { timeout: 20000 });
  return page;
}

/** Types an endpoint into the configurator, presses "Test this endpoint" and returns what it says. */
async function testEndpoint(page, endpoint) {
  await page.$eval(
    '#endpoint',
    (input, value) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    endpoint,
  );
  await page.$eval('#endpoint-result', (p) => (p.textContent = ''));
  // By id: the demo's stylesheet upper-cases buttons, and Chromium names them so.
  await page.click('#test-endpoint');
  const result = await page.waitForFunction(
    () => {
      const text = document.querySelector('#endpoint-result').textContent;
      return text && text !== 'Testing…' && text;
    },
    { timeout: 20000 },
  );
  return result.jsonValue();
}

test('the snippet, pasted as copied into a page on another origin, files a request with the demo server', async () => {
  const configurator = await openConfigurator();
  const problems = await watchProblems(configurator);
  assert.match(await testEndpoint(configurator, `${demo.origin}/open311/v2`), /^It works: \d+ categories \(Pothole/);
  const snippet = await configurator.$eval('#snippet', (el) => el.textContent);
  assert.deepEqual(problems, []);
  await configurator.close();

  // Everything in it is absolute, from the demo server, and it says what to replace: the endpoint first.
  assert.ok(snippet.includes(`<script type="module" src="${demo.origin}/dist/citizen-portal.js"></script>`));
  assert.ok(snippet.includes(`endpoint="${demo.origin}/open311/v2"`), snippet);
  for (const [, name, value] of snippet.matchAll(/\b(endpoint|map-style|boundary|geocoder|media-upload)="([^"]*)"/g)) {
    assert.ok(value.startsWith(`${demo.origin}/`), `${name}="${value}" is absolute, on the demo server`);
  }
  assert.match(snippet, /Before going live, replace\n\s+- endpoint: your city's Open311 \(GeoReport v2\) server/);
  assert.match(snippet, /\n\s+- jurisdiction: your server's, only if it hosts several cities/);
  // A public site reading from this machine is preflighted by Chrome (Private Network Access): the server agrees.
  for (const path of ['/dist/citizen-portal.js', '/open311/v2/services.json']) {
    const preflight = await fetch(`${demo.origin}${path}`, { method: 'OPTIONS' });
    assert.equal(preflight.headers.get('access-control-allow-private-network'), 'true', path);
  }

  const host = await startHostPage(demo.origin);
  try {
    host.setBody(snippet);
    const page = await chromium.browser.newPage();
    const pageProblems = await watchProblems(page, { allowHttpErrors: (url) => url.pathname === '/favicon.ico' });
    await page.goto(host.origin, { waitUntil: 'load' });
    await pickCategory(page, 'pothole', 'Pothole');
    await continueTo(page, 'Step 2 of 4: Location');
    // The demo's map, from the demo server: its style, its data and its boundary read across origins.
    await page.waitForSelector('aria/Map: choose where the problem is[role="region"]', { timeout: 20000 });
    await (await page.waitForSelector('aria/Address or place[role="combobox"]')).type('5 Lakeview Terrace');
    await continueTo(page, 'Step 3 of 4: Details and contact');
    await (await page.waitForSelector('aria/Smaller than a dinner plate[role="radio"]')).click();
    await (await page.waitForSelector('aria/Description[role="textbox"]')).type('Filed from another site');
    await continueTo(page, 'Step 4 of 4: Check and send');
    await (await page.waitForSelector('aria/Submit[role="button"]')).click();
    const status = await waitForRegion(page, 'status', 'reference number is', 20000);
    const id = status.match(/reference number is (\S+)/)[1];
    assert.deepEqual(pageProblems, []);
    await page.close();

    // It reached the demo's Node-side server (not an in-browser mock: the page is on another origin).
    assert.ok(apiRequests.some((r) => r.method === 'POST' && r.url === `${demo.origin}/open311/v2/requests.json`));
    const filed = await (await fetch(`${demo.origin}/open311/v2/requests/${id}.json`)).json();
    assert.equal(filed[0].service_code, 'POTHOLE');
    assert.equal(filed[0].description, 'Filed from another site');
  } finally {
    host.close();
  }
});

test('"Test this endpoint" says in words what is wrong with a server', async () => {
  const page = await openConfigurator();
  const odd = oddServer.origin;
  assert.match(
    await testEndpoint(page, `${odd}/no-cors`),
    /did not allow this page to read it — it sends no CORS header \(Access-Control-Allow-Origin/,
  );
  assert.match(await testEndpoint(page, closedOrigin), /or it could not be reached at all/);
  assert.match(await testEndpoint(page, `${odd}/nothing-here`), /HTTP 404: there is no services\.json at /);
  assert.match(await testEndpoint(page, `${odd}/website`), /with a web page \(HTML\), not JSON/);
  assert.match(await testEndpoint(page, `${odd}/object`), /JSON, but not with a list of services: \{"status":"ok"/);
  assert.match(await testEndpoint(page, `${odd}/xml`), /answers in XML rather than JSON\. The widget can read it/);
  assert.match(await testEndpoint(page, `${odd}/x/services.json`), /Leave out "services\.json"/);
  assert.match(await testEndpoint(page, 'http://city.example/open311/v2'), /must be an https:\/\/ address/);
  assert.match(await testEndpoint(page, `${demo.origin}/open311/v2`), /^It works: \d+ categories/);
  await page.close();
});

test('a widget that loads but cannot read its endpoint says so inside the element, naming `endpoint`', async () => {
  const host = await startHostPage(demo.origin);
  try {
    const endpoint = `${oddServer.origin}/no-cors`;
    host.setBody(
      `<script type="module" src="${demo.origin}/dist/citizen-portal.js"></script>\n` +
        `<citizen-portal endpoint="${endpoint}"></citizen-portal>`,
    );
    const page = await chromium.browser.newPage();
    const consoleErrors = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await page.goto(host.origin, { waitUntil: 'load' });
    const alert = await waitForRegion(page, 'alert', '"endpoint"', 20000);
    assert.match(alert, /could not load the list of categories/);
    assert.match(alert, /For the website's administrator: .*"endpoint"/);
    // And the console, for the webmaster: the setting and the server it tried (messages arrive asynchronously).
    const named = (text) => text.includes('"endpoint"') && text.includes(oddServer.origin);
    for (const start = Date.now(); !consoleErrors.some(named); await new Promise((r) => setTimeout(r, 50))) {
      if (Date.now() - start > 5000) assert.fail(`no console error names "endpoint": ${consoleErrors.join(' | ')}`);
    }
    await page.close();
  } finally {
    host.close();
  }
});
