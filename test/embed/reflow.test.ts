/**
 * Reflow and text spacing (issue #16, WCAG 1.4.10 and 1.4.12): in a widget 320 CSS px wide (a phone, or a 1280 px
 * window at 400 % zoom), with and without the text-spacing overrides of WCAG 1.4.12 applied to every shadow root,
 * nothing in any state of the report or the tracker sticks out sideways or is cut off: every visible element ends
 * inside the widget, and no control's text overflows its box.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { deepElements, getByRole, queryAllByRole, type, waitFor } from '../helpers/dom';
import { next, pickCategory, submitAndWait } from '../helpers/report';

/** WCAG 1.4.12's overrides, as a user style sheet would apply them. */
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

function applySpacing(el: Element): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(SPACING);
  for (const node of [el, ...deepElements(el)])
    if (node.shadowRoot && !node.shadowRoot.adoptedStyleSheets.includes(sheet))
      node.shadowRoot.adoptedStyleSheets = [...node.shadowRoot.adoptedStyleSheets, sheet];
}

/** What sticks out of the widget, or is cut off inside a control; empty when all is well. */
function problems(el: Element, spacing: boolean): string[] {
  if (spacing) applySpacing(el);
  const box = el.getBoundingClientRect();
  const out: string[] = [];
  for (const node of deepElements(el)) {
    if (!(node instanceof HTMLElement) || node.closest('[hidden]') || !node.getClientRects().length) continue;
    if (node.matches('.visually-hidden, .visually-hidden *, canvas, .maplibregl-canvas-container *')) continue;
    const r = node.getBoundingClientRect();
    const what = `${node.localName}${node.id ? `#${node.id}` : ''}.${node.className} "${node.textContent?.trim().slice(0, 30)}"`;
    if (r.width && (r.right > box.right + 1 || r.left < box.left - 1))
      out.push(`sticks out: ${what} (${Math.round(r.left)}–${Math.round(r.right)} in ${box.left}–${box.right})`);
    if (node.matches('button, [role=tab], [role=option], label') && node.scrollWidth > node.clientWidth + 1)
      out.push(`cut off: ${what} (${node.scrollWidth} > ${node.clientWidth})`);
  }
  return out;
}

describe('reflow at 320 CSS px, with and without WCAG text spacing', () => {
  for (const spacing of [false, true]) {
    it(`every state of the report and the tracker fits${spacing ? ', with text spacing' : ''}`, async () => {
      sessionStorage.clear();
      await useMockBackend();
      const frame = await fixture<HTMLElement>(
        html`<div style="width: 320px"><citizen-portal endpoint=${MOCK_BASE}></citizen-portal></div>`,
      );
      const el = frame.querySelector<CitizenPortal>('citizen-portal')!;
      const check = (state: string) => expect(problems(el, spacing), state).to.deep.equal([]);

      const input = await waitFor(() => queryAllByRole(el, 'combobox', 'Category')[0], 'the first screen');
      // The check can fail: something 400 px wide inside the widget is found.
      const wide = Object.assign(document.createElement('div'), { textContent: 'wide' });
      wide.style.width = '400px';
      el.shadowRoot!.append(wide);
      expect(problems(el, spacing).join()).to.contain('sticks out: div');
      wide.remove();
      check('first screen');
      input.click();
      await waitFor(() => queryAllByRole(el, 'option').length, 'the list');
      check('the list of categories open');
      await pickCategory(el, 'Pothole');
      await next(el);
      check('location');
      type(getByRole(el, 'textbox', 'Address or place'), '1200 Riverside Boulevard North, Apartment 14B');
      await next(el);
      await waitFor(() => queryAllByRole(el, 'radio').length, 'the questions');
      check('details with questions');
      getByRole(el, 'button', 'Continue').click();
      await waitFor(() => queryAllByRole(el, 'link').length, 'the error summary');
      check('details with errors');
      queryAllByRole(el, 'radio')[0]!.click();
      type(getByRole(el, 'textbox', 'Description'), 'A deep hole by the kerb, about the size of a car tyre');
      await next(el);
      check('review');
      await submitAndWait(el);
      check('confirmation');
      getByRole(el, 'tab', 'Check status').click();
      await waitFor(() => queryAllByRole(el, 'textbox').length, 'the tracker');
      check('tracker');
    });
  }
});
