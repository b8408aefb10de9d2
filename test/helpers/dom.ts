/**
 * Finds controls the way a screen-reader user meets them: by role and accessible name, through every open shadow
 * root. The name computation covers what our markup uses (aria-label, aria-labelledby, <label for>, wrapping
 * <label>, <legend> for fieldsets, text content for buttons and links); test/e2e/ finds the same controls
 * through Chromium's own accessibility tree (puppeteer's aria/ queries), which keeps this approximation honest.
 */
const implicitRole = (el: Element): string | undefined => {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit;
  switch (el.localName) {
    case 'button':
      return 'button';
    case 'a':
      return el.hasAttribute('href') ? 'link' : undefined;
    case 'select':
      return (el as HTMLSelectElement).multiple ? 'listbox' : 'combobox';
    case 'textarea':
      return 'textbox';
    case 'fieldset':
      return 'group';
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
      return 'heading';
    case 'input': {
      const type = (el as HTMLInputElement).type;
      if (type === 'radio' || type === 'checkbox') return type;
      if (type === 'number') return 'spinbutton';
      if (type === 'submit' || type === 'button' || type === 'file') return 'button';
      return 'textbox';
    }
  }
  return undefined;
};

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

export function accessibleName(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy)
    return labelledBy
      .split(/\s+/)
      .map((id) => text(root.getElementById(id)))
      .join(' ');
  if (el.localName === 'fieldset') return text(el.querySelector(':scope > legend'));
  if (el.id) {
    const forLabel = root.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    if (forLabel) return text(forLabel);
  }
  const wrapping = el.closest('label');
  if (wrapping) return text(wrapping);
  if (['button', 'link', 'tab', 'heading', 'option'].includes(implicitRole(el) ?? '')) return text(el);
  return '';
}

/** Every element below `root`, shadow roots included, in document order. */
export function* deepElements(root: ParentNode): Generator<Element> {
  if (root instanceof Element && root.shadowRoot) yield* deepElements(root.shadowRoot);
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

const isHidden = (el: Element) =>
  !!el.closest('[hidden]') || ((el as HTMLElement).offsetParent === null && getComputedStyle(el).position !== 'fixed');

export function queryAllByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of deepElements(root)) {
    if (implicitRole(el) !== role) continue;
    if (name !== undefined) {
      const n = accessibleName(el);
      if (typeof name === 'string' ? n !== name : !name.test(n)) continue;
    }
    out.push(el as HTMLElement);
  }
  return out;
}

export function getByRole<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
  { includeHidden = false } = {},
): T {
  const found = queryAllByRole(root, role, name).filter((el) => includeHidden || !isHidden(el));
  if (found.length !== 1) {
    const names = queryAllByRole(root, role).map((el) => `"${accessibleName(el)}"`);
    throw new Error(
      `Expected one visible ${role} named ${String(name)}, found ${found.length}. ${role}s: ${names.join(', ')}`,
    );
  }
  return found[0] as T;
}

/** The visible text of every live region of a role (status / alert), through shadow roots. */
export const regionText = (root: ParentNode, role: 'status' | 'alert') =>
  queryAllByRole(root, role)
    .map((el) => text(el))
    .filter(Boolean)
    .join(' | ');

/** Types into a text control as a user would, firing input and change. */
export function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.focus();
  el.value = value;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Resolves when `check` returns a truthy value; fails with `what` after `timeout` ms. */
type Truthy<T> = Exclude<T, false | null | undefined | '' | 0>;

export async function waitFor<T>(check: () => T, what: string, timeout = 5000): Promise<Truthy<T>> {
  const start = performance.now();
  for (;;) {
    try {
      const v = check();
      if (v) return v as Truthy<T>;
    } catch {
      // not yet
    }
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The focused element, through every shadow root (a field in a step's element is inside two). */
export function deepActiveElement(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The first element matching `selector` below `root`, shadow roots included. */
export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  for (const el of deepElements(root)) if (el.matches(selector)) return el as T;
  return null;
}

/** The text below `root`, the text of nested shadow roots included (a step's element inside the form). */
export function deepText(root: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes) walk(child);
  };
  walk(root);
  return out;
}
