/**
 * Contact details as a city configures them (required fields, anonymous reports), remembered on this device only
 * when the resident asks, and the confirmation (copy the number, kept in My requests). Issue #4.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { listMyRequests } from '../../src/storage/my-requests';
import { useMockBackend } from '../helpers/mock-backend';
import { getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { next, pickCategory, stepTitle, submitAndWait } from '../helpers/report';

const BASE = '/open311/v2';
const ENDPOINT = `${location.origin}${BASE}`;

async function toDetails(markup: ReturnType<typeof html>) {
  sessionStorage.clear();
  const el = await fixture<CitizenPortal>(markup);
  await pickCategory(el, 'Graffiti on Public Property');
  await next(el);
  type(getByRole(el, 'textbox', 'Address or place'), 'City Hall');
  await next(el);
  type(getByRole(el, 'textbox', 'Description'), 'Tags');
  return el;
}

const lastPost = async (requests: Request[]) =>
  new URLSearchParams(
    await requests
      .filter((r) => r.method === 'POST')
      .at(-1)!
      .clone()
      .text(),
  );

describe('contact details', () => {
  beforeEach(() => localStorage.clear());

  it('asks for what the city requires, and says so', async () => {
    await useMockBackend();
    const el = await toDetails(html`<citizen-portal endpoint=${BASE} required-contact="email name"></citizen-portal>`);
    const email = getByRole<HTMLInputElement>(el, 'textbox', 'Email');
    expect(email.getAttribute('aria-required')).to.equal('true');
    expect(getByRole(el, 'textbox', 'Phone').getAttribute('aria-required')).to.equal(null);
    getByRole(el, 'button', 'Continue').click();
    const alert = await waitFor(() => regionText(el, 'alert'), 'the summary');
    expect(alert).to.contain('Enter your email address.');
    expect(alert).to.contain('Enter your first name.');
    expect(alert).to.contain('Enter your last name.');
    expect(alert).not.to.contain('phone');
    await expect(el).to.be.accessible();
  });

  it('lets a resident report anonymously where the city allows it, sending no contact details', async () => {
    const mock = await useMockBackend();
    const el = await toDetails(
      html`<citizen-portal endpoint=${BASE} required-contact="email" allow-anonymous></citizen-portal>`,
    );
    type(getByRole(el, 'textbox', 'Email'), 'kim@example.com');
    getByRole(el, 'checkbox', /Report anonymously/).click();
    await waitFor(
      () => getByRole(el, 'textbox', 'Email', { includeHidden: true }).closest('[hidden]'),
      'the contact fields hidden',
    );
    await next(el); // the required email no longer blocks
    await submitAndWait(el);
    const body = await lastPost(mock.requests);
    expect(body.has('email')).to.equal(false);
    expect(body.get('description')).to.equal('Tags');
  });

  it('offers no anonymous reports unless the city allows them', async () => {
    await useMockBackend();
    const el = await toDetails(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    expect(queryAllByRole(el, 'checkbox', /Report anonymously/)).to.have.length(0);
  });

  it('remembers the details on this device only when asked, and forgets them when unticked', async () => {
    await useMockBackend();
    const el = await toDetails(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    type(getByRole(el, 'textbox', 'Email'), 'lee@example.com');
    type(getByRole(el, 'textbox', 'First name'), 'Lee');
    await next(el);
    await submitAndWait(el);
    expect(Object.keys(localStorage).filter((k) => k.includes(':contact:'))).to.have.length(0);

    // Next report: nothing filled in; this time the resident ticks "Remember".
    getByRole(el, 'button', 'Report another problem').click();
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    type(getByRole(el, 'textbox', 'Address or place'), 'Library');
    await next(el);
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Email').value, 'kept for the next report').to.equal(
      'lee@example.com',
    );
    type(getByRole(el, 'textbox', 'Description'), 'More tags');
    getByRole(el, 'checkbox', 'Remember my details on this device').click();
    await next(el);
    await submitAndWait(el);

    // A new visit (new element, empty session): the details come back, with "Remember" ticked.
    const later = await toDetails(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    expect(getByRole<HTMLInputElement>(later, 'textbox', 'Email').value).to.equal('lee@example.com');
    expect(getByRole<HTMLInputElement>(later, 'textbox', 'First name').value).to.equal('Lee');
    const remember = getByRole<HTMLInputElement>(later, 'checkbox', 'Remember my details on this device');
    expect(remember.checked).to.equal(true);
    remember.click();
    await next(later);
    await submitAndWait(later);
    expect(Object.keys(localStorage).filter((k) => k.includes(':contact:'))).to.have.length(0);
  });
});

describe('the confirmation', () => {
  beforeEach(() => localStorage.clear());

  it('copies the reference number and keeps the request in My requests', async () => {
    await useMockBackend();
    const el = await toDetails(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    await next(el);
    expect(stepTitle(el)).to.equal('Step 4 of 4: Check and send');
    const id = await submitAndWait(el);
    let copied = '';
    const original = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (text: string) => void (copied = text);
    try {
      getByRole(el, 'button', 'Copy the reference number').click();
      await waitFor(() => regionText(el, 'status').includes('Copied.'), 'the confirmation that it was copied');
      expect(copied).to.equal(id);
    } finally {
      navigator.clipboard.writeText = original;
    }
    // A link that opens this report's status on this page, to keep or share.
    const link = getByRole<HTMLInputElement>(el, 'textbox', 'Link to this request');
    expect(link.value).to.equal(`${location.href.split('#')[0]}#cp-request=${encodeURIComponent(id)}`);
    const mine = listMyRequests(`citizen-portal:my-requests:${ENDPOINT}`);
    expect(mine.map((r) => r.id)).to.deep.equal([id]);
    expect(mine[0]).to.deep.include({ serviceName: 'Graffiti on Public Property', address: 'City Hall' });
    await expect(el).to.be.accessible();
  });
});
