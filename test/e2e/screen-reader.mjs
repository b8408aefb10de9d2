// A small, honest "virtual screen reader" for the end-to-end tests (issue #16), built on what a real one reads:
// Chromium's own accessibility tree, through the DevTools protocol (it sees through shadow roots, which
// @guidepup/virtual-screen-reader 0.33 does not). Two kinds of speech go into one log, in the order they happen:
//
// - focus: after each key the test presses, the focused node is spoken as a screen reader in focus mode would:
//   the names of groups it newly entered ("About how big is the pothole?, group"), then its name, role, states,
//   value and description. A nameless focusable container (the error summary) is spoken by its text.
// - live: text added to a live region (role=status, alert, log, or aria-live), seen by a MutationObserver that the
//   page installs on the document and on every shadow root as it is attached. A role=alert inserted whole is
//   announced, as Chromium fires an alert event for it; a status region inserted with text already in it is NOT
//   (screen readers only hear changes to a region they already know), so that mistake shows as silence.
//
// Nothing is de-duplicated: the same words spoken twice (a focused alert, two regions saying one thing) are in
// the log twice, for the tests to catch.

/** Installed before any page script: observes every live region, through open and closed shadow roots. */
function installLiveRegionObserver() {
  const LIVE_ROLES = new Set(['status', 'alert', 'log']);
  const log = (window.__cpSpoken = []);
  /** The nearest live region around a node, crossing shadow roots up to their hosts. */
  const regionOf = (node) => {
    for (let n = node; n; n = n.parentNode ?? n.host) {
      if (n.nodeType !== 1) continue;
      const live = n.getAttribute('aria-live');
      if (live === 'off') return undefined;
      if (LIVE_ROLES.has(n.getAttribute('role')) || live === 'polite' || live === 'assertive') return n;
    }
    return undefined;
  };
  const hidden = (el) => {
    for (let n = el; n; n = n.parentNode ?? n.host) {
      if (n.nodeType !== 1) continue;
      if (n.hidden || n.getAttribute('aria-hidden') === 'true') return true;
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden') return true;
    }
    return false;
  };
  /**
   * The text a node adds, without what is hidden from everyone, and without what is inside aria-live=off: such an
   * element is a live region root of its own, switched off (Chromium gives its nodes container-live "off").
   */
  const textOf = (node) => {
    if (node.nodeType === 3) return node.parentElement && hidden(node.parentElement) ? '' : node.data;
    if (node.nodeType !== 1 || hidden(node) || node.getAttribute('aria-live') === 'off') return '';
    if (node.shadowRoot) return [...node.shadowRoot.childNodes].map(textOf).join(' ');
    return [...node.childNodes].map(textOf).join(' ');
  };
  const clean = (s) => s.replace(/\s+/g, ' ').trim();
  const say = (region, text) => {
    text = clean(text);
    if (!text) return;
    const role = region.getAttribute('role') ?? `aria-live=${region.getAttribute('aria-live')}`;
    log.push({ kind: 'live', role, text, at: performance.now() });
  };
  const observer = new MutationObserver((records) => {
    // Per region, what was added in this batch (a screen reader speaks one batch as one utterance).
    const batch = new Map();
    const add = (region, text) => batch.set(region, [...(batch.get(region) ?? []), text]);
    for (const r of records) {
      if (r.type === 'characterData') {
        const region = regionOf(r.target.parentNode);
        if (region) add(region, textOf(r.target));
        continue;
      }
      for (const node of r.addedNodes) {
        // An element inserted with aria-live=off is not live, even inside a live region.
        const off = node.nodeType === 1 && node.getAttribute('aria-live') === 'off';
        const region = off ? undefined : regionOf(r.target);
        if (region) {
          add(region, textOf(node));
          continue;
        }
        // A whole alert inserted: announced. A status inserted with text: not (see the header).
        if (node.nodeType !== 1) continue;
        const alerts = node.matches('[role="alert"]') ? [node] : [...node.querySelectorAll('[role="alert"]')];
        for (const alert of alerts) add(alert, textOf(alert));
      }
    }
    for (const [region, texts] of batch) say(region, texts.join(' '));
  });
  const watch = (root) => observer.observe(root, { childList: true, subtree: true, characterData: true });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };
  watch(document);
}

