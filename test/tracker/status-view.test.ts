/** The status tracker (issue #6): lookup, the status card, My requests, deep links, live refresh, errors, `view`. */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend } from '../helpers/mock-backend';
import { fillReport, submitAndWait } from '../helpers/report';
import { getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { listMyRequests, markSeen, myRequestsKeyFor, rememberRequest } from '../../src/storage/my-requests';
import type { StatusView } from '../../src/elements/status-view';

const BASE = '/open311/v2';

async function mount(attrs: { view?: string; pattern?: string; timeout?: string } = {}) {
  sessionStorage.clear();
  return fixture<CitizenPortal>(
    html`<citizen-portal
      endpoint=${BASE}
      jurisdiction="demo.city"
      view=${attrs.view ?? 'both'}
      reference-pattern=${attrs.pattern ?? ''}
      timeout=${attrs.timeout ?? '15'}
    ></citizen-portal>`,
  );
}

/** The key My requests are kept under for this element (the report form's draft key, renamed). */
const myKey = (el: CitizenPortal) =>
  myRequestsKeyFor(
    (el.shadowRoot!.querySelector('citizen-portal-report') as unknown as { flow: { storageKey: string } }).flow
      .storageKey,
  );

async function openStatus(el: Element) {
  getByRole(el, 'tab', 'Check status').click();
  return waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Reference number'), 'the status view');
}

async function lookUp(el: Element, typed: string, id = typed) {
  type(await openStatus(el), typed);
  getByRole(el, 'button', 'Check status').click();
  return waitFor(
    () => new RegExp(`Request ${id}\\b`).test(regionText(el, 'status')) && regionText(el, 'status'),
    `the card of ${id}`,
  );
}

const statusView = (el: CitizenPortal) => el.shadowRoot!.querySelector('citizen-portal-status') as StatusView;

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', location.pathname + location.search);
});

