/**
 * A first visit does not pay for sessionStorage before its first screen (issue #14: its first touch blocks the page
 * for about 3 ms at 4x CPU, and on a first visit there is nothing in it). The form looks for this tab's unfinished
 * report at once only when one may be there (a reload, back or forward, a form on this page before); otherwise when
 * idle, after the first screen. A report found then is restored where the resident left it, without taking focus.
 *
 * The first test needs a page whose widget has not touched sessionStorage yet: it stays first in its own file.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { draftLikely } from '../../src/storage/draft-store';
import { MOCK_BASE, MOCK_DRAFT_KEY, useMockBackend } from '../helpers/mock-backend';
import { deepQuery, queryAllByRole, regionText, waitFor } from '../helpers/dom';
import { stepTitle } from '../helpers/report';

const LEFT = {
  step: 'details',
  serviceCode: 'GRAFFITI_PUBLIC',
  address: '9 Canal St',
  description: 'Tags on the bridge',
};

const mount = () => fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
const flowOf = (el: CitizenPortal) =>
  (el.shadowRoot!.querySelector('citizen-portal-report') as unknown as { flow: { storageKey: string } }).flow;

const getItem = Storage.prototype.getItem;
/** For each read of the kept draft: was the first screen (its category field) drawn by then? */
function watchReads(): boolean[] {
  const drawn: boolean[] = [];
  Storage.prototype.getItem = function (this: Storage, key: string) {
    if (key === MOCK_DRAFT_KEY) drawn.push(!!deepQuery(document, '#category'));
    return getItem.call(this, key);
  };
  return drawn;
}

describe('a report kept in the tab, on a page opened by a link', () => {
  beforeEach(() => useMockBackend());
  afterEach(() => {
    Storage.prototype.getItem = getItem;
    fixtureCleanup();
    document.querySelector('#site-search')?.remove();
  });

  it('is restored after the first screen is drawn, where the resident left it, and focus stays on the page', async () => {
    expect(draftLikely(), 'a fresh page, opened by a link, whose widget has not used the tab’s storage').to.equal(
      false,
    );
    sessionStorage.setItem(MOCK_DRAFT_KEY, JSON.stringify(LEFT));
    const drawnAtRead = watchReads();
    const search = Object.assign(document.createElement('input'), { id: 'site-search', ariaLabel: 'Search the site' });
    document.body.append(search);
    search.focus();

    const el = await mount();
    expect(flowOf(el).storageKey).to.equal(MOCK_DRAFT_KEY);
    await waitFor(() => /Details/.test(stepTitle(el)), 'the kept report, on its step');
    expect(drawnAtRead, 'read once, after the first screen').to.deep.equal([true]);
    const description = await waitFor(
      () => queryAllByRole(el, 'textbox', 'Description')[0] as HTMLTextAreaElement | undefined,
      'its fields',
    );
    expect(description.value).to.equal('Tags on the bridge');
    await waitFor(() => /We kept the report you started/.test(regionText(el, 'status')), 'said');
    expect(document.activeElement === search, 'focus not taken from the page').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is there from the first screen once this page has had a form (a single-page site)', async () => {
    expect(draftLikely()).to.equal(true);
    sessionStorage.setItem(MOCK_DRAFT_KEY, JSON.stringify(LEFT));
    const drawnAtRead = watchReads();
    const el = await mount();
    expect(drawnAtRead, 'read before the first screen').to.deep.equal([false]);
    await waitFor(() => /Details/.test(stepTitle(el)), 'the kept report, on its step');
  });
});