/** Property values of an AX node by name. */
const props = (node) => Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value?.value]));

/** Roles whose node is only structure, not something to speak as a group. */
const GROUP_ROLES = new Set(['group', 'radiogroup', 'dialog', 'alertdialog', 'tabpanel', 'listbox', 'form', 'region']);

/** The spoken form of one AX node: "name, role, states, value, description". */
export function phrase(node, { descendantsText } = {}) {
  const role = node.role?.value ?? 'unknown';
  const name = node.name?.value?.trim() ?? '';
  const p = props(node);
  const parts = [];
  const spokenRole = { textField: 'textbox', RootWebArea: 'document', StaticText: 'text' }[role] ?? role;
  if (name) parts.push(name);
  else if (descendantsText) parts.push(descendantsText);
  if (!['generic', 'none', 'StaticText'].includes(role)) parts.push(spokenRole);
  if (role === 'heading' && p.level) parts.push(`level ${p.level}`);
  if (p.expanded !== undefined) parts.push(p.expanded ? 'expanded' : 'collapsed');
  if (p.checked !== undefined)
    parts.push(p.checked === 'true' ? 'checked' : p.checked === 'mixed' ? 'mixed' : 'not checked');
  if (p.selected === true && role !== 'tab') parts.push('selected');
  if (role === 'tab') parts.push(p.selected ? 'selected' : 'not selected');
  if (p.disabled) parts.push('unavailable');
  if (p.invalid && p.invalid !== 'false') parts.push('invalid entry');
  if (p.required) parts.push('required');
  if (p.readonly) parts.push('read only');
  if (p.autocomplete && p.autocomplete !== 'none') parts.push(`autocomplete ${p.autocomplete}`);
  const value = node.value?.value;
  if (value !== undefined && value !== '' && String(value) !== name) parts.push(String(value));
  const description = node.description?.value?.trim();
  if (description) parts.push(description);
  return parts.join(', ');
}

/**
 * Attaches the virtual screen reader to a puppeteer page (call before page.goto). Returns:
 * - `press(key)`: presses a key, waits for the page to settle, speaks the focus if it moved (or changed);
 * - `type(text)`: types text, key by key (speaking nothing but live regions, as an echo-less reader would);
 * - `focused()`: the focused node's phrase now; `spoken()`: the whole log; `since(mark)`: the log after a mark;
 * - `waitForSpeech(pattern, { from })`: waits until an entry after `from` matches;
 * - `count(pattern, { from })`: how many entries match.
 */