describe('status tracker: lookup', () => {
  it('accepts labels, hash signs and pasted deep links', async () => {
    await useMockBackend();
    const el = await mount();
    await lookUp(el, 'Request # 101', '101');
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Reference number').value).to.equal('Request # 101');
    await lookUp(el, 'https://city.example/report#cp-request=102', '102');
  });

  it('tries a number the server does not know once as a provisional token', async () => {
    const mock = await useMockBackend();
    let tokenCalls = 0;
    mock.worker.use(
      http.get(`${BASE}/tokens/:token.json`, ({ params }) => {
        tokenCalls++;
        return params.token === 'tok-abc'
          ? HttpResponse.json([{ service_request_id: '103', token: 'tok-abc' }])
          : HttpResponse.json({ description: 'no' }, { status: 404 });
      }),
    );
    const el = await mount();
    await lookUp(el, 'tok-abc', '103');
    expect(tokenCalls).to.equal(1);
    expect(listMyRequests(myKey(el)).find((r) => r.id === '103')?.token).to.equal('tok-abc');
  });

  it('says plainly when a number is unknown, with the format the city uses, keeping the text', async () => {
    const mock = await useMockBackend();
    const el = await mount({ pattern: '^[0-9]{6}$' });
    const input = await openStatus(el);
    type(input, '999999');
    const started = performance.now();
    getByRole(el, 'button', 'Check status').click();
    const alert = await waitFor(() => regionText(el, 'alert'), 'the not-found message');
    expect(performance.now() - started).to.be.below(3000);
    expect(alert).to.contain('could not find a request with the reference number "999999"');
    expect(alert).to.contain('Reference numbers look like [0-9]{6}.');
    expect(input.value).to.equal('999999');
    expect(mock.requests.filter((r) => r.url.includes('/tokens/'))).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});

describe('status tracker: the card', () => {
  it('shows the family, the photo, relative dates, and is accessible', async () => {
    await useMockBackend();
    const el = await mount();
    const status = await lookUp(el, '101');
    expect(status).to.contain('Open');
    expect(status).to.contain('2 hours ago');
    expect(status).to.contain('Department of Public Works');
    expect(status).not.to.contain('Overdue');
    const img = await waitFor(() => statusView(el).shadowRoot!.querySelector('img'), 'the photo');
    expect(img.getAttribute('alt')).to.contain('Pothole');
    await expect(el).to.be.accessible();
  });

  it('marks an open request past its expected date as overdue, never a closed one', async () => {
    await useMockBackend();
    const el = await mount();
    expect(await lookUp(el, '104')).to.contain('Overdue');
    expect(await lookUp(el, '102')).not.to.contain('Overdue');
    expect(await lookUp(el, '107')).not.to.contain('Overdue');
  });

  it('shows extended statuses in plain words (in_progress is not repeated), and notes[] as timeline entries', async () => {
    const mock = await useMockBackend();
    mock.worker.use(
      http.get(`${BASE}/requests/4522.json`, () =>
        HttpResponse.json([
          {
            service_request_id: '4522',
            status: 'in_progress',
            service_name: 'Missed bin collection',
            requested_datetime: '2024-04-01T10:00:00+02:00',
            notes: [
              { datetime: '2024-04-01T10:00:00+02:00', summary: 'Report received', type: 'status' },
              { datetime: '2024-04-02T08:30:00+02:00', summary: 'Passed to the waste crew', type: 'status' },
            ],
          },
        ]),
      ),
    );
    const el = await mount();
    const status = await lookUp(el, '4522');
    // The raw word only when it says more than the family (issue #13): "in_progress" does not.
    expect(status).to.contain('In progress');
    expect(status).not.to.contain('(in_progress)');
    expect(status).to.contain('Report received');
    expect(status.indexOf('Report received')).to.be.below(status.indexOf('Passed to the waste crew'));
    await expect(el).to.be.accessible();
  });

  it('offers the deep link of the request', async () => {
    await useMockBackend();
    const el = await mount();
    await lookUp(el, '105');
    const link = getByRole<HTMLInputElement>(el, 'textbox', 'Link to this request');
    expect(link.value).to.match(/#cp-request=105$/);
    expect(getByRole(el, 'button', 'Copy the link')).to.exist;
  });
});

describe('status tracker: the map only for a place', () => {
  // The card loads the map chunk when it shows a request with a place (issue #13; test/tracker/card-map.test.ts).
  it('does not load maplibre for a card without a place, even when the city has a map', async () => {
    performance.setResourceTimingBufferSize(100_000);
    const mock = await useMockBackend();
    mock.worker.use(
      http.get(`${BASE}/requests/4523.json`, () =>
        HttpResponse.json([{ service_request_id: '4523', status: 'open', service_name: 'Graffiti' }]),
      ),
    );
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${BASE} map-style="/demo/map/style.json"></citizen-portal>`,
    );
    await lookUp(el, '4523');
    expect(statusView(el).shadowRoot!.querySelector('#card-map')).to.equal(null);
    expect(performance.getEntriesByType('resource').some((e) => /maplibre|pin-map/.test(e.name))).to.equal(false);
  });
});

describe('status tracker: My requests', () => {
  it('refreshes the kept requests in one batched call, with an Updated badge, and is accessible', async () => {
    const mock = await useMockBackend();
    const el = await mount();
    const key = myKey(el);
    rememberRequest(key, { id: '101' });
    markSeen(key, '101', 'closed');
    rememberRequest(key, { id: '102' });
    await openStatus(el);
    const item = await waitFor(() => getByRole(el, 'button', /^Request 101 · Pothole/), 'the refreshed list');
    const batch = mock.requests.filter((r) => new URL(r.url).searchParams.has('service_request_id'));
    expect(batch).to.have.length(1);
    expect(new URL(batch[0]!.url).searchParams.get('service_request_id')!.split(',').sort()).to.deep.equal([
      '101',
      '102',
    ]);
    expect(mock.requests.filter((r) => /requests\/10\d/.test(r.url))).to.have.length(0);
    const badges = () => [...statusView(el).shadowRoot!.querySelectorAll('.badge')].map((b) => b.parentElement);
    expect(badges()).to.have.length(1);
    expect(badges()[0]!.textContent).to.contain('Request 101');
    await expect(el).to.be.accessible();

    item.click();
    await waitFor(() => /Request 101/.test(regionText(el, 'status')), 'the card');
    await waitFor(() => badges().length === 0, 'the badge gone once seen');
  });

  it('finds the number behind a provisional token kept in My requests', async () => {
    const mock = await useMockBackend();
    mock.worker.use(
      http.get(`${BASE}/tokens/tok-9.json`, () => HttpResponse.json([{ token: 'tok-9', service_request_id: '105' }])),
    );
    const el = await mount();
    const key = myKey(el);
    rememberRequest(key, { id: 'tok-9', token: 'tok-9' });
    await openStatus(el);
    await waitFor(() => queryAllByRole(el, 'button', /^Request 105/).length === 1, 'the number in the list');
    expect(listMyRequests(key).map((r) => r.id)).to.deep.equal(['105']);
  });

  it('keeps requests looked up, and removes one or all', async () => {
    await useMockBackend();
    const el = await mount();
    await lookUp(el, '101');
    await lookUp(el, '103');
    await waitFor(() => queryAllByRole(el, 'button', /^Request 10[13]/).length === 2, 'both kept');
    getByRole(el, 'button', 'Remove request 101 from this list').click();
    await waitFor(() => queryAllByRole(el, 'button', /^Request 101/).length === 0, 'one removed');
    expect(listMyRequests(myKey(el)).map((r) => r.id)).to.deep.equal(['103']);
    getByRole(el, 'button', 'Remove all from this list').click();
    await waitFor(() => queryAllByRole(el, 'heading', 'My requests').length === 0, 'the list gone');
    expect(listMyRequests(myKey(el))).to.deep.equal([]);
  });

  it('uses one call per request when the backend cannot batch', async () => {
    const mock = await useMockBackend();
    const el = await mount();
    const key = myKey(el);
    rememberRequest(key, { id: '108' });
    rememberRequest(key, { id: '109' });
    const open311 = (el as unknown as { adapters: { backend: Record<string, unknown> } }).adapters.backend;
    el.backend = { ...open311, requests: undefined } as unknown as CitizenPortal['backend'];
    await el.updateComplete;
    await openStatus(el);
    await waitFor(() => getByRole(el, 'button', /^Request 109 · /), 'the refreshed list');
    expect(mock.requests.filter((r) => /requests\/10[89]\.json/.test(r.url))).to.have.length(2);
  });
});

describe('status tracker: deep links and views', () => {
  it('#cp-request=ID on the page opens the tracker on that request', async () => {
    await useMockBackend();
    history.replaceState(null, '', '#cp-request=102');
    const el = await mount();
    await waitFor(() => /Request 102/.test(regionText(el, 'status')), 'the card');
    expect(getByRole(el, 'tab', 'Check status').getAttribute('aria-selected')).to.equal('true');
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Reference number').value).to.equal('102');
  });

  it('a query parameter named by deep-link-param opens the tracker too', async () => {
    await useMockBackend();
    const page = location.pathname + location.search;
    history.replaceState(null, '', `${page}&request=104`);
    try {
      sessionStorage.clear();
      const el = await fixture<CitizenPortal>(
        html`<citizen-portal endpoint=${BASE} deep-link-param="request"></citizen-portal>`,
      );
      await waitFor(() => /Request 104/.test(regionText(el, 'status')), 'the card');
      expect(getByRole<HTMLInputElement>(el, 'textbox', 'Reference number').value).to.equal('104');
    } finally {
      history.replaceState(null, '', page);
    }
  });

  it('view="status" is the tracker alone, and follows deep links', async () => {
    await useMockBackend();
    history.replaceState(null, '', '#cp-request=106');
    const el = await mount({ view: 'status' });
    await waitFor(() => /Request 106/.test(regionText(el, 'status')), 'the card');
    expect(queryAllByRole(el, 'tablist')).to.have.length(0);
    expect(queryAllByRole(el, 'tab')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('view="report" is the form alone', async () => {
    await useMockBackend();
    const el = await mount({ view: 'report' });
    await waitFor(() => el.shadowRoot!.querySelector('citizen-portal-report'), 'the form');
    expect(queryAllByRole(el, 'tablist')).to.have.length(0);
    expect(queryAllByRole(el, 'textbox', 'Reference number')).to.have.length(0);
    // Filed: the confirmation offers no tracker to go to.
    await fillReport(el, { category: 'Graffiti on Public Property', address: 'Here', description: 'Tags' });
    await submitAndWait(el);
    expect(queryAllByRole(el, 'button', 'Check the status of this report')).to.have.length(0);
    expect(queryAllByRole(el, 'button', 'Report another problem')).to.have.length(1);
  });
});

describe('status tracker: live while open, and errors', () => {
  it('refreshes the shown request in the background and announces a change', async () => {
    const mock = await useMockBackend();
    const el = await mount();
    await lookUp(el, '101');
    mock.worker.use(
      http.get(`${BASE}/requests/101.json`, () =>
        HttpResponse.json([{ service_request_id: '101', status: 'in_progress', service_name: 'Pothole' }]),
      ),
    );
    statusView(el).pollMs = 100;
    await waitFor(
      () => regionText(el, 'status').includes('The status of request 101 changed: In progress.'),
      'the announcement',
    );
    statusView(el).pollMs = 60_000;
  });

  it('refreshes when the tab becomes visible again', async () => {
    const mock = await useMockBackend();
    const el = await mount();
    await lookUp(el, '101');
    mock.worker.use(
      http.get(`${BASE}/requests/101.json`, () =>
        HttpResponse.json([{ service_request_id: '101', status: 'closed', service_name: 'Pothole' }]),
      ),
    );
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(
      () => regionText(el, 'status').includes('The status of request 101 changed: Closed.'),
      'the announcement',
    );
  });

  it('keeps the last known status visible when a refresh fails, with Retry', async () => {
    const mock = await useMockBackend();
    const el = await mount();
    await lookUp(el, '101');
    let fail = true;
    mock.worker.use(
      http.get(`${BASE}/requests/101.json`, () => (fail ? new HttpResponse('down', { status: 503 }) : undefined)),
    );
    document.dispatchEvent(new Event('visibilitychange'));
    const alert = await waitFor(() => regionText(el, 'alert'), 'the error');
    expect(alert).to.contain('had a problem');
    expect(regionText(el, 'status')).to.contain('Last known status');
    expect(regionText(el, 'status')).to.contain('Request 101');
    fail = false;
    getByRole(el, 'button', 'Try again').click();
    await waitFor(() => !regionText(el, 'alert') && !regionText(el, 'status').includes('Last known'), 'recovered');
  });

  const cases: Array<[string, () => Response, RegExp]> = [
    ['429', () => new HttpResponse('slow down', { status: 429, headers: { 'Retry-After': '30' } }), /busy/],
    ['5xx', () => new HttpResponse('oops', { status: 500 }), /had a problem/],
    ['offline', () => HttpResponse.error(), /could not reach|offline/],
  ];
  for (const [name, respond, message] of cases) {
    it(`says plainly what went wrong (${name}), with a Retry that works`, async () => {
      const mock = await useMockBackend();
      let fail = true;
      mock.worker.use(http.get(`${BASE}/requests/:id`, () => (fail ? respond() : undefined)));
      const el = await mount();
      type(await openStatus(el), '101');
      getByRole(el, 'button', 'Check status').click();
      expect(await waitFor(() => regionText(el, 'alert'), 'the message', 8000)).to.match(message);
      fail = false;
      getByRole(el, 'button', 'Try again').click();
      await waitFor(() => /Request 101/.test(regionText(el, 'status')), 'the card after Retry', 8000);
    });
  }

  it('says plainly when the service is too slow (timeout)', async () => {
    const mock = await useMockBackend();
    mock.worker.use(
      http.get(`${BASE}/requests/:id`, async () => {
        await new Promise((r) => setTimeout(r, 2500));
        return new HttpResponse('late', { status: 500 });
      }),
    );
    const el = await mount({ timeout: '1' });
    type(await openStatus(el), '101');
    getByRole(el, 'button', 'Check status').click();
    expect(await waitFor(() => regionText(el, 'alert'), 'the message', 8000)).to.contain('took too long');
    expect(getByRole(el, 'button', 'Try again')).to.exist;
  });
});
