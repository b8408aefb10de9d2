// Driving the widget from inside the page, for the benches that time or weigh what follows the first screen.
// Not puppeteer's aria/ selectors: they turn on Chromium's accessibility tree (work on every DOM change, inside the
// timed part) and DevTools keeps every node it handed out alive (20 mount cycles then "leak" thousands of nodes
// that the page itself let go). Events are synthetic (value set, then input/change; keydown for the combobox).

/** Installs window.__drive in the page. Pass to page.evaluate. */
export function installDriver() {
  if (window.__drive) return;
  const all = (root, selector, out = []) => {
    out.push(...root.querySelectorAll(selector));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, selector, out);
    return out;
  };
  const labelOf = (el) =>
    (el.getAttribute('aria-label') || [...(el.labels || [])].map((l) => l.textContent).join(' ')).trim();
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const settle = async (el) => {
    await el.getRootNode().host?.updateComplete;
    await frame();
  };
  const drive = {
    all,
    frame,
    /** Right after the next frame has been painted: its time. */
    painted: () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        }),
      ),
    async until(find, what, timeout = 30_000) {
      const start = performance.now();
      for (;;) {
        const found = find();
        if (found) return found;
        if (performance.now() - start > timeout) throw new Error(`not found in ${timeout} ms: ${what}`);
        await frame();
      }
    },
    field: (label) => all(document, 'input, textarea, select').find((el) => labelOf(el) === label),
    button: (text) => all(document, 'button').find((el) => el.textContent.trim() === text),
    heading: () => all(document, '#step-title')[0]?.textContent.trim() ?? '',
    text: () => all(document, 'h1, h2, h3, [role="status"], [role="alert"]').map((el) => el.textContent.trim()),
    key(el, key) {
      el.dispatchEvent(
        new KeyboardEvent('keydown', { key, code: key, bubbles: true, composed: true, cancelable: true }),
      );
    },
    async fill(label, value) {
      const el = await drive.until(() => drive.field(label), `field ${label}`);
      el.focus();
      el.value = value;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value }));
      el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await settle(el);
      return el;
    },
    /** Types into the Category combobox, takes the first match with ArrowDown and Enter. */
    async pick(typed, expected) {
      const input = await drive.fill('Category', typed);
      // The field is there before the categories are (aria-busy on its field): wait for them, as a resident would.
      await drive.until(() => !input.closest('[aria-busy="true"]'), 'the categories');
      // Typed words wait for the search chunk and the resident's lexicon (issue #13), as a resident sees the list
      // come: the matches first, then the keys.
      await drive.until(() => all(document, '[role="option"]').length, 'the matches');
      drive.key(input, 'ArrowDown');
      await settle(input);
      drive.key(input, 'Enter');
      await settle(input);
      if (input.value !== expected) throw new Error(`picked "${input.value}", not "${expected}"`);
    },
    /** Presses a button and waits until the step heading contains `heading`. */
    async press(text, heading) {
      (await drive.until(() => drive.button(text), `button ${text}`)).click();
      if (heading) await drive.until(() => drive.heading().includes(heading), `heading ${heading}`);
    },
    mapDrawn: () => !!all(document, '.crosshair:not([hidden])').length,
    /** From a usable first screen to the confirmation (the existing bench's report, with the map if configured). */
    async report({ map } = {}) {
      await drive.pick('graffiti on public', 'Graffiti on Public Property'); // a category without questions
      await drive.press('Continue', 'Location');
      if (map) await drive.until(drive.mapDrawn, 'the map');
      await drive.fill('Address or place', '1 Main St');
      await drive.press('Continue', 'Details');
      await drive.fill('Description', 'bench');
      await drive.press('Continue', 'Check and send');
      await drive.press('Submit');
      await drive.until(() => drive.text().some((t) => t.includes('your report was sent')), 'the confirmation');
    },
  };
  window.__drive = drive;
}
