/**
 * Nothing lost, never twice (issue #15): a Send whose answer never arrives (the server filed the report, then the
 * connection dropped or the answer came too late) is said plainly to have maybe arrived, keeps the draft, is marked
 * in My requests, and a second Send first checks whether it was filed instead of filing it twice; where the server
 * cannot say, the resident chooses knowingly.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { sameReport } from '../../src/report/send';
import type { NewRequest, ServiceRequest } from '../../src/backend/types';
import { listMyRequests, myRequestsKeyFor } from '../../src/storage/my-requests';
import { MOCK_BASE, useMockBackend, type MockBackend } from '../helpers/mock-backend';
import { getByRole, queryAllByRole, regionText, waitFor } from '../helpers/dom';
import { fillReport } from '../helpers/report';

const REPORT = { category: 'Graffiti on Public Property', address: '9 Canal St', description: 'Tags on the bridge' };

async function mount(timeout = '15') {
  sessionStorage.clear();
  localStorage.clear();
  return fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} timeout=${timeout}></citizen-portal>`);
}

const posts = (mock: MockBackend) => mock.requests.filter((r) => r.method === 'POST');
const listings = (mock: MockBackend) =>
  mock.requests.filter(
    (r) => r.method === 'GET' && /\/requests\.json/.test(r.url) && new URL(r.url).searchParams.has('start_date'),
  );
const submitButton = (el: Element) => getByRole(el, 'button', 'Submit');
const myKey = (el: CitizenPortal) =>
  myRequestsKeyFor(
    (el.shadowRoot!.querySelector('citizen-portal-report') as unknown as { flow: { storageKey: string } }).flow
      .storageKey,
  );

/**
 * The first POST reaches the server (it files the report) but its answer is lost: `how` the connection drops
 * (a network error) or the answer never comes (past the element's timeout). Later POSTs are answered as usual.
 */
function loseFirstAnswer(mock: MockBackend, how: 'dropped' | 'late') {
  let n = 0;
  mock.worker.use(
    http.post(`${MOCK_BASE}/requests.json`, async ({ request }) => {
      if (n++ > 0) return undefined; // the demo server's own handler
      const form = new URLSearchParams(await request.text());
      mock.store.add({
        service_code: form.get('service_code')!,
        description: form.get('description') ?? undefined,
        address_string: form.get('address_string') ?? undefined,
        attributes: {},
        submitted_at: new Date().toISOString(),
      });
      if (how === 'late') await delay('infinite');
      return HttpResponse.error();
    }),
  );
}

const alertText = (el: Element) => regionText(el, 'alert');

