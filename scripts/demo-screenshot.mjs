// Opens the demo in headless Chromium, waits until the widget has loaded its service categories from the mock
// Open311 server, and saves a full-page screenshot. Prints console errors and CSP violations.
//   node scripts/demo-screenshot.mjs [out.png] [viewport width, default 1280]
// Exits 1 if the widget shows no categories within 20 s. (`chromium --screenshot` cannot do this: it does not
// wait for msw's service worker to start.)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumFlags, findChromium } from './chromium-path.mjs';
import { startDemoServer } from './serve.mjs';

const out = process.argv[2] || '/tmp/demo.png';
const width = Number(process.argv[3] || 1280);
const TIMEOUT_MS = 20_000;

/** True once the "Category" combobox shows anywhere inside the widget (it appears when the categories have
 *  loaded). The widget nests elements with their own shadow roots, so search all open ones. */
function widgetHasCategories() {
  const find = (root) => {
    if (root.querySelector('[role="combobox"]#category')) return true;
    return [...root.querySelectorAll('*')].some((el) => el.shadowRoot && find(el.shadowRoot));
  };
  const portal = document.querySelector('citizen-portal');
  return Boolean(portal?.shadowRoot && find(portal.shadowRoot));
}

if (!existsSync(fileURLToPath(new URL('../dist/citizen-portal.js', import.meta.url)))) {
  console.error('dist/citizen-portal.js is missing: run npm run build first.');
  process.exit(1);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found: install one (apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}

const server = await startDemoServer({ port: 0 });
const userDataDir = mkdtempSync(join(tmpdir(), 'citizen-portal-demo-')); // fresh profile: no old worker or data
const browser = await puppeteer.launch({ executablePath, args: chromiumFlags, headless: true, userDataDir });
const problems = [];
let ok = false;
try {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // Violations reported to the page (the ones Chromium only logs still arrive above as console errors).
  await page.exposeFunction('__reportCsp', (text) => problems.push(`CSP violation: ${text}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCsp(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}`,
      ),
    );
  });

  await page.goto(`${server.origin}/`, { waitUntil: 'load' });
  try {
    await page.waitForFunction(widgetHasCategories, { timeout: TIMEOUT_MS, polling: 100 });
    ok = true;
  } catch {
    problems.push(`the widget showed no category field within ${TIMEOUT_MS / 1000} s`);
  }
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`Saved ${out} (${width} px wide)`);
} finally {
  await browser.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

for (const p of problems) console.error(p);
process.exit(ok ? 0 : 1);
