/**
 * Every `::part()` the README documents takes a style from the host page, as a webmaster writes it:
 * `citizen-portal::part(submit) { … }` in the page's own stylesheet. Parts of inner views (the report form, its
 * steps, the tracker) reach the page only through exportparts, which this checks end to end.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend } from '../helpers/mock-backend';
import { deepQuery, getByRole, regionText, type, waitFor } from '../helpers/dom';
import { fillReport, submitAndWait } from '../helpers/report';

/** The README's list, read from the README itself so the two cannot drift apart. */
async function documentedParts(): Promise<string[]> {
  const readme = await (await fetch('/README.md')).text();
  const list = /`::part\(\)` \(([^)]*)\)/.exec(readme)![1]!;
  return [...list.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!);
}

const MARK = '7px';
let sheet: HTMLStyleElement | undefined;

/** The page styles every documented part with a property nothing of ours sets. */
function stylePage(parts: string[]): void {
  sheet = document.createElement('style');
  sheet.textContent = parts.map((p) => `citizen-portal::part(${p}) { scroll-margin-top: ${MARK}; }`).join('\n');
  document.head.append(sheet);
}

/** The part's element, wherever it sits in the widget's shadow roots, has the page's style. */
function styled(el: Element, part: string): boolean {
  const inner = deepQuery(el, `[part~="${part}"]`);
  if (!inner) throw new Error(`no element with part="${part}" on screen`);
  return getComputedStyle(inner).scrollMarginTop === MARK;
}

describe('::part() from the host page', () => {
  afterEach(() => sheet?.remove());

  it('styles every documented part, in the states where it shows', async () => {
    const parts = await documentedParts();
    expect(parts).to.include.members(['form', 'error-summary', 'submit', 'confirmation', 'status-card']);
    stylePage(parts);
    const seen = new Set<string>();
    const check = (el: Element, ...names: string[]) => {
      for (const name of names) {
        expect(styled(el, name), `::part(${name})`).to.equal(true);
        seen.add(name);
      }
    };

    // A webmaster's mistake: the config error.
    const broken = await fixture<CitizenPortal>(html`<citizen-portal></citizen-portal>`);
    await waitFor(() => regionText(broken.shadowRoot!, 'alert'), 'the config error');
    check(broken, 'config-error');

    const mock = await useMockBackend();
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint="/open311/v2" languages="en es"></citizen-portal>`,
    );
    await waitFor(() => getByRole(el, 'combobox', 'Category'), 'the form');
    check(el, 'tabs', 'tab', 'panel', 'language', 'form', 'submit');
    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => regionText(el, 'alert'), 'the error summary');
    check(el, 'error-summary');

    // Sending fails once (the resident is told why), then succeeds.
    mock.worker.use(
      http.post(
        '/open311/v2/requests.json',
        () => HttpResponse.json([{ code: 500, description: 'down' }], { status: 500 }),
        {
          once: true,
        },
      ),
    );
    await fillReport(el, {
      category: 'Graffiti on Public Property',
      address: '1 Elm St',
      description: 'Tags on the wall',
    });
    getByRole(el, 'button', 'Submit').click();
    await waitFor(() => deepQuery(el, '[part~="error"]'), 'the sending error');
    check(el, 'error');
    await submitAndWait(el);
    check(el, 'confirmation');

    // The tracker.
    getByRole(el, 'tab', 'Check status').click();
    const number = await waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Reference number'), 'the tracker');
    check(el, 'status-form');
    type(number, '101');
    getByRole(el, 'button', 'Check status').click();
    await waitFor(() => deepQuery(el, '[part~="status-card"]'), 'the status card');
    check(el, 'status-card');

    expect([...seen].sort()).to.deep.equal([...parts].sort());
  });
});
