/**
 * The unfinished report survives a closed tab (issue #15): each tab keeps its own copy in localStorage (its own
 * draft stays in sessionStorage, for reloads and crashes), a closed tab's report is offered by the next tab, a
 * copy lasts a day, "Start again" removes it, and two open tabs never take or overwrite each other's.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { KEPT_FOR_MS } from '../../src/storage/kept-drafts';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { next, pickCategory, stepTitle } from '../helpers/report';

const storageKey = (el: CitizenPortal) =>
  (el.shadowRoot!.querySelector('citizen-portal-report') as unknown as { flow: { storageKey: string } }).flow
    .storageKey;

/** The draft key of this page's portal (the endpoint as the element resolves it). */
async function draftKey(): Promise<string> {
  const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
  await waitFor(() => el.shadowRoot!.querySelector('citizen-portal-report'), 'the form');
  const key = storageKey(el);
  fixtureCleanup();
  return key;
}

const mount = () => fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);

/** Every copy kept in localStorage for `key`, by tab id. */
const copies = (key: string) =>
  Object.fromEntries(
    Object.keys(localStorage)
      .filter((k) => k.startsWith(`${key}:kept:`))
      .map((k) => [k.slice(`${key}:kept:`.length), JSON.parse(localStorage.getItem(k)!)]),
  ) as Record<string, { at: number; draft: Record<string, unknown> }>;

const LEFT = {
  step: 'details',
  serviceCode: 'GRAFFITI_PUBLIC',
  address: '9 Canal St',
  description: 'Tags on the bridge',
  email: '',
};

describe('the unfinished report beyond its tab', () => {
  let key: string;
  // What a test leaves would be a closed tab's report to the next test file's page.
  afterEach(() => localStorage.clear());
  beforeEach(async () => {
    await useMockBackend();
    sessionStorage.clear();
    localStorage.clear();
    key = await draftKey();
    sessionStorage.clear();
    localStorage.clear();
  });

  it("offers a closed tab's report in the next tab, and Start again removes it", async () => {
    localStorage.setItem(`${key}:kept:closed1`, JSON.stringify({ at: Date.now() - 60_000, draft: LEFT }));
    const el = await mount();
    await waitFor(() => /We kept the report you started/.test(regionText(el, 'status')), 'the report offered');
    await waitFor(() => /Details/.test(stepTitle(el)), 'its step');
    expect(getByRole<HTMLTextAreaElement>(el, 'textbox', 'Description').value).to.equal('Tags on the bridge');
    expect(Object.keys(copies(key)), 'now this tab’s').to.have.length(1);
    expect(copies(key)['closed1']).to.equal(undefined);
    await expect(el).to.be.accessible();

    getByRole(el, 'button', 'Start again').click();
    await waitFor(() => /Step 1 of 4/.test(stepTitle(el)), 'the first step');
    await waitFor(() => Object.keys(copies(key)).length === 0, 'the copy gone');
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('forgets a report left more than a day ago', async () => {
    localStorage.setItem(`${key}:kept:old`, JSON.stringify({ at: Date.now() - KEPT_FOR_MS - 60_000, draft: LEFT }));
    const el = await mount();
    await waitFor(() => Object.keys(copies(key)).length === 0, 'the old copy gone');
    expect(regionText(el, 'status')).not.to.contain('We kept the report');
    expect(stepTitle(el)).to.match(/Step 1 of 4/);
  });

  it("never takes or overwrites another open tab's report, and keeps contact details only when asked to", async () => {
    // Another tab of the page, open: it holds its lock, as every open tab does.
    void navigator.locks.request(`${key}:tab:other`, () => new Promise<void>(() => {}));
    const theirs = { at: Date.now() - 1000, draft: { ...LEFT, description: 'Their words' } };
    localStorage.setItem(`${key}:kept:other`, JSON.stringify(theirs));

    const el = await mount();
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    type(getByRole(el, 'textbox', 'Address or place'), '1 Elm St');
    await next(el);
    type(getByRole(el, 'textbox', 'Description'), 'My words');
    type(getByRole(el, 'textbox', 'Email'), 'sam@example.com');
    const mine = await waitFor(
      () => Object.entries(copies(key)).find(([id, c]) => id !== 'other' && c.draft['description'] === 'My words'),
      'this tab’s own copy',
    );
    expect(queryAllByRole(el, 'status').some((s) => /We kept the report/.test(s.textContent!))).to.equal(false);
    expect(copies(key)['other']).to.deep.equal(theirs);
    expect(mine[1].draft['email'], 'not asked to remember').to.equal('');

    getByRole<HTMLInputElement>(el, 'checkbox', 'Remember my details on this device').click();
    await waitFor(() => copies(key)[mine[0]]!.draft['email'] === 'sam@example.com', 'kept once asked');
  });
});
