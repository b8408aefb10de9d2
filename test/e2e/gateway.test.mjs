// The gateway as a city deploys it (issue #12), black-box: the city's Open311 server (node:http, JSON, no CORS, an
// api_key required for POST) behind the built gateway (the CLI, its own process), the built widget on a CDN origin,
// the city's page on a third origin under a strict Content-Security-Policy. A resident files a report with a photo
// from a phone (a JPEG with EXIF GPS, made here), driven by accessible role and name. The city's server must get
// the api_key and a media_url pointing at the gateway's copy of the photo (without EXIF); the browser must never
// carry the key. And a page on an origin the gateway does not allow gets nothing: the widget says it could not
// reach the city's service. `npm run test:e2e` builds the gateway first (npm run build:gateway).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import sharp from 'sharp';
import { continueTo, launchBrowser, pickCategory, regionText, waitForRegion, watchProblems } from './browser.mjs';
import { startCdnServer } from '../../scripts/dev/cdn-server.mjs';
import { startCli } from '../../gateway/test/helpers/gateway.mjs';
import { startUpstream } from '../../gateway/test/helpers/upstream.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const API_KEY = 'e2e-secret-api-key-5c1f';
/** Where the phone took the photo (EXIF GPS). */
const PHOTO_AT = { lat: 37.7642, long: -122.4197 };

let cdn, upstream, gateway, host, stranger, chromium, dir;

