/**
 * The early request for the categories (src/start.ts starts it before the widget's code evaluates): the Open311
 * client's first attempt at the same call takes its answer instead of asking again; only that once, and only for
 * the very same request (URL, Accept, language).
 */
import { expect } from '@open-wc/testing';
import { createOpen311Backend } from '../../src/backend/open311';
import { prefetch } from '../../src/backend/prefetch';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { waitFor } from '../helpers/dom';

describe('the early request for the categories', () => {
  it('is the one the client uses, once', async () => {
    const mock = await useMockBackend();
    const endpoint = `${location.origin}${MOCK_BASE}`;
    const asked = () => mock.requests.filter((r) => new URL(r.url).pathname.endsWith('/services.json')).length;
    prefetch(`${endpoint}/services.json?jurisdiction_id=demo.city`, 'application/json', 'es-MX');
    await waitFor(() => asked() === 1, 'the early request');
    const backend = createOpen311Backend({ endpoint, jurisdiction: 'demo.city', lang: 'es-MX' });
    expect((await backend.services()).length).to.be.greaterThan(5);
    expect(asked(), 'no second request').to.equal(1);
    // Used once: the next call asks the server again.
    await backend.services();
    expect(asked()).to.equal(2);
  });

  it('is not taken by a different request (another language)', async () => {
    const mock = await useMockBackend();
    const endpoint = `${location.origin}${MOCK_BASE}`;
    const asked = () => mock.requests.filter((r) => new URL(r.url).pathname.endsWith('/services.json')).length;
    prefetch(`${endpoint}/services.json`, 'application/json', 'fr');
    await waitFor(() => asked() === 1, 'the early request');
    await createOpen311Backend({ endpoint, lang: 'en' }).services();
    expect(asked()).to.equal(2);
    const sent = mock.requests.filter((r) => new URL(r.url).pathname.endsWith('/services.json'));
    expect(sent[1]!.headers.get('accept-language')).to.equal('en');
  });
});
