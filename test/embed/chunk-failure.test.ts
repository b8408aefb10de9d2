/**
 * A chunk that fails to load (offline, a CDN hiccup): the resident reads a plain sentence and can try again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend, MOCK_BASE } from '../helpers/mock-backend';
import { getByRole, regionText, waitFor } from '../helpers/dom';
import { categoryInput, pickCategory } from '../helpers/report';

describe('a part of the widget that cannot be loaded', () => {
  it('the tracker: says so, and Try again loads it', async () => {
    const mock = await useMockBackend();
    let failing = true;
    mock.worker.use(http.get('*/src/elements/status-view.ts', () => (failing ? HttpResponse.error() : undefined)));
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await categoryInput(el);
    getByRole(el, 'tab', 'Check status').click();
    await waitFor(() => regionText(el, 'alert').includes('could not be loaded'), 'the failure, in words');
    await expect(el).to.be.accessible();
    failing = false;
    getByRole(el, 'button', 'Try again').click();
    await waitFor(() => getByRole(el, 'textbox', 'Reference number'), 'the tracker, loaded');
  });

  it("a category another organisation handles: its card's chunk is asked for once, not at every render", async () => {
    const mock = await useMockBackend();
    let asked = 0;
    mock.worker.use(http.get('*/src/elements/steps/index.ts', () => (asked++, HttpResponse.error())));
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    el.redirects = { STREETLIGHT: { message: 'Street lights belong to Demo Power.' } };
    await pickCategory(el, 'Streetlight Out');
    await waitFor(() => asked > 0, 'the card asked for');
    await new Promise((r) => setTimeout(r, 1000));
    expect(asked, 'one load, and at most the idle one besides').to.be.at.most(2);
  });

  it("the resident's words: one plain sentence, and Try again loads them", async () => {
    const mock = await useMockBackend();
    let failing = true;
    mock.worker.use(http.get('*/src/i18n/vi.ts', () => (failing ? HttpResponse.error() : undefined)));
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} lang="vi"></citizen-portal>`);
    await waitFor(() => regionText(el, 'alert').includes('could not be loaded'), 'the failure, in words');
    failing = false;
    getByRole(el, 'button', 'Try again').click();
    await waitFor(() => getByRole(el, 'combobox', 'Danh mục'), 'the form, in Vietnamese');
  });
});