/** A phone's photo: a 1600×1200 JPEG (sharp) with an EXIF GPS position (test/helpers/exif-writer.ts). */
async function phonePhoto(path) {
  const outdir = `${root}node_modules/.cache/citizen-portal-e2e`;
  mkdirSync(outdir, { recursive: true });
  const outfile = `${outdir}/exif-writer.mjs`;
  await build({ entryPoints: [`${root}test/helpers/exif-writer.ts`], format: 'esm', outfile, logLevel: 'silent' });
  const { withExif } = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 90, g: 110, b: 70 } } })
    .composite([
      {
        input: { create: { width: 500, height: 300, channels: 3, background: { r: 30, g: 30, b: 30 } } },
        left: 500,
        top: 600,
      },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
  const bytes = withExif(new Uint8Array(jpeg), PHOTO_AT);
  assert.ok(Buffer.from(bytes).includes('Exif\0\0'), 'the test photo carries EXIF');
  writeFileSync(path, bytes);
}

/** The city's page: the widget from the CDN, pointed at the gateway; a strict CSP (Trusted Types required) that allows just that. */
function startHostPage() {
  const server = http.createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    const csp = [
      "default-src 'none'",
      `script-src ${cdn.origin}`,
      "style-src 'self'",
      `connect-src ${gateway.url} ${cdn.origin}`,
      `img-src data: blob: ${gateway.url}`,
      // Trusted Types too (issue #15): the photo pipeline (EXIF stripped, resized, uploaded) runs under them.
      "require-trusted-types-for 'script'",
      'trusted-types lit-html citizen-portal',
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; ');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>City of Elsewhere</title>
<script type="module" src="${cdn.origin}/dist/citizen-portal.js"></script>
</head><body><main><h1>Report a problem</h1>
<citizen-portal endpoint="${gateway.url}" media-upload="${gateway.url}/media"></citizen-portal>
</main></body></html>`);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  );
}

/**
 * A file input by its role and name. Chromium's name query (what puppeteer's aria/ selectors use) finds a file
 * input's label text but not the input itself, so: every button, then the one the accessibility tree names so.
 */
async function fileButton(page, name, timeout = 15000) {
  const until = Date.now() + timeout;
  for (;;) {
    for (const button of await page.$$('aria/[role="button"]')) {
      const node = await page.accessibility.snapshot({ root: button, interestingOnly: false });
      if (node?.name === name) return button;
    }
    if (Date.now() > until) throw new Error(`no button named "${name}"`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Everything the page sends and gets (URL, headers, body; answers' text), to look for the key in. */
function recordTraffic(page) {
  const pending = [];
  page.on('request', (r) =>
    pending.push(
      (async () => {
        let body = r.postData() ?? '';
        if (!body && r.hasPostData()) body = (await r.fetchPostData().catch(() => '')) ?? '';
        return { kind: 'request', method: r.method(), url: r.url(), headers: r.headers(), body };
      })(),
    ),
  );
  page.on('response', (r) =>
    pending.push(
      (async () => {
        const type = r.headers()['content-type'] ?? '';
        const body = /json|text|javascript/.test(type) ? await r.text().catch(() => '') : '';
        return { kind: 'response', status: r.status(), url: r.url(), headers: r.headers(), body };
      })(),
    ),
  );
  return () => Promise.all(pending);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cp-e2e-gateway-'));
  await phonePhoto(join(dir, 'pothole.jpg'));
  cdn = await startCdnServer();
  upstream = await startUpstream({ apiKey: API_KEY, jurisdiction: 'city.example' });
  // The allowed origin must be known before the gateway starts: reserve the page's server first.
  host = await startHostPage();
  stranger = await startHostPage();
  gateway = await startCli(['--upstream', upstream.base], {
    API_KEY,
    JURISDICTION_ID: 'city.example',
    ALLOW_ORIGINS: host.origin,
    MEDIA_DIR: join(dir, 'media'),
    LOG_LEVEL: 'info',
  });
  chromium = await launchBrowser();
});

after(async () => {
  await chromium?.close();
  await gateway?.stop();
  await upstream?.close();
  cdn?.close();
  host?.close();
  stranger?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a resident files a report with a photo through the gateway; the key stays on the server', async () => {
  const page = await chromium.browser.newPage();
  const problems = await watchProblems(page);
  const traffic = recordTraffic(page);
  await page.setViewport({ width: 390, height: 844 });
  await page.goto(host.origin, { waitUntil: 'load' });

  await pickCategory(page, 'pothole', 'Pothole', 15000);
  await continueTo(page, 'Step 2 of 4: Location');
  await (await page.waitForSelector('aria/Address or place')).type('310 Founders Way');
  await continueTo(page, 'Step 3 of 4: Details and contact');
  // The category's question, from the city's server through the gateway.
  await (await page.waitForSelector('aria/Large[role="radio"]')).click();

  // The photo, as the file picker gives it; the widget shrinks it, strips its EXIF and uploads it to /media.
  const picker = await fileButton(page, 'Choose photos');
  await picker.uploadFile(join(dir, 'pothole.jpg'));
  await page.waitForSelector('aria/Remove photo 1[role="button"]', { timeout: 20000 });
  // Its GPS position becomes the problem's location.
  await (await page.waitForSelector('aria/Use the photo\'s location[role="button"]')).click();
  await waitForRegion(page, 'status', 'The location where the photo was taken is now the location of the problem.');

  await (await page.waitForSelector('aria/Description[role="textbox"]')).type('Deep hole in the right lane');
  await (await page.waitForSelector('aria/Email[role="textbox"]')).type('ana@example.org');
  await continueTo(page, 'Step 4 of 4: Check and send');
  await (await page.waitForSelector('aria/Submit[role="button"]')).click();
  await page.waitForSelector('aria/Thank you, your report was sent[role="heading"]', { timeout: 15000 });
  const status = await regionText(page, 'status');
  assert.match(status, /reference number is 5000\b/, status);

  // What the city's server got: one report, with the key and jurisdiction the gateway added, and the photo's URL.
  const posts = upstream.received.filter((r) => r.method === 'POST');
  assert.equal(posts.length, 1);
  const report = posts[0].body;
  assert.equal(report.get('api_key'), API_KEY);
  assert.equal(report.get('jurisdiction_id'), 'city.example');
  assert.equal(report.get('service_code'), 'POTHOLE');
  assert.equal(report.get('attribute[SIZE]'), 'l');
  assert.equal(report.get('address_string'), '310 Founders Way');
  assert.ok(Math.abs(Number(report.get('lat')) - PHOTO_AT.lat) < 1e-4, `the photo's latitude: ${report.get('lat')}`);
  assert.ok(
    Math.abs(Number(report.get('long')) - PHOTO_AT.long) < 1e-4,
    `the photo's longitude: ${report.get('long')}`,
  );
  const mediaUrl = report.get('media_url');
  assert.match(mediaUrl ?? '', new RegExp(`^${gateway.url}/media/[0-9a-f-]{36}\\.jpg$`));

  // The stored photo: the gateway's own copy, served by it, a JPEG without EXIF (no GPS, nothing).
  const stored = readdirSync(join(dir, 'media'));
  assert.deepEqual(stored, [mediaUrl.split('/').pop()]);
  const served = await fetch(mediaUrl);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('content-type'), 'image/jpeg');
  const photo = Buffer.from(await served.arrayBuffer());
  const meta = await sharp(photo).metadata();
  assert.equal(meta.format, 'jpeg');
  assert.equal(meta.exif, undefined, 'no EXIF in the stored photo');
  assert.equal(meta.xmp, undefined, 'no XMP in the stored photo');
  assert.ok(!photo.includes('Exif\0\0'), 'no EXIF segment in the stored photo');
  assert.ok(Math.max(meta.width, meta.height) <= 2048);

  // The browser talked to the gateway only (never to the city's server), and never carried or saw the key.
  const seen = await traffic();
  const toGateway = seen.filter((t) => t.kind === 'request' && t.url.startsWith(`${gateway.url}/`));
  const calls = toGateway.map((t) => `${t.method} ${new URL(t.url).pathname}`);
  for (const call of ['GET /services.json', 'GET /services/POTHOLE.json', 'POST /media', 'POST /requests.json'])
    assert.ok(calls.includes(call), `the page made ${call}: ${calls.join(', ')}`);
  const upload = toGateway.find((t) => t.method === 'POST' && t.url.endsWith('/media'));
  assert.match(upload.headers['content-type'] ?? '', /^multipart\/form-data/);
  assert.ok(upload.body.length > 1000, `the upload's body was recorded (${upload.body.length} bytes)`);
  assert.equal(seen.filter((t) => t.url.startsWith(new URL(upstream.base).origin)).length, 0);
  for (const t of seen) {
    const text = `${t.url}\n${JSON.stringify(t.headers)}\n${t.body}`;
    assert.ok(!text.includes(API_KEY), `the key in a ${t.kind}: ${t.url}`);
    if (t.kind === 'request') assert.ok(!/api_key/i.test(text), `an api_key in the request to ${t.url}`);
  }
  assert.ok(!(await page.content()).includes(API_KEY));
  // Nor is it in the gateway's logs.
  assert.ok(!gateway.out.stdout.includes(API_KEY) && !gateway.out.stderr.includes(API_KEY));

  assert.deepEqual(problems, []);
  await page.close();
});

