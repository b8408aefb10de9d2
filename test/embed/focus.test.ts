/**
 * Focus (issue #16): always visible and never lost, checked by measuring, not by eye.
 *
 * Visible: at every stop of the Tab key through each state of the report and the tracker, in light and dark, the
 * focused control (or the label that stands for a visually hidden file input) has an outline or a box-shadow ring
 * at least 2 px wide whose colour has at least 3:1 contrast against the surface around it (WCAG 2.2 SC 1.4.11;
 * the ring is drawn 2 px outside the control, so both its neighbours are that surface).
 *
 * Never lost: after Continue the step heading has focus, after a failed Continue the error summary, after Send the
 * confirmation's heading, and when the category list closes (Escape, or a choice) focus is back in its combobox;
 * "Check the status of this report" and "Follow this report instead" put it on the request's heading in the tracker.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { accessibleName, deepActiveElement, getByRole, regionText, type, waitFor } from '../helpers/dom';
import { categoryInput, next, pickCategory } from '../helpers/report';

// --- Colour ------------------------------------------------------------------------------------------------------

/** [r, g, b, a] of a computed colour ("rgb(…)", "rgba(…)", or "color(srgb …)"). */
function rgba(colour: string): [number, number, number, number] {
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(colour);
  if (srgb) return [+srgb[1]! * 255, +srgb[2]! * 255, +srgb[3]! * 255, srgb[4] === undefined ? 1 : +srgb[4]];
  const rgb = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)/.exec(colour);
  if (!rgb) throw new Error(`a colour this test cannot read: ${colour}`);
  return [+rgb[1]!, +rgb[2]!, +rgb[3]!, rgb[4] === undefined ? 1 : +rgb[4]];
}

const luminance = ([r, g, b]: number[]) => {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
};

export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(rgba(a)), luminance(rgba(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The parent of an element, crossing from a shadow root to its host. */
const up = (el: Element): Element | null =>
  el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;

/** The opaque colour behind an element: the nearest ancestor's background that is not transparent. */
function surfaceBehind(el: Element): string {
  for (let n = up(el); n; n = up(n)) {
    const bg = getComputedStyle(n).backgroundColor;
    if (rgba(bg)[3] > 0.5) return bg;
  }
  return 'rgb(255, 255, 255)'; // the test page's own canvas
}

/** The element that draws the focus indicator: a visually hidden file input's is its label (a "button"). */
const drawer = (focused: Element) =>
  focused.matches('.visually-hidden') ? (focused.closest('label') ?? focused) : focused;

interface Ring {
  width: number;
  colour: string;
}

/** The focus indicator of an element: its outline, else a box-shadow ring with no blur. */
function ringOf(el: Element): Ring | undefined {
  const s = getComputedStyle(el);
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
    return { width: parseFloat(s.outlineWidth), colour: s.outlineColor };
  const shadow = /(rgba?\([^)]*\)|color\([^)]*\)) 0px 0px 0px ([\d.]+)px/.exec(s.boxShadow);
  return shadow ? { width: parseFloat(shadow[2]!), colour: shadow[1]! } : undefined;
}

/** What a focus stop is, for messages: "button Continue", "input[type=radio] Smaller than a dinner plate". */
const describe_ = (el: Element) =>
  `${el.localName}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}${
    el instanceof HTMLInputElement ? `[type=${el.type}]` : ''
  }${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${accessibleName(el).slice(0, 50)}"`;

/** Checks the indicator of what has focus now; returns the kind of control, for the list of kinds seen. */
function checkIndicator(state: string): string {
  const focused = deepActiveElement()!;
  const el = drawer(focused);
  const ring = ringOf(el);
  const what = `${state}: ${describe_(focused)}`;
  expect(ring, `${what} shows a focus indicator`).to.exist;
  expect(ring!.width, `${what}: indicator width`).to.be.at.least(2);
  const surface = surfaceBehind(el);
  expect(contrast(ring!.colour, surface), `${what}: ${ring!.colour} against the surface ${surface}`).to.be.at.least(3);
  // A ring drawn on the control itself (no gap) also borders the control's own background.
  const s = getComputedStyle(el);
  const own = s.backgroundColor;
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineOffset) < 1 && rgba(own)[3] > 0.5)
    expect(contrast(ring!.colour, own), `${what}: ${ring!.colour} against its own ${own}`).to.be.at.least(3);
  return `${focused.localName}${el !== focused ? '(label)' : ''}${focused.getAttribute('role') ? `[${focused.getAttribute('role')}]` : ''}${focused instanceof HTMLInputElement ? `[${focused.type}]` : ''}${focused.classList.contains('secondary') ? '.secondary' : ''}${focused.classList.contains('link') ? '.link' : ''}`;
}

