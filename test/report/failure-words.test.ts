/**
 * The categories fail with a server that did answer (HTTP 500), while the later words (which hold the failure
 * sentences) are still on their way: the alert must not say "could not reach the city's service" meanwhile, which
 * a screen reader would read first (found by fuzzing, issue #15). It says what it knows, then the right sentence.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { delay, http, HttpResponse, passthrough } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { deepElements, regionText, waitFor } from '../helpers/dom';

describe('a failure before its words have arrived', () => {
  it('never calls a server that answered unreachable', async function () {
    this.timeout(30_000); // the later words are held back, then loaded: slow on a loaded machine
    const mock = await useMockBackend();
    let release!: () => void;
    const wordsHeld = new Promise<void>((r) => (release = r));
    mock.worker.use(
      http.get(`${MOCK_BASE}/services.json`, () =>
        HttpResponse.json([{ code: 500, description: 'Down' }], { status: 500 }),
      ),
      http.get(/\/src\/i18n\/en\.later\.ts/, async () => {
        await wordsHeld;
        await delay(10);
        return passthrough();
      }),
    );
    const said: string[] = [];
    const watch = new MutationObserver(() => {
      for (const node of deepElements(el)) if (node.getAttribute('role') === 'alert') said.push(node.textContent ?? '');
    });
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    for (const node of [el, ...deepElements(el)])
      if (node.shadowRoot) watch.observe(node.shadowRoot, { subtree: true, childList: true, characterData: true });
    await waitFor(() => regionText(el, 'alert').includes('We could not load the list of categories'), 'the alert');
    expect(regionText(el, 'alert')).to.not.match(/could not reach/);
    release();
    await waitFor(() => /service.*(problem|error|500)/i.test(regionText(el, 'alert')), 'the right sentence', 8000);
    watch.disconnect();
    expect(said.filter((s) => /could not reach/.test(s))).to.deep.equal([]);
  });
});