test('a page on an origin the gateway does not allow gets no categories, and says it could not reach the city', async () => {
  const before = gateway.logs().length;
  const page = await chromium.browser.newPage();
  await page.goto(stranger.origin, { waitUntil: 'load' });
  const alert = await waitForRegion(
    page,
    'alert',
    "We could not reach the city's service. Check your internet connection and try again.",
    30000,
  );
  assert.match(alert, /We could not load the list of categories\./);
  await page.waitForSelector('aria/Try again[role="button"]');
  assert.equal((await page.$$('aria/Category[role="combobox"]')).length, 0, 'no category field');
  // The gateway refused it (403, without CORS headers, so the page could not read even that).
  const asked = gateway
    .logs()
    .slice(before)
    .filter((l) => l.path === '/services.json');
  assert.ok(asked.length >= 1, 'the page asked for the services');
  assert.ok(
    asked.every((l) => l.status === 403 && l.error === 'origin-refused'),
    JSON.stringify(asked),
  );
  await page.close();
});

/**
 * A gateway that wants a CAPTCHA (Turnstile): its discovery says so, the widget loads Turnstile's script from its
 * real address (answered here by a stand-in through puppeteer's request interception: this machine has no internet)
 * on a page that requires Trusted Types, draws the check in the page's DOM, and the gateway verifies the answer with
 * a siteverify-style service before the report reaches the city. Without an answer nothing is sent.
 */
