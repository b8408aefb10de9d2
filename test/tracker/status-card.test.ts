/**
 * The tracker's card as a resident hears and reads it (issue #13 §4): only what changed is announced, not the whole
 * card; a closed request expects nothing; the server's status word is shown only when it says more than the
 * family in the resident's language.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import type { ServiceRequest } from '../../src/backend/types';
import { useMockBackend } from '../helpers/mock-backend';
import { deepElements, getByRole, regionText, type, waitFor } from '../helpers/dom';
import { statusText } from '../../src/elements/status-card';
import { messages as enLater } from '../../src/i18n/en.later';
import { messages as arLater } from '../../src/i18n/ar.later';
import { messages as frLater } from '../../src/i18n/fr.later';
import type { LaterMessages, Messages } from '../../src/i18n/messages';

const BASE = '/open311/v2';

/**
 * What the live regions would say: the text of every role=status / role=alert / aria-live region, without the
 * parts a screen reader leaves out of the announcement (aria-live=off inside, hidden).
 */
function liveText(root: Element): string {
  const live = (el: Element) =>
    ['status', 'alert', 'log'].includes(el.getAttribute('role') ?? '') ||
    ['polite', 'assertive'].includes(el.getAttribute('aria-live') ?? '');
  const said = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element)) return '';
    if (node.getAttribute('aria-live') === 'off' || node.hasAttribute('hidden')) return '';
    return [...node.childNodes].map(said).join(' ');
  };
  const regions = [...deepElements(root)].filter(live);
  // A region inside another is said by the outer one.
  const outer = regions.filter((r) => !regions.some((o) => o !== r && o.contains(r)));
  return outer
    .map(said)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' | ');
}

async function mount(): Promise<CitizenPortal> {
  sessionStorage.clear();
  localStorage.clear();
  return fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
}

async function lookUp(el: CitizenPortal, id: string): Promise<HTMLElement> {
  getByRole(el, 'tab', 'Check status').click();
  type(await waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Reference number'), 'the field'), id);
  getByRole(el, 'button', 'Check status').click();
  return waitFor(() => getByRole(el, 'heading', `Request ${id}`).closest('article'), `the card of ${id}`);
}

const request = (over: Partial<ServiceRequest> & Record<string, unknown>) => ({
  service_request_id: '101',
  status: 'open',
  service_name: 'Pothole',
  requested_datetime: new Date(Date.now() - 3 * 86_400_000).toISOString(),
  ...over,
});

describe('the status card: announced by what changed, not as one block', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('a lookup says one sentence, the request and its status; the card itself is not live', async () => {
    await useMockBackend();
    const el = await mount();
    const card = await lookUp(el, '101');
    // The card is on screen with all its words…
    expect(card.textContent).to.contain('1420 Maple Ridge Ave');
    expect(card.textContent).to.contain('What happened so far');
    // …but the live regions say only this (the whole card used to be inside the status region).
    await waitFor(() => liveText(el) === 'Request 101: Open.', 'the sentence');
    expect(liveText(el)).to.equal('Request 101: Open.');
  });

  it('a refresh that finds a new status says only the change', async () => {
    const mock = await useMockBackend();
    const el = await mount();
    await lookUp(el, '101');
    mock.worker.use(
      http.get(`${BASE}/requests/101.json`, () =>
        HttpResponse.json([request({ status: 'closed', status_notes: 'Filled with asphalt.' })]),
      ),
    );
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => regionText(el, 'status').includes('Filled with asphalt.'), 'the new card');
    expect(liveText(el)).to.equal('The status of request 101 changed: Closed.');
  });

  it('says the status found again when the same number is looked up again', async () => {
    await useMockBackend();
    const el = await mount();
    await lookUp(el, '102');
    await waitFor(() => liveText(el) === 'Request 102: Closed.', 'the first sentence');
    const view = el.shadowRoot!.querySelector('citizen-portal-status')!;
    const region = view.shadowRoot!.querySelector('.visually-hidden[role=status]')!;
    const seen: string[] = [];
    new MutationObserver(() => seen.push(region.textContent!.trim())).observe(region, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    getByRole(el, 'button', 'Check status').click();
    await waitFor(() => seen.at(-1) === 'Request 102: Closed.', 'the sentence again');
    // Cleared while it looks, so the same sentence is a change a screen reader hears again.
    expect(seen).to.deep.equal(['', 'Request 102: Closed.']);
  });
});

describe('the status card: what it shows', () => {
  it('a closed request has no "Expected" date; an open one has', async () => {
    const mock = await useMockBackend();
    const el = await mount();
    const expected = new Date(Date.now() + 3 * 86_400_000).toISOString();
    mock.worker.use(
      http.get(`${BASE}/requests/201.json`, () =>
        HttpResponse.json([request({ service_request_id: '201', status: 'closed', expected_datetime: expected })]),
      ),
      http.get(`${BASE}/requests/202.json`, () =>
        HttpResponse.json([request({ service_request_id: '202', status: 'open', expected_datetime: expected })]),
      ),
    );
    const closed = await lookUp(el, '201');
    expect(closed.textContent).to.contain('Reported');
    expect(closed.textContent).not.to.contain('Expected');
    expect(closed.textContent).not.to.match(/in 3 days/);
    const open = await lookUp(el, '202');
    expect(open.textContent).to.contain('Expected');
    expect(open.textContent).to.match(/in 3 days/);
  });

  it('shows the place in words without an address: its coordinates', async () => {
    const mock = await useMockBackend();
    const el = await mount();
    mock.worker.use(
      http.get(`${BASE}/requests/203.json`, () =>
        HttpResponse.json([request({ service_request_id: '203', lat: 41.50412, long: -90.49681 })]),
      ),
    );
    const card = await lookUp(el, '203');
    expect(card.textContent).to.match(/Location\s*41\.50412, -90\.49681/);
  });
});

describe('statusText: the server’s word only when it adds information', () => {
  const words = (later: LaterMessages) => later as Messages & LaterMessages;
  const r = (status: string, statusFamily: ServiceRequest['statusFamily']) =>
    ({ service_request_id: '1', status, statusFamily }) as ServiceRequest;

  it('never appends GeoReport v2’s own words to their translation', () => {
    expect(statusText(words(arLater), r('open', 'open'))).to.equal('مفتوح');
    expect(statusText(words(arLater), r('closed', 'closed'))).to.equal('مغلق');
    expect(statusText(words(frLater), r('OPEN', 'open'))).to.equal(frLater.statusFamily.open);
    expect(statusText(words(enLater), r('in_progress', 'in-progress'))).to.equal('In progress');
    expect(statusText(words(arLater), r('In-Progress', 'in-progress'))).to.equal('قيد المعالجة');
  });

  it('keeps a word that says more: why it was closed, what stage it is at', () => {
    expect(statusText(words(enLater), r('duplicate', 'closed'))).to.equal('Closed (duplicate)');
    expect(statusText(words(arLater), r('not responsible', 'closed'))).to.equal('مغلق (not responsible)');
    expect(statusText(words(enLater), r('investigating', 'in-progress'))).to.equal('In progress (investigating)');
  });
});