describe('a Send whose answer is lost', () => {
  it('says the report may have arrived, keeps it, marks it in My requests, and the next Send finds it filed instead of filing it twice', async () => {
    const mock = await useMockBackend();
    loseFirstAnswer(mock, 'dropped');
    const el = await mount();
    await fillReport(el, REPORT);
    submitButton(el).click();
    await waitFor(() => /may have reached the city/.test(alertText(el)), 'the plain "may have arrived"');
    expect(alertText(el)).not.to.contain('was not sent');
    expect(posts(mock)).to.have.length(1);
    // The draft is kept: still on "Check and send", with what the resident wrote.
    expect(queryAllByRole(el, 'heading', /Check and send/)).to.have.length(1);
    await waitFor(() => !submitButton(el).matches('[aria-disabled="true"]'), 'Send usable again');
    const marked = listMyRequests(myKey(el));
    expect(marked).to.have.length(1);
    expect(marked[0]).to.include({
      unsent: 'maybe',
      address: '9 Canal St',
      serviceName: 'Graffiti on Public Property',
    });
    await expect(el).to.be.accessible();

    submitButton(el).click();
    const status = await waitFor(() => regionText(el, 'status').match(/reference number is (\S+)/), 'the confirmation');
    const filed = mock.store.list();
    expect(filed).to.have.length(1);
    expect(status[1]).to.equal(filed[0]!.service_request_id);
    expect(posts(mock), 'no second POST').to.have.length(1);
    const check = listings(mock);
    expect(check).to.have.length(1);
    expect(new URL(check[0]!.url).searchParams.get('service_code')).to.equal('GRAFFITI_PUBLIC');
    const kept = listMyRequests(myKey(el));
    expect(kept.map((r) => [r.id, r.unsent])).to.deep.equal([[filed[0]!.service_request_id, undefined]]);
  });

  it('keeps Send unusable while its POST is in flight (one POST however often it is pressed), and takes an answer past the timeout as lost', async () => {
    const mock = await useMockBackend();
    loseFirstAnswer(mock, 'late');
    const el = await mount('1');
    await fillReport(el, REPORT);
    submitButton(el).click();
    await waitFor(() => posts(mock).length === 1, 'the POST');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    submitButton(el).click();
    submitButton(el).click();
    await waitFor(() => /may have reached the city/.test(alertText(el)), 'the plain "may have arrived"', 8000);
    expect(posts(mock)).to.have.length(1);
    expect(listMyRequests(myKey(el)).map((r) => r.unsent)).to.deep.equal(['maybe']);

    // It was filed: found, not filed again.
    submitButton(el).click();
    await waitFor(() => /reference number is/.test(regionText(el, 'status')), 'the confirmation');
    expect(posts(mock)).to.have.length(1);
    expect(mock.store.list()).to.have.length(1);
  });

  it('sends again when the check finds it was not filed after all', async () => {
    const mock = await useMockBackend();
    let n = 0;
    mock.worker.use(http.post(`${MOCK_BASE}/requests.json`, () => (n++ === 0 ? HttpResponse.error() : undefined)));
    const el = await mount();
    await fillReport(el, REPORT);
    submitButton(el).click();
    await waitFor(() => /may have reached the city/.test(alertText(el)), 'the plain "may have arrived"');
    await waitFor(() => !submitButton(el).matches('[aria-disabled="true"]'), 'Send usable again');
    submitButton(el).click();
    await waitFor(() => /reference number is/.test(regionText(el, 'status')), 'the confirmation');
    expect(listings(mock)).to.have.length(1);
    expect(posts(mock)).to.have.length(2);
    expect(mock.store.list()).to.have.length(1);
    expect(listMyRequests(myKey(el)).filter((r) => r.unsent)).to.have.length(0);
  });

  it('asks the resident when the server cannot say whether it was filed: "Don\'t send" files nothing, "Send anyway" files once', async () => {
    const mock = await useMockBackend();
    loseFirstAnswer(mock, 'dropped');
    mock.worker.use(
      http.get(`${MOCK_BASE}/requests.json`, () =>
        HttpResponse.json([{ code: 500, description: 'no' }], { status: 500 }),
      ),
    );
    const el = await mount();
    await fillReport(el, REPORT);
    submitButton(el).click();
    await waitFor(() => /may have reached the city/.test(alertText(el)), 'the plain "may have arrived"');
    await waitFor(() => !submitButton(el).matches('[aria-disabled="true"]'), 'Send usable again');

    submitButton(el).click();
    await waitFor(() => /could not check/.test(alertText(el)), 'the question');
    expect(posts(mock)).to.have.length(1);
    await expect(el).to.be.accessible();
    getByRole(el, 'button', "Don't send").click();
    await waitFor(() => !/could not check/.test(alertText(el)), 'the question gone');
    expect(posts(mock)).to.have.length(1);
    expect(listMyRequests(myKey(el)).map((r) => r.unsent)).to.deep.equal(['maybe']);

    submitButton(el).click();
    await waitFor(() => queryAllByRole(el, 'button', 'Send anyway').length === 1, 'the question again');
    getByRole(el, 'button', 'Send anyway').click();
    await waitFor(() => /reference number is/.test(regionText(el, 'status')), 'the confirmation');
    expect(posts(mock)).to.have.length(2);
    expect(listMyRequests(myKey(el)).filter((r) => r.unsent)).to.have.length(0);
  });
});