test('a gateway with a CAPTCHA: the resident passes the check, the gateway verifies it, the city gets one report', async () => {
  const verified = [];
  const verifier = http.createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    const form = new URLSearchParams(body);
    verified.push(Object.fromEntries(form));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ success: form.get('secret') === 'ts-secret' && form.get('response') === 'e2e-pass' }));
  });
  await new Promise((r) => verifier.listen(0, '127.0.0.1', r));
  const site = http.createServer((req, res) => {
    const csp = [
      "default-src 'none'",
      `script-src ${cdn.origin} https://challenges.cloudflare.com`,
      'frame-src https://challenges.cloudflare.com',
      "style-src 'self'",
      `connect-src ${captchaGateway.url} ${cdn.origin}`,
      "require-trusted-types-for 'script'",
      'trusted-types lit-html citizen-portal',
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; ');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>City of Elsewhere</title>
<script type="module" src="${cdn.origin}/dist/citizen-portal.js"></script></head>
<body><main><citizen-portal gateway="${captchaGateway.url}"></citizen-portal></main></body></html>`);
  });
  await new Promise((r) => site.listen(0, '127.0.0.1', r));
  const siteOrigin = `http://127.0.0.1:${site.address().port}`;
  const captchaGateway = await startCli(['--upstream', upstream.base], {
    API_KEY,
    JURISDICTION_ID: 'city.example',
    ALLOW_ORIGINS: siteOrigin,
    MEDIA_STORAGE: 'none',
    CAPTCHA_SECRET: 'ts-secret',
    CAPTCHA_SITE_KEY: 'ts-site-key',
    CAPTCHA_VERIFY_URL: `http://127.0.0.1:${verifier.address().port}/siteverify`,
  });
  const page = await chromium.browser.newPage();
  try {
    const problems = await watchProblems(page);
    await page.setRequestInterception(true);
    const rendered = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('https://challenges.cloudflare.com/turnstile/v0/api.js')) return void r.continue();
      rendered.push(r.url());
      r.respond({
        status: 200,
        contentType: 'text/javascript',
        body: `window.turnstile = {
          render(el, o) {
            const b = document.createElement('button');
            b.type = 'button';
            b.textContent = 'I am a person (' + o.sitekey + ')';
            b.addEventListener('click', () => o.callback('e2e-pass'));
            el.replaceChildren(b);
            return 'w1';
          },
          reset() {},
          remove() {},
        };`,
      });
    });
    const postsBefore = upstream.received.filter((r) => r.method === 'POST').length;
    await page.goto(siteOrigin, { waitUntil: 'load' });
    await pickCategory(page, 'graffiti', 'Graffiti', 15000);
    await continueTo(page, 'Step 2 of 4: Location');
    await (await page.waitForSelector('aria/Address or place')).type('12 Mill Lane');
    await continueTo(page, 'Step 3 of 4: Details and contact');
    await (await page.waitForSelector('aria/Description[role="textbox"]')).type('Tags on the bridge');
    await continueTo(page, 'Step 4 of 4: Check and send');

    await page.waitForSelector('aria/Check that you are a person[role="group"]');
    const check = await page.waitForSelector('aria/I am a person (ts-site-key)[role="button"]');
    assert.equal(rendered.length, 1, "Turnstile's script, once");
    // Without the answer, nothing is sent.
    await (await page.waitForSelector('aria/Submit[role="button"]')).click();
    await waitForRegion(page, 'alert', 'Complete the check that you are a person.');
    assert.equal(upstream.received.filter((r) => r.method === 'POST').length, postsBefore);

    await check.click();
    await (await page.waitForSelector('aria/Submit[role="button"]')).click();
    await page.waitForSelector('aria/Thank you, your report was sent[role="heading"]', { timeout: 15000 });
    assert.deepEqual(
      verified.map((v) => [v.secret, v.response]),
      [['ts-secret', 'e2e-pass']],
    );
    const posts = upstream.received.filter((r) => r.method === 'POST').slice(postsBefore);
    assert.equal(posts.length, 1);
    assert.equal(posts[0].body.get('service_code'), '101');
    assert.equal(posts[0].body.get('captcha_token'), null, 'the answer stays with the gateway');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    await captchaGateway.stop();
    site.close();
    verifier.close();
  }
});
