// Shared by the end-to-end tests: Debian Chromium through puppeteer-core, and reading live regions as a
// screen reader would hear them (through shadow roots).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumFlags, findChromium } from '../../scripts/check/chromium-path.mjs';

/** A fresh profile each time (no service worker or storage left from another run). */
export async function launchBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cp-e2e-'));
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: chromiumFlags,
    userDataDir,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Text of every element with this role (status, alert …), through shadow roots, joined with " | ". */
/**
 * Forced colours (Windows high contrast) and reduced motion, through the DevTools protocol: puppeteer's
 * emulateMediaFeatures refuses forced-colors. `scheme`: the system palette's light or dark, when given.
 */
export async function emulateForcedColors(page, scheme) {
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', {
    features: [
      { name: 'forced-colors', value: 'active' },
      ...(scheme ? [{ name: 'prefers-color-scheme', value: scheme }] : []),
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ],
  });
  return cdp;
}

export const regionText = (page, role) =>
  page.evaluate((role) => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.getAttribute('role') === role) out.push(el.textContent.replace(/\s+/g, ' ').trim());
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out.filter(Boolean).join(' | ');
  }, role);

/** Waits until a region of this role contains `text`. */
export async function waitForRegion(page, role, text, timeout = 15000) {
  const start = Date.now();
  for (;;) {
    const now = await regionText(page, role);
    if (now.includes(text)) return now;
    if (Date.now() - start > timeout) throw new Error(`No ${role} region said "${text}"; they say: ${now}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Collects what would worry a webmaster: console errors, page errors, CSP violations. */
export async function watchProblems(page, { allowHttpErrors = () => false } = {}) {
  const problems = [];
  // Failed loads are judged by URL (allowHttpErrors); every other console error counts.
  page.on(
    'console',
    (m) => m.type() === 'error' && !/^Failed to load resource/.test(m.text()) && problems.push(`console: ${m.text()}`),
  );
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !allowHttpErrors(new URL(r.url()))) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return problems;
}

/** Presses Continue and waits for the heading of the next step ("Step 2 of 4: Location"). */
export async function continueTo(page, heading, timeout = 15000) {
  await (await page.waitForSelector('aria/Continue[role="button"]')).click();
  await page.waitForSelector(`aria/${heading}[role="heading"]`, { timeout });
}

/** Types into the "Category" combobox, takes the first match by keyboard, and checks what was chosen. */
export async function pickCategory(page, typed, expectedName, timeout = 20000) {
  const input = await page.waitForSelector('aria/Category[role="combobox"]', { timeout });
  await input.click();
  await input.type(typed);
  await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', { timeout }, input);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction((el, name) => el.value === name, { timeout }, input, expectedName);
}