/** Tabs through the whole element from before it to after it, checking every stop; returns the kinds seen. */
async function sweep(el: Element, state: string): Promise<Set<string>> {
  (deepActiveElement() as HTMLElement | null)?.blur();
  const kinds = new Set<string>();
  let inside = false;
  for (let i = 0; i < 80; i++) {
    await sendKeys({ press: 'Tab' });
    const now = document.activeElement;
    if (now !== el) {
      if (inside) return kinds; // left the element: done
      continue;
    }
    inside = true;
    kinds.add(checkIndicator(state));
  }
  throw new Error(`${state}: Tab never left the element (a focus trap?)`);
}

/** The deep focus's text or name, for "where did focus land". */
const focusedIs = (selector: string) => deepActiveElement()?.matches(selector) ?? false;

// --- The tests ----------------------------------------------------------------------------------------------------

describe('focus: always visible, never lost', () => {
  beforeEach(() => sessionStorage.clear());

  for (const theme of ['light', 'dark'] as const) {
    it(`every focus stop of the report and the tracker shows a ring of 2 px or more at 3:1 or more (${theme})`, async () => {
      await useMockBackend();
      const el = await fixture<CitizenPortal>(
        html`<citizen-portal
          endpoint=${MOCK_BASE}
          theme=${theme}
          languages="en es"
          media-upload="/media-upload"
        ></citizen-portal>`,
      );
      await categoryInput(el);
      const kinds = new Set<string>();
      const add = (more: Set<string>) => more.forEach((k) => kinds.add(k));
      add(await sweep(el, 'first screen'));

      getByRole(el, 'button', 'Continue').click();
      await waitFor(() => regionText(el, 'alert'), 'the error summary');
      add(await sweep(el, 'step 1, errors'));

      await pickCategory(el, 'Pothole');
      getByRole(el, 'button', 'Continue').click();
      await waitFor(() => focusedIs('#step-title') && /Location/.test(deepActiveElement()!.textContent!), 'step 2');
      getByRole(el, 'button', 'Continue').click();
      await waitFor(() => regionText(el, 'alert'), 'the location errors');
      add(await sweep(el, 'location step, errors'));

      type(getByRole(el, 'textbox', 'Address or place'), '1 Elm St');
      getByRole(el, 'button', 'Continue').click();
      await waitFor(() => getByRole(el, 'group', /About how big is the pothole/), 'the questions');
      add(await sweep(el, 'details step'));

      getByRole<HTMLInputElement>(el, 'radio', 'Smaller than a dinner plate').click();
      type(getByRole(el, 'textbox', 'Description'), 'Deep hole by the school');
      getByRole(el, 'button', 'Continue').click();
      await waitFor(
        () => focusedIs('#step-title') && /Check and send/.test(deepActiveElement()!.textContent!),
        'step 4',
      );
      add(await sweep(el, 'review step'));

      getByRole(el, 'button', 'Submit').click();
      await waitFor(() => /reference number is/.test(regionText(el, 'status')), 'the confirmation');
      add(await sweep(el, 'confirmation'));

      getByRole(el, 'button', 'Check the status of this report').click();
      await waitFor(() => /Request 1001/.test(regionText(el, 'status')), 'the status card');
      add(await sweep(el, 'tracker with a card and My requests'));

      // Every kind of control a resident meets was among the stops checked.
      for (const kind of [
        'button[tab]',
        'select',
        'input[combobox][text]',
        'button',
        'button.secondary',
        'a',
        'input[text]',
        'input[radio]',
        'input[checkbox]',
        'textarea',
        'input(label)[file]',
        'button.link',
      ])
        expect([...kinds], `a ${kind} among the focus stops`).to.include(kind);
    });
  }

  it('lands on the step heading after Continue and Back, the error summary after a failed Continue, the confirmation after Send', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${MOCK_BASE} theme="light"></citizen-portal>`,
    );
    (await categoryInput(el)).focus();
    // To Continue, by keyboard: past the other way in (issue #13 §7; no photo store here, so no photo entry).
    await sendKeys({ press: 'Tab' });
    expect(accessibleName(deepActiveElement()!)).to.equal('Start with the location');
    await sendKeys({ press: 'Tab' });
    expect(accessibleName(deepActiveElement()!)).to.equal('Continue');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focusedIs('.error-summary'), 'focus on the error summary');
    // Focused after a key press, the summary shows its ring too (it is :focus-visible).
    checkIndicator('the error summary');

    await pickCategory(el, 'Pothole');
    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => focusedIs('#step-title'), 'focus on the step heading');
    expect(deepActiveElement()!.textContent).to.match(/Step 2 of 4:\s*Location/);

    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => focusedIs('.error-summary'), 'focus on the location step error summary');

    getByRole(el, 'button', 'Back').click();
    await waitFor(() => focusedIs('#step-title') && /Step 1 of 4/.test(deepActiveElement()!.textContent!), 'back');

    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => focusedIs('#step-title') && /Step 2/.test(deepActiveElement()!.textContent!), 'step 2');
    type(getByRole(el, 'textbox', 'Address or place'), '1 Elm St');
    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => focusedIs('#step-title') && /Step 3/.test(deepActiveElement()!.textContent!), 'step 3');
    getByRole<HTMLInputElement>(el, 'radio', 'Smaller than a dinner plate').click();
    type(getByRole(el, 'textbox', 'Description'), 'Deep hole by the school');
    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => focusedIs('#step-title') && /Step 4/.test(deepActiveElement()!.textContent!), 'step 4');

    getByRole(el, 'button', 'Submit').click();
    await waitFor(() => focusedIs('#confirmation-title'), 'focus on the confirmation');
    expect(deepActiveElement()!.textContent).to.contain('Thank you, your report was sent');

    // The confirmation's way to the tracker hides the report's panel: focus goes to the request's heading, not to
    // the page (issue #16), and is visible there for whoever pressed the button by keyboard.
    getByRole(el, 'button', 'Check the status of this report').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focusedIs('#request-title'), 'focus on the request in the tracker');
    expect(deepActiveElement()!.textContent).to.equal('Request 1001');
  });

  it('"Follow this report instead" opens the tracker with focus on that request\'s heading', async () => {
    await useMockBackend();
    localStorage.clear();
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${MOCK_BASE} theme="light"></citizen-portal>`,
    );
    await pickCategory(el, 'Pothole');
    await next(el);
    type(getByRole(el, 'textbox', 'Latitude'), '41.5042'); // request 101 is at 41.5041, -90.4968
    type(getByRole(el, 'textbox', 'Longitude'), '-90.4969');
    const follow = await waitFor(
      () => getByRole(el, 'button', 'Follow this report instead (101)'),
      'the nearby report to follow',
    );
    follow.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focusedIs('#request-title'), 'focus on the request in the tracker');
    expect(deepActiveElement()!.textContent).to.equal('Request 101');
  });

  it('an error summary link puts focus on its field; closing the category list leaves focus in its combobox', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${MOCK_BASE} theme="light"></citizen-portal>`,
    );
    const input = await categoryInput(el);
    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => focusedIs('.error-summary'), 'the error summary');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()!.localName, 'the summary link').to.equal('a');
    checkIndicator('the error summary link');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement() === input, 'focus on the category field');

    // The list opens from the combobox (ArrowDown) and closes with Escape: focus never left the combobox.
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => input.getAttribute('aria-expanded') === 'true', 'the list open');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => input.getAttribute('aria-expanded') === 'false', 'the list closed');
    expect(deepActiveElement()).to.equal(input);
    checkIndicator('the combobox after its list closed');

    // Opened by the arrow button beside it (a mouse user's way), a choice by click: back in the combobox.
    const toggle = getByRole(el, 'button', 'Show all categories');
    toggle.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    toggle.click();
    await waitFor(() => input.getAttribute('aria-expanded') === 'true', 'the list open from its button');
    getByRole(el, 'option', /^Pothole/).click();
    await waitFor(() => input.value === 'Pothole', 'the choice');
    expect(deepActiveElement()).to.equal(input);
  });
});
