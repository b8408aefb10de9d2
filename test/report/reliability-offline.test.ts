/**
 * Offline at Send (issue #15): nothing is sent (no POST that could half go), the report stays on the device and
 * says so; back online, the widget says the report is ready, and the resident's Submit files it, once.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { deepQuery, getByRole, regionText, waitFor } from '../helpers/dom';
import { fillReport, submitAndWait } from '../helpers/report';

const myRequests = (el: Element) => deepQuery(el, '.my-requests')?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('offline at Send', () => {
  let online = true;
  before(() => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online }));
  after(() => delete (navigator as { onLine?: boolean }).onLine);
  beforeEach(() => {
    online = true;
    sessionStorage.clear();
  });

  it('keeps the report, says so, and sends it once when the resident presses Submit back online', async () => {
    const mock = await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await fillReport(el, { category: 'Graffiti on Public Property', address: '9 Canal St', description: 'Tags' });
    const posts = () => mock.requests.filter((r) => r.method === 'POST');

    online = false;
    dispatchEvent(new Event('offline'));
    getByRole(el, 'button', 'Submit').click();
    await waitFor(() => regionText(el, 'alert').includes('You are offline'), 'the offline sentence');
    expect(regionText(el, 'alert')).to.contain('It is kept on this device');
    expect(posts(), 'nothing sent offline').to.have.length(0);
    // Reloaded while offline, the report is still there (the tab's draft).
    expect(sessionStorage.length).to.be.greaterThan(0);
    // My requests shows it waiting to send.
    getByRole(el, 'tab', 'Check status').click();
    await waitFor(() => /Graffiti on Public Property · 9 Canal St · Waiting to send/.test(myRequests(el)), 'waiting');
    getByRole(el, 'tab', 'Report a problem').click();

    online = true;
    dispatchEvent(new Event('online'));
    await waitFor(() => regionText(el, 'alert').includes('You are back online'), 'the back-online sentence');
    expect(posts(), 'not sent before the resident says so').to.have.length(0);
    const id = await submitAndWait(el);
    expect(posts()).to.have.length(1);
    getByRole(el, 'tab', 'Check status').click();
    await waitFor(() => myRequests(el).includes(`Request ${id}`), 'the request filed, in My requests');
    expect(myRequests(el)).to.not.contain('Waiting to send');
  });
});
