/**
 * `gateway="…"`: a city that runs the citizen-portal gateway in front of its server names it once; the widget's
 * endpoint and photo store default to it, and each report carries the form token the gateway hands out (it refuses
 * reports filed faster than a person can). The gateway itself is tested in gateway/test and test/e2e.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { createMediaHandlers } from '../../demo/backend/media';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { getByRole } from '../helpers/dom';
import { fillReport, submitAndWait } from '../helpers/report';

describe('the gateway setting', () => {
  beforeEach(() => sessionStorage.clear());

  it('is the endpoint and the photo store, and sends the form token it handed out', async () => {
    const mock = await useMockBackend();
    let tokens = 0;
    mock.worker.use(
      http.get(
        `${MOCK_BASE}/form-token`,
        () => (tokens++, HttpResponse.json({ token: 'ft-1', field: 'cp_form_token' })),
      ),
      ...createMediaHandlers({ path: `${MOCK_BASE}/media` }),
    );
    const el = await fixture<CitizenPortal>(html`<citizen-portal gateway=${`${MOCK_BASE}/`}></citizen-portal>`);
    let photos: Element | undefined;
    await fillReport(el, {
      category: 'Graffiti on Public Property',
      address: '9 Canal St',
      description: 'Tags',
      // On "Details and contact": photos are offered (they go to the gateway's /media).
      answer: () => void (photos = getByRole(el, 'group', /^Photos/)),
    });
    expect(photos).to.exist;
    await submitAndWait(el);
    const post = mock.requests.find((r) => r.method === 'POST' && r.url.endsWith('/requests.json'))!;
    expect(new URL(post.url).pathname).to.equal(`${MOCK_BASE}/requests.json`);
    const body = new URLSearchParams(await post.clone().text());
    expect(body.get('cp_form_token')).to.equal('ft-1');
    expect(tokens, 'asked for once').to.equal(1);
  });

  it('files reports as before with a gateway that hands out no tokens', async () => {
    const mock = await useMockBackend();
    mock.worker.use(http.get(`${MOCK_BASE}/form-token`, () => HttpResponse.json([{ code: 404 }], { status: 404 })));
    const el = await fixture<CitizenPortal>(html`<citizen-portal gateway=${MOCK_BASE}></citizen-portal>`);
    await fillReport(el, { category: 'Graffiti on Public Property', address: '9 Canal St', description: 'Tags' });
    expect(await submitAndWait(el)).to.match(/\w/);
    const post = mock.requests.find((r) => r.method === 'POST')!;
    expect(new URLSearchParams(await post.clone().text()).has('cp_form_token')).to.equal(false);
  });
});
