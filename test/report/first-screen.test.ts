/**
 * The first screen on a slow connection (issue #14): it is there at once and keeps its size while the categories
 * arrive (nothing on the host page moves), a list the resident asks for meanwhile shows when they come, and once a
 * category is chosen the later steps are fetched while the resident reads, so Continue does not wait. Speed itself
 * is measured by `npm run bench`, not here: these check the behaviour that makes it fast.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http } from 'msw';
import '../../src/index';
import type { Backend, CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { accessibleName, getByRole, queryAllByRole, regionText, waitFor } from '../helpers/dom';
import { next, pickCategory, stepTitle } from '../helpers/report';

/** Holds services.json until `release()`; the real answer then goes through. */
function holdServices(mock: Awaited<ReturnType<typeof useMockBackend>>) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  mock.worker.use(
    http.get(`${MOCK_BASE}/services.json`, async () => {
      await gate;
      return undefined; // fall through to the mock server's own handler
    }),
  );
  return release;
}

describe('the first screen', () => {
  beforeEach(() => sessionStorage.clear());

  it('searches what was typed before the search itself arrived (it loads when idle, not with the first screen)', async () => {
    // First in this file: the search module must not have been loaded on this page yet.
    const mock = await useMockBackend();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    mock.worker.use(http.get('*/src/search/index.ts', async () => (await gate, undefined)));
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    const input = await waitFor(
      () =>
        !getByRole(el, 'combobox', 'Category').closest('[aria-busy="true"]') &&
        getByRole<HTMLInputElement>(el, 'combobox', 'Category'),
      'the categories',
    );
    input.focus();
    input.value = 'pothole';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 50));
    expect(queryAllByRole(el, 'option')).to.have.length(0);
    expect(regionText(el, 'status')).not.to.contain('No category');
    release();
    await waitFor(
      () => queryAllByRole(el, 'option').find((o) => accessibleName(o).startsWith('Pothole')),
      'the typed words searched once the search came',
    );
  });

  it('is drawn once, with its categories, when they come at once (no loading state drawn first)', async () => {
    // A backend whose list answers at once: the first screen waits for it, so the field is never drawn busy.
    const quick = {
      services: async () => [{ service_code: 'PH', service_name: 'Pothole', metadata: false, type: 'realtime' }],
      serviceDefinition: async () => ({ attributes: [] }),
      submit: async () => ({ serviceRequestId: '1' }),
      request: async () => Promise.reject(new Error('not in this test')),
    } as unknown as Backend;
    const seen: string[] = [];
    const watch = new MutationObserver(() => {
      for (const el of queryAllByRole(document.body, 'combobox', 'Category'))
        seen.push(el.closest('[aria-busy]')?.getAttribute('aria-busy') ?? 'none');
    });
    // Every shadow root the portal opens, as it opens it: its nodes are watched from their first render on.
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      watch.observe(root, { subtree: true, childList: true, attributes: true });
      return root;
    };
    try {
      const el = await fixture<CitizenPortal>(html`<citizen-portal .backend=${quick}></citizen-portal>`);
      await waitFor(() => seen.length, 'the category field');
      expect(seen[0], 'the field as first drawn').to.equal('false');
      expect(seen).not.to.include('true');
      expect(regionText(el, 'status')).not.to.contain('Loading categories');
    } finally {
      Element.prototype.attachShadow = attach;
      watch.disconnect();
    }
  });

  it('is there while the categories load, the same size, and shows the list asked for when they come', async () => {
    const mock = await useMockBackend();
    const release = holdServices(mock);
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    const input = await waitFor(() => getByRole<HTMLInputElement>(el, 'combobox', 'Category'), 'the field');
    expect(input.closest('[aria-busy]')?.getAttribute('aria-busy'), 'busy while loading').to.equal('true');
    expect(regionText(el, 'status')).to.contain('Loading categories');
    const before = el.getBoundingClientRect().height;
    // The resident starts typing before the list has come (and stays in the field): nothing to show yet, and no
    // "No category matches".
    input.focus();
    input.value = 'pothole';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 50));
    expect(queryAllByRole(el, 'option')).to.have.length(0);
    expect(regionText(el, 'status')).not.to.contain('No category');

    release();
    const option = await waitFor(
      () => queryAllByRole(el, 'option').find((o) => accessibleName(o).startsWith('Pothole')),
      'the typed words searched once the list came',
    );
    expect(option).to.exist;
    expect(input.closest('[aria-busy]')?.getAttribute('aria-busy')).to.equal('false');
    expect(el.getBoundingClientRect().height, 'the same box: the page below does not move').to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('opens the list clicked before the categories came', async () => {
    const mock = await useMockBackend();
    const release = holdServices(mock);
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    const input = await waitFor(() => getByRole<HTMLInputElement>(el, 'combobox', 'Category'), 'the field');
    input.click();
    release();
    await waitFor(() => input.getAttribute('aria-expanded') === 'true', 'the list open');
    expect(queryAllByRole(el, 'option').length).to.be.greaterThan(5);
  });

  it('lays out a first screen in another language in the same box while its words arrive', async () => {
    const mock = await useMockBackend();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    mock.worker.use(http.get('*/src/i18n/fr.ts', async () => (await gate, undefined)));
    const el = Object.assign(document.createElement('citizen-portal'), { lang: 'fr' });
    el.setAttribute('endpoint', MOCK_BASE);
    document.body.append(el);
    try {
      const wrapper = await waitFor(() => el.shadowRoot?.querySelector<HTMLElement>('[lang]'), 'the first render');
      await waitFor(() => getByRole(el, 'combobox', 'Category', { includeHidden: true }), 'the box laid out');
      // Before the French words: laid out (its height reserved) but hidden, and out of the accessibility tree.
      expect(getComputedStyle(wrapper).visibility).to.equal('hidden');
      expect(wrapper.inert).to.equal(true);
      expect(wrapper.getAttribute('aria-hidden')).to.equal('true');
      const before = el.getBoundingClientRect().height;
      expect(before).to.be.greaterThan(100);
      release();
      await waitFor(() => getByRole(el, 'combobox', 'Catégorie'), 'the French first screen');
      const shown = el.shadowRoot!.querySelector<HTMLElement>('[lang]')!;
      expect(shown.lang).to.equal('fr');
      expect(getComputedStyle(shown).visibility).to.equal('visible');
      expect(shown.inert).to.equal(false);
      expect(el.getBoundingClientRect().height, 'the same box (to a fraction of a pixel)').to.be.closeTo(before, 0.5);
    } finally {
      el.remove();
    }
  });

  it('fetches the later steps and the chosen category’s questions while the resident reads', async () => {
    const mock = await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await pickCategory(el, 'Pothole');
    // No Continue pressed: the questions of the category are fetched when the browser is idle.
    await waitFor(
      () => mock.requests.some((r) => new URL(r.url).pathname === `${MOCK_BASE}/services/POTHOLE.json`),
      'the questions fetched ahead',
    );
    const definitions = () => mock.requests.filter((r) => /\/services\/POTHOLE\.json$/.test(new URL(r.url).pathname));
    await next(el);
    expect(stepTitle(el)).to.equal('Step 2 of 4: Location');
    expect(definitions(), 'fetched once').to.have.length(1);
  });
});