export async function attachScreenReader(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('Accessibility.enable');
  await page.evaluateOnNewDocument(installLiveRegionObserver);
  /** Focus speech, kept on this side (the page's log holds the live regions). */
  const focusLog = [];
  let lastFocusKey;
  let lastGroups = [];

  /** The deepest focused element, through shadow roots, as a remote object for the AX domain. */
  async function focusedObject() {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })()`,
    });
    return result.objectId;
  }

  /** The focused node, its ancestors and their AX nodes; undefined when nothing is focused. */
  async function focusedAX() {
    const objectId = await focusedObject();
    if (!objectId) return undefined;
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId, fetchRelatives: true });
    // The first node is the one asked for; its ancestors follow by parentId.
    const target = nodes[0];
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const ancestors = [];
    for (let n = byId.get(target.parentId); n; n = byId.get(n.parentId)) ancestors.push(n);
    await cdp.send('Runtime.releaseObject', { objectId });
    return { target, ancestors };
  }

  /** The text a nameless focused container holds, read from the AX tree (what a reader would read out). */
  async function textInside(node) {
    if (node.name?.value) return undefined;
    // The whole subtree (through shadow roots), its text nodes in order, ignored ones left out.
    const { nodes: texts } = await cdp.send('Accessibility.queryAXTree', {
      backendNodeId: node.backendDOMNodeId,
      role: 'StaticText',
    });
    return texts
      .filter((t) => !t.ignored)
      .map((t) => t.name?.value ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  /** Speaks the focus if it moved to another node (or the same node changed what it says). */
  async function speakFocus() {
    const ax = await focusedAX();
    if (!ax) return undefined;
    const { target, ancestors } = ax;
    const groups = ancestors
      .filter((a) => GROUP_ROLES.has(a.role?.value) && a.name?.value && !a.ignored)
      .reverse()
      .map((a) => `${a.name.value.trim()}, ${a.role.value === 'radiogroup' ? 'radio group' : a.role.value}`);
    const text = phrase(target, { descendantsText: await textInside(target) });
    // The active option of a combobox is what a reader speaks while the focus stays in the input.
    let active = '';
    const activeId = (target.properties ?? []).find((p) => p.name === 'activedescendant')?.value?.relatedNodes?.[0];
    if (activeId) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
        backendNodeId: activeId.backendDOMNodeId,
        fetchRelatives: false,
      });
      if (nodes[0]) active = phrase(nodes[0]);
    }
    const key = `${target.backendDOMNodeId}|${text}|${active}`;
    if (key === lastFocusKey) return undefined;
    const sameNode = lastFocusKey?.startsWith(`${target.backendDOMNodeId}|`);
    lastFocusKey = key;
    // Groups entered since the last focus are spoken first, as readers do on entering a fieldset.
    const entered = groups.filter((g) => !lastGroups.includes(g));
    lastGroups = groups;
    // Within one node only what changed is spoken (the active option as the arrows move).
    const utterance = sameNode && active ? active : [...entered, text, active].filter(Boolean).join('. ');
    const at = await page.evaluate(() => performance.now());
    focusLog.push({ kind: 'focus', text: utterance, at });
    return utterance;
  }

  /** Lets rendering, microtasks and one frame pass (not a timer on the test's outcome: it waits for a frame). */
  const settle = () =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

  async function spoken() {
    const live = await page.evaluate(() => window.__cpSpoken ?? []);
    return [...live, ...focusLog].sort((a, b) => a.at - b.at);
  }

  /** A pattern is a string (contained), a RegExp, or a function of the text. */
  const matches = (entry, pattern) =>
    typeof pattern === 'string'
      ? entry.text.includes(pattern)
      : typeof pattern === 'function'
        ? pattern(entry.text)
        : pattern.test(entry.text);

  return {
    cdp,
    /** Presses a key ("Tab", "Enter", or a chord such as "Shift+Tab"), then speaks the focus if it moved. */
    async press(key) {
      const keys = key.split('+');
      for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
      await page.keyboard.press(keys.at(-1));
      for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
      await settle();
      return speakFocus();
    },
    async type(text) {
      for (const ch of text) await page.keyboard.type(ch);
      await settle();
      return speakFocus();
    },
    speakFocus,
    async focused() {
      const ax = await focusedAX();
      return ax && phrase(ax.target, { descendantsText: await textInside(ax.target) });
    },
    spoken,
    /** A mark in the log: entries after it are `since(mark)`. */
    mark: () => page.evaluate(() => performance.now()),
    async since(mark) {
      return (await spoken()).filter((e) => e.at > mark);
    },
    async count(pattern, { from = 0 } = {}) {
      return (await spoken()).filter((e) => e.at > from && matches(e, pattern)).length;
    },
    /** Waits (up to a generous deadline) until something spoken after `from` matches; returns that entry. */
    async waitForSpeech(pattern, { from = 0, timeout = 20000 } = {}) {
      const start = Date.now();
      for (;;) {
        await speakFocus();
        const all = await spoken();
        const hit = all.find((e) => e.at > from && matches(e, pattern));
        if (hit) return hit;
        if (Date.now() - start > timeout) {
          throw new Error(
            `The screen reader never said ${pattern}. It said:\n${all
              .filter((e) => e.at > from)
              .map((e) => `  [${e.kind === 'live' ? e.role : 'focus'}] ${e.text}`)
              .join('\n')}`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** The log as lines, for messages: "[status] 3 categories found". */
    async transcript(from = 0) {
      return (await spoken())
        .filter((e) => e.at > from)
        .map((e) => `[${e.kind === 'live' ? e.role : 'focus'}] ${e.text}`)
        .join('\n');
    },
  };
}
