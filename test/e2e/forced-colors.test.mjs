// Windows high contrast (forced colours, issue #16): the demo as `npm start` serves it, with the DevTools
// protocol's `forced-colors: active`, in a light and a dark system palette. In a few states — the first screen,
// an error summary, the location step with its map, the details step, the confirmation, the tracker's card — axe
// (axe-core, as the browser tests use it, through open shadow roots) finds no violation, and the focused control
// keeps a visible outline (forced colours drop box-shadows and backgrounds, never outlines).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startDemoServer } from '../../scripts/dev/serve.mjs';
import {
  continueTo,
  emulateForcedColors,
  launchBrowser,
  pickCategory,
  waitForRegion,
  watchProblems,
} from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let demo, chromium;

before(async () => {
  demo = await startDemoServer({ port: 0 });
  chromium = await launchBrowser();
});

after(async () => {
  await chromium?.close();
  await demo?.close();
});

/**
 * axe on the widget (WCAG 2.x A and AA rules, 2.2 included); throws with each violation and its nodes.
 *
 * Without color-contrast: under forced colours axe reads `-webkit-text-fill-color`, which Chromium leaves at the
 * author's colour in getComputedStyle while it paints the forced one (measured here: the "Category" label reported
 * as #1c232b on black was painted white). Text colours are the system palette's by definition once forced; what
 * could undo that — an element of ours opting out with `forced-color-adjust: none` — is checked instead.
 */
async function axe(page, state) {
  // Evaluated through the protocol, so the page's Content-Security-Policy (script-src 'self') does not apply.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector('citizen-portal'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join('\n    ')}`,
    );
  });
  assert.deepEqual(violations, [], `${state}:\n  ${violations.join('\n  ')}`);
  const optedOut = await page.evaluate(() => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (getComputedStyle(el).forcedColorAdjust === 'none') out.push(`${el.localName}.${el.className}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document.querySelector('citizen-portal').shadowRoot);
    return out;
  });
  assert.deepEqual(optedOut, [], `${state}: elements that keep their own colours under forced colours`);
}

/** The focused control's outline, through shadow roots. */
const focusOutline = (page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    const el = a.matches('.visually-hidden') ? (a.closest('label') ?? a) : a;
    const s = getComputedStyle(el);
    return { what: `${a.localName} ${a.id}`, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });

async function assertFocusVisible(page, state) {
  const o = await focusOutline(page);
  assert.notEqual(o.style, 'none', `${state}: ${o.what} has an outline`);
  assert.ok(o.width >= 2, `${state}: ${o.what}'s outline is ${o.width}px`);
}

for (const scheme of ['light', 'dark']) {
  test(`forced colours (${scheme} system palette): axe passes in each state, focus stays visible`, async () => {
    const page = await chromium.browser.newPage();
    const problems = await watchProblems(page);
    await emulateForcedColors(page, scheme);
    await page.goto(`${demo.origin}/`, { waitUntil: 'load' });
    const input = await page.waitForSelector('aria/Category[role="combobox"]', { timeout: 20000 });
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
    await axe(page, 'first screen');

    await (await page.waitForSelector('aria/Continue[role="button"]')).focus();
    await page.keyboard.press('Enter');
    await waitForRegion(page, 'alert', 'There is a problem');
    await axe(page, 'step 1, error summary');
    await page.keyboard.press('Tab'); // the summary's link
    await assertFocusVisible(page, 'the error summary link');

    await input.click({ clickCount: 3 });
    await pickCategory(page, 'pothole', 'Pothole');
    await assertFocusVisible(page, 'the category combobox');
    await continueTo(page, 'Step 2 of 4: Location');
    await page.waitForSelector('aria/Set location here (the centre of the map)[role="button"]', { timeout: 20000 });
    await axe(page, 'location step with the map');
    await (await page.waitForSelector('aria/Address or place[role="combobox"]')).type('5 Lakeview Terrace');
    await continueTo(page, 'Step 3 of 4: Details and contact');
    await axe(page, 'details step');
    await (await page.waitForSelector('aria/Smaller than a dinner plate[role="radio"]')).focus();
    await page.keyboard.press('Space');
    await assertFocusVisible(page, 'a radio button');
    await (await page.waitForSelector('aria/Description[role="textbox"]')).type('Small but deep');
    await continueTo(page, 'Step 4 of 4: Check and send');
    await (await page.waitForSelector('aria/Submit[role="button"]')).focus();
    await page.keyboard.press('Enter');
    const sent = await waitForRegion(page, 'status', 'reference number is', 20000);
    const id = sent.match(/reference number is (\S+)/)[1];
    await axe(page, 'confirmation');

    await (await page.waitForSelector('aria/Check the status of this report[role="button"]')).click();
    await waitForRegion(page, 'status', `Request ${id}`, 20000);
    await axe(page, 'tracker with a status card');
    assert.deepEqual(problems, []);
    await page.close();
  });
}