describe('sameReport: is a listed request the one whose answer was lost?', () => {
  const sent = {
    service_code: 'POT',
    description: 'Deep hole by the bus stop at the school',
    lat: 41.5012,
    long: -90.4987,
  } as NewRequest;
  const listed = (r: Partial<ServiceRequest>) =>
    ({
      service_request_id: '9',
      service_code: 'POT',
      requested_datetime: '2025-01-01T10:00:05Z',
      ...r,
    }) as ServiceRequest;
  const at = '2025-01-01T10:00:00Z';

  it('matches its words (cut short or re-spaced by the server), near its place, since it was sent', () => {
    expect(sameReport(listed({ description: sent.description, lat: 41.5013, long: -90.4988 }), sent, at)).to.equal(
      true,
    );
    expect(sameReport(listed({ description: 'deep hole  by the bus stop' }), sent, at)).to.equal(true);
  });

  it('does not match another report', () => {
    expect(sameReport(listed({ description: 'Deep hole' }), sent, at), 'too short a prefix').to.equal(false);
    expect(sameReport(listed({ description: 'Streetlight out' }), sent, at)).to.equal(false);
    expect(sameReport(listed({ description: sent.description, service_code: 'GRA' }), sent, at)).to.equal(false);
    expect(sameReport(listed({ description: sent.description, lat: 41.52, long: -90.4987 }), sent, at)).to.equal(false);
    expect(
      sameReport(listed({ description: sent.description, requested_datetime: '2024-12-30T10:00:00Z' }), sent, at),
      'a day before',
    ).to.equal(false);
  });
});

describe('storage unavailable (blocked, private mode, quota full)', () => {
  const restore: Array<() => void> = [];
  afterEach(() => restore.splice(0).forEach((undo) => undo()));

  /** Every Storage call and indexedDB.open throw, as in a browser that blocks site data. */
  function blockStorage() {
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    for (const name of ['getItem', 'setItem', 'removeItem', 'clear', 'key'] as const) {
      const original = Storage.prototype[name];
      Storage.prototype[name] = refuse as never;
      restore.push(() => (Storage.prototype[name] = original as never));
    }
    const open = indexedDB.open;
    indexedDB.open = refuse as never;
    restore.push(() => (indexedDB.open = open));
  }

  it('still files the report, and says once that it cannot keep a draft', async () => {
    const mock = await useMockBackend();
    sessionStorage.clear();
    localStorage.clear();
    blockStorage();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await fillReport(el, REPORT);
    const notices = () => queryAllByRole(el, 'status').filter((s) => /keep a copy of your report/.test(s.textContent!));
    await waitFor(() => notices().length === 1, 'the notice');
    expect(notices()[0]!.textContent!.trim()).to.equal(
      'This browser does not let us keep a copy of your report, so please finish it before you close this page.',
    );
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Submit').click();
    await waitFor(() => /reference number is/.test(regionText(el, 'status')), 'the confirmation');
    expect(posts(mock)).to.have.length(1);
    expect(mock.store.list()).to.have.length(1);
  });

  it('still checks, after a lost answer, before sending again', async () => {
    const mock = await useMockBackend();
    loseFirstAnswer(mock, 'dropped');
    sessionStorage.clear();
    localStorage.clear();
    blockStorage();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await fillReport(el, REPORT);
    getByRole(el, 'button', 'Submit').click();
    await waitFor(() => /may have reached the city/.test(alertText(el)), 'the plain "may have arrived"');
    await waitFor(() => !submitButton(el).matches('[aria-disabled="true"]'), 'Send usable again');
    submitButton(el).click();
    await waitFor(() => /reference number is/.test(regionText(el, 'status')), 'the confirmation');
    expect(posts(mock)).to.have.length(1);
  });
});

describe('429 on Send', () => {
  it('honours Retry-After: Send does nothing until it has passed, then files the report once', async () => {
    const mock = await useMockBackend();
    let n = 0;
    mock.worker.use(
      http.post(`${MOCK_BASE}/requests.json`, () =>
        n++ === 0
          ? HttpResponse.json([{ code: 429, description: 'Slow down' }], {
              status: 429,
              headers: { 'Retry-After': '2' },
            })
          : undefined,
      ),
    );
    const el = await mount();
    await fillReport(el, REPORT);
    submitButton(el).click();
    await waitFor(() => /busy\. Please wait 2 seconds/.test(alertText(el)), 'the wait said');
    expect(alertText(el)).to.contain('Your report was not sent.');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    submitButton(el).click();
    expect(posts(mock)).to.have.length(1);
    await waitFor(() => submitButton(el).getAttribute('aria-disabled') === 'false', 'Send usable again', 8000);
    expect(posts(mock)).to.have.length(1);
    submitButton(el).click();
    await waitFor(() => /reference number is/.test(regionText(el, 'status')), 'the confirmation');
    expect(posts(mock)).to.have.length(2);
    expect(mock.store.list()).to.have.length(1);
  });
});
