// What a screen-reader user hears (issue #16): the demo, as `npm start` serves it (built bundle, strict CSP, the
// in-browser Open311 server), walked by keyboard only, while the virtual screen reader of ./screen-reader.mjs
// speaks the focus and the live regions from Chromium's accessibility tree. Each test asserts the phrases a
// resident must hear at that point, and that errors are said once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../../scripts/dev/serve.mjs';
import { launchBrowser, watchProblems } from './browser.mjs';
import { attachScreenReader } from './screen-reader.mjs';

/** A small grey JPEG (32×24), as a phone's file picker would hand one over. */
const PHOTO = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAYACADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAL/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCWAkAAAAAAf//Z',
  'base64',
);

let demo, chromium, page, sr, problems, dir;

before(async () => {
  demo = await startDemoServer({ port: 0 });
  chromium = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'cp-sr-'));
  writeFileSync(join(dir, 'pothole.jpg'), PHOTO);
  page = await chromium.browser.newPage();
  problems = await watchProblems(page);
  sr = await attachScreenReader(page);
  await page.goto(`${demo.origin}/`, { waitUntil: 'load' });
});

after(async () => {
  await chromium?.close();
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Presses Tab until the focus says `pattern` (a resident tabbing through the page); returns what it said. */
async function tabTo(pattern, { max = 40, key = 'Tab' } = {}) {
  const heard = [];
  for (let i = 0; i < max; i++) {
    const said = await sr.press(key);
    if (said) heard.push(said);
    const now = await sr.focused();
    if (now && (typeof pattern === 'string' ? now.includes(pattern) : pattern.test(now))) return now;
  }
  throw new Error(`Tabbed ${max} times and never reached ${pattern}. Heard:\n  ${heard.join('\n  ')}`);
}

/** Entries of the log after `from` that match, as text. */
const said = async (pattern, from) =>
  (await sr.since(from)).filter((e) => (typeof pattern === 'string' ? e.text.includes(pattern) : pattern.test(e.text)));

test('step 1: the category combobox says its name, role and hint, and the number of results as one types', async () => {
  await page.waitForSelector('aria/Category[role="combobox"]', { timeout: 20000 });
  const focus = await tabTo('Category, combobox');
  assert.match(focus, /^Category, combobox, collapsed, autocomplete list, Type a word such as “pothole”/);
  // Entering the widget, the reader names where it is: the page's region and the tab panel.
  assert.ok((await said('Report a problem, tabpanel. Category, combobox', 0)).length, await sr.transcript());

  const from = await sr.mark();
  await sr.type('p');
  const first = await sr.waitForSpeech(/^\d+ categories found$/, { from });
  await sr.type('othole');
  await sr.waitForSpeech(/^[1-9]\d* (categories|category) found$/, { from: first.at });
  const counts = (await said(/categor(y|ies) found$/, from)).map((e) => e.text);
  assert.ok(counts.length >= 2, `a count for each pause in typing: ${counts.join(' | ')}`);
  assert.notEqual(counts[0], counts.at(-1), 'the count follows the words typed');

  // Down arrow: the first match is spoken while focus stays in the input (aria-activedescendant).
  const option = await sr.press('ArrowDown');
  assert.match(option, /^Pothole\b.*, option/);
});

test("Continue: focus moves to the next step's heading, which is spoken", async () => {
  assert.match(await sr.press('Enter'), /^Category, combobox, collapsed, .*Pothole/);
  const from = await sr.mark();
  await tabTo('Continue, button');
  await sr.press('Enter');
  const heading = await sr.waitForSpeech(/^Step 2 of 4: Location, heading, level 2$/, { from });
  assert.equal(heading.kind, 'focus');
});

test('errors: the summary takes focus and is said once, by its alert; the focus says only where it is', async () => {
  // Back to the step's Continue without a location.
  await tabTo('Continue, button');
  const from = await sr.mark();
  await sr.press('Enter');
  const alert = await sr.waitForSpeech(/^There is a problem Tell us where the problem is/, { from });
  assert.equal(alert.role, 'alert');
  // The focus lands on the summary, a group named by its title: the reader says where it is, not the list again
  // (issue #16: it used to read the whole summary a second time).
  const focus = await sr.waitForSpeech((t) => t.startsWith('There is a problem') && !t.includes('Tell us'), {
    from: alert.at,
  });
  assert.equal(focus.kind, 'focus');
  assert.equal(focus.text, 'There is a problem, group');
  assert.equal(await sr.focused(), 'There is a problem, group');
  // Each error is said exactly once: by the alert (the field's own message is not live).
  const voices = (await said('Tell us where the problem is', from)).map((e) => (e.kind === 'live' ? e.role : 'focus'));
  assert.deepEqual(voices, ['alert'], await sr.transcript(from));
});

test('the map by keyboard: its name and help, then "Pin placed near <address>" said once after a move', async () => {
  await page.waitForSelector('aria/Set location here (the centre of the map)[role="button"]', { timeout: 20000 });
  const map = await tabTo(/^Map: choose where the problem is/);
  assert.match(map, /Enter puts the pin in the middle/);
  const from = await sr.mark();
  await sr.press('ArrowRight');
  await sr.press('Enter');
  const pin = await sr.waitForSpeech(/^Pin placed (near|at) /, { from });
  assert.equal(pin.role, 'status');
  // The demo town's nearest address, e.g. "Pin placed near 980 Center St, Demo City."
  assert.match(pin.text, /^Pin placed near \d+ [A-Z][\w ]+, Demo City\.$/);
  // The pin's coordinates are not said as well (one message, not two that interrupt each other).
  await sr.waitForSpeech(/^Pin placed near/, { from });
  assert.deepEqual(
    (await said(/^Pin placed/, from)).map((e) => e.text),
    [pin.text],
  );
});

test('step 3: radio and checkbox groups are spoken with their legends as focus enters them', async () => {
  await tabTo('Continue, button');
  const from = await sr.mark();
  await sr.press('Enter');
  await sr.waitForSpeech(/^Step 3 of 4: Details and contact, heading, level 2$/, { from });
  const radio = await tabTo(/, radio,/);
  const entered = (await sr.since(from)).filter((e) => e.kind === 'focus').at(-1).text;
  assert.match(entered, /About how big is the pothole\?.*, (group|radio group)\. .*, radio, not checked/);
  void radio;
  assert.match(await sr.press('Space'), /, radio, checked/);
  // A group of checkboxes, the same way.
  await tabTo(/, checkbox,/);
  const group = (await sr.since(from)).filter((e) => e.kind === 'focus').at(-1).text;
  assert.match(group, /^Is the pothole in any of these places\?.*, group\. In a bike lane, checkbox, not checked$/);
});

test('a photo by keyboard: the file button says its name and hint; its upload is said, once each; it can be reached', async () => {
  const button = await tabTo(/^Choose photos, button/);
  assert.match(button, /Up to 3\. A photo helps the crew/);
  const from = await sr.mark();
  const [chooser] = await Promise.all([page.waitForFileChooser({ timeout: 10000 }), page.keyboard.press('Space')]);
  await chooser.accept([join(dir, 'pothole.jpg')]);
  await page.waitForSelector('aria/Remove photo 1[role="button"]', { timeout: 20000 });
  // The step's status region says the upload as it starts and once the photo is in the list (issue #16: it used
  // to be silent), each once, and nothing else about it (no progress percentages).
  const uploading = await sr.waitForSpeech(/^Uploading photo 1…$/, { from });
  const added = await sr.waitForSpeech(/^Photo 1 added\.$/, { from: uploading.at });
  assert.equal(uploading.role, 'status');
  assert.equal(added.role, 'status');
  const live = (await sr.since(from)).filter((e) => e.kind === 'live').map((e) => e.text);
  assert.deepEqual(live, ['Uploading photo 1…', 'Photo 1 added.'], await sr.transcript(from));
  // The photo is there for the keyboard, back up the form.
  assert.equal(await tabTo('Remove photo 1, button', { key: 'Shift+Tab' }), 'Remove photo 1, button');
});

test("Send: focus moves to the confirmation's heading and the reference number is said, once", async () => {
  await tabTo(/^Description, textbox/, { key: 'Shift+Tab' });
  await sr.type('Deep, by the school gate');
  await tabTo('Continue, button');
  let from = await sr.mark();
  await sr.press('Enter');
  await sr.waitForSpeech(/^Step 4 of 4: Check and send, heading, level 2$/, { from });
  await tabTo('Submit, button');
  from = await sr.mark();
  await sr.press('Enter');
  await sr.waitForSpeech(/^Thank you, your report was sent, heading, level 2$/, { from });
  const sent = await sr.waitForSpeech(/Your reference number is 1001\b/, { from });
  assert.equal(sent.role, 'status');
  assert.equal(await sr.count('1001', { from }), 1, await sr.transcript(from));
  // While it was sending, the reader heard that it was, and the button said it could not be pressed again.
  assert.equal((await said('Sending your report…', from))[0]?.role, 'status');
});

test('the tracker: the request opened from the confirmation, and a status change on refresh is said', async () => {
  await tabTo('Check the status of this report, button');
  let from = await sr.mark();
  const cardFrom = from;
  await sr.press('Enter');
  // Focus moves to the request's heading (issue #16: it was left on the page's body); the card is read from
  // there, not poured out whole by a live region (issue #13).
  const heading = await sr.waitForSpeech(/\bRequest 1001, heading, level 2$/, { from });
  assert.equal(heading.kind, 'focus');
  assert.equal(await sr.focused(), 'Request 1001, heading, level 2');
  const block = (await said(/Status|1001/, from)).filter((e) => e.kind === 'live');
  assert.deepEqual(block, [], await sr.transcript(from));
  // The city closes the request: the demo's server derives the status from the time since it was filed.
  await page.evaluate(() => {
    const key = 'citizen-portal-demo:requests';
    const requests = JSON.parse(localStorage.getItem(key));
    for (const r of requests) r.submitted_at = new Date(Date.now() - 11 * 60_000).toISOString();
    localStorage.setItem(key, JSON.stringify(requests));
  });
  from = await sr.mark();
  // The resident comes back to the tab: the shown request is refreshed (as it is every minute while in view).
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const change = await sr.waitForSpeech(/^The status of request 1001 changed: Closed\.$/, { from });
  assert.equal(change.role, 'status');
  // Only the change is said: not the new card as a block.
  await sr.waitForSpeech(/^The status of request 1001 changed/, { from });
  assert.deepEqual(
    (await sr.since(from)).filter((e) => e.kind === 'live').map((e) => e.text),
    [change.text],
  );
  // The card's small map is not news: its help and attribution are not read out with the card.
  const mapNews = (await said(/basemap|Click or tap the map/, cardFrom)).filter((e) => e.kind === 'live');
  assert.deepEqual(mapNews, [], await sr.transcript(cardFrom));
  assert.deepEqual(problems, []);
});
