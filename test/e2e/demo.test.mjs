// The demo as `npm start` serves it (built bundle, strict CSP, msw Open311 server in the page): a report filed
// there survives a reload and can be looked up; `?endpoint=` points the widget at another server instead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { startDemoServer } from '../../scripts/dev/serve.mjs';
import { startOpen311Server } from '../../scripts/dev/open311-server.mjs';
import {
  continueTo,
  emulateForcedColors,
  launchBrowser,
  pickCategory,
  waitForRegion,
  watchProblems,
} from './browser.mjs';

let demo, chromium, backend;
const backendRequests = [];

before(async () => {
  demo = await startDemoServer({ port: 0 });
  backend = await startOpen311Server({ onRequest: (r) => backendRequests.push(r) });
  chromium = await launchBrowser();
});

after(async () => {
  await chromium?.close();
  await demo?.close();
  backend?.close();
});

test('the demo files a report with its in-browser server, and still knows it after a reload', async () => {
  const page = await chromium.browser.newPage();
  const problems = await watchProblems(page);
  await page.goto(`${demo.origin}/`, { waitUntil: 'load' });

  await pickCategory(page, 'pothole', 'Pothole');
  await continueTo(page, 'Step 2 of 4: Location');
  await (await page.waitForSelector('aria/Address or place[role="combobox"]')).type('5 Lakeview Terrace');
  await continueTo(page, 'Step 3 of 4: Details and contact');
  await (await page.waitForSelector('aria/Smaller than a dinner plate[role="radio"]')).click();
  await (await page.waitForSelector('aria/Description[role="textbox"]')).type('Small but deep');
  await continueTo(page, 'Step 4 of 4: Check and send');
  await (await page.waitForSelector('aria/Submit[role="button"]')).click();
  const status = await waitForRegion(page, 'status', 'reference number is', 20000);
  const id = status.match(/reference number is (\S+)/)[1];

  await page.reload({ waitUntil: 'load' });
  await (await page.waitForSelector('aria/Check status[role="tab"]', { timeout: 20000 })).click();
  await (await page.waitForSelector('aria/Reference number[role="textbox"]')).type(id);
  await (await page.waitForSelector('aria/Check status[role="button"]')).click();
  const card = await waitForRegion(page, 'status', `Request ${id}`, 20000);
  assert.match(card, /Pothole/);
  assert.match(card, /5 Lakeview Terrace/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('?endpoint= points the demo at a real server', async () => {
  const page = await chromium.browser.newPage();
  const problems = await watchProblems(page);
  await page.goto(`${demo.origin}/?endpoint=${encodeURIComponent(backend.base)}&jurisdiction=demo.city`, {
    waitUntil: 'load',
  });
  await page.waitForSelector('aria/Category[role="combobox"]', { timeout: 20000 });
  assert.ok(
    backendRequests.some(
      (r) => r.url.startsWith(`${backend.base}/services.json`) && r.url.includes('jurisdiction_id=demo.city'),
    ),
    'services.json came from the given server',
  );
  assert.match(await page.$eval('#demo-server', (banner) => banner.textContent), /Live server/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the configurator: settings change the live widget and the snippet to copy', async () => {
  const page = await chromium.browser.newPage();
  // The live widget asks for each jurisdiction typed ("o", "ot" …): the demo's server knows only demo.city and
  // refuses the others with a 404, rightly.
  const problems = await watchProblems(page, {
    allowHttpErrors: (url) =>
      url.pathname === '/open311/v2/services.json' && url.searchParams.get('jurisdiction_id') !== 'demo.city',
  });
  await page.goto(`${demo.origin}/demo/configure.html`, { waitUntil: 'load' });
  await page.waitForSelector('aria/Category[role="combobox"]', { timeout: 20000 });
  const jurisdiction = await page.waitForSelector(
    'aria/Jurisdiction id (only if your server hosts several cities)[role="textbox"]',
  );
  await jurisdiction.click({ clickCount: 3 });
  await jurisdiction.type('other.city');
  await page.$eval('#accent', (input) => {
    input.value = '#8a1538';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const snippet = await page.$eval('#snippet', (el) => el.textContent);
  // The bundle from the demo server itself, which serves dist/ with CORS as a CDN would (issue #13: a made-up
  // https://cdn.example/ address gave a blank box when pasted as copied).
  assert.ok(snippet.includes(`<script type="module" src="${demo.origin}/dist/citizen-portal.js"></script>`), snippet);
  assert.match(snippet, /jurisdiction="other\.city"/);
  assert.match(snippet, /--cp-accent: #8a1538;/);
  const live = await page.$eval('citizen-portal', (el) => [
    el.getAttribute('jurisdiction'),
    el.style.getPropertyValue('--cp-accent'),
  ]);
  assert.deepEqual(live, ['other.city', '#8a1538']);
  // The colour picker shows its colour (it was an empty bar: the page's field padding left its swatch 1 px high).
  const accent = await page.$('#accent');
  await accent.scrollIntoView();
  const { data, info } = await sharp(await accent.screenshot())
    .raw()
    .toBuffer({ resolveWithObject: true });
  let swatch = 0;
  for (let p = 0; p < data.length; p += info.channels)
    if (Math.abs(data[p] - 0x8a) + Math.abs(data[p + 1] - 0x15) + Math.abs(data[p + 2] - 0x38) < 30) swatch++;
  assert.ok(swatch / (info.width * info.height) > 0.4, `the swatch covers ${swatch} of ${info.width * info.height} px`);
  // Languages and a theme reach the live widget: its switcher, in Vietnamese when chosen.
  await page.select('#theme', 'dark');
  assert.equal(await page.$eval('citizen-portal', (el) => el.getAttribute('theme')), 'dark');
  // Set at once (typed letter by letter, "v" would be named in the console as no language, rightly).
  await page.$eval('#languages', (input) => {
    input.value = 'vi en';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const switcher = await page.waitForSelector('aria/Language[role="combobox"]', { timeout: 20000 });
  await switcher.select('vi');
  await page.waitForSelector('aria/Ngôn ngữ[role="combobox"]', { timeout: 20000 });
  assert.match(await page.$eval('#snippet', (el) => el.textContent), /languages="vi en"/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Windows high contrast (forced colours) and reduced motion: borders stay, motion goes', async () => {
  const page = await chromium.browser.newPage();
  const problems = await watchProblems(page);
  await emulateForcedColors(page);
  // The configurator test chose Vietnamese, which this browser remembers: back to the page's English.
  await page.evaluateOnNewDocument(() => localStorage.removeItem('citizen-portal:language'));
  await page.goto(`${demo.origin}/`, { waitUntil: 'load' });
  await pickCategory(page, 'pothole', 'Pothole');
  const button = await page.waitForSelector('aria/Continue[role="button"]');
  const look = await button.evaluate((b) => {
    const s = getComputedStyle(b);
    return {
      forced: matchMedia('(forced-colors: active)').matches,
      border: `${s.borderTopStyle} ${s.borderTopWidth}`,
      transition: s.transitionDuration,
    };
  });
  assert.deepEqual(look, { forced: true, border: 'solid 2px', transition: '0s' });
  // The chosen option in the open list keeps a visible outline, not only a background colour.
  const input = await page.waitForSelector('pierce/#category');
  await input.click({ clickCount: 3 });
  await input.type('street');
  await page.keyboard.press('ArrowDown');
  const active = await page.waitForSelector('pierce/[role="option"][data-active]');
  assert.equal(await active.evaluate((o) => getComputedStyle(o).outlineStyle), 'solid');
  assert.deepEqual(problems, []);
  await page.close();
});
