/**
 * Two portals on one page (a city and its county, say): each keeps its own ids, draft and focus. Issue #7.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend } from '../helpers/mock-backend';
import { getByRole, type, waitFor } from '../helpers/dom';
import { categoryInput, next, pickCategory, stepTitle } from '../helpers/report';

describe('two portals on one page', () => {
  it('work side by side without sharing drafts, ids or focus', async () => {
    const mock = await useMockBackend();
    // The second portal's server: the same catalogue under another path.
    mock.worker.use(
      http.get('/county/v2/services.json', () =>
        HttpResponse.json([
          { service_code: 'ROAD', service_name: 'County road damage', metadata: false, type: 'realtime' },
        ]),
      ),
    );
    sessionStorage.clear();
    const page = await fixture<HTMLElement>(
      html`<div>
        <citizen-portal id="city" endpoint="/open311/v2"></citizen-portal>
        <citizen-portal id="county" endpoint="/county/v2"></citizen-portal>
      </div>`,
    );
    const [city, county] = [...page.querySelectorAll<CitizenPortal>('citizen-portal')] as [
      CitizenPortal,
      CitizenPortal,
    ];
    await pickCategory(city, 'Pothole');
    await pickCategory(county, 'County road damage');
    await next(city);
    expect(stepTitle(city)).to.equal('Step 2 of 4: Location');
    expect(stepTitle(county)).to.equal('Step 1 of 4: The problem');
    type(getByRole(city, 'textbox', 'Address or place'), 'City Hall');
    // Each keeps its own unfinished report (beside it, a portal may have noted its tab's id, `…:tab`, once it
    // keeps a copy for other tabs: that is not a draft).
    const drafts = Object.keys(sessionStorage).filter(
      (k) => k.startsWith('citizen-portal:draft:') && !/:(tab|unsure)$/.test(k),
    );
    expect(drafts.length).to.equal(2);
    // Focus moved inside the city portal only.
    expect(document.activeElement).to.equal(city);
    expect((await categoryInput(county)).value).to.equal('County road damage');
    await expect(page).to.be.accessible();
  });
});
