/**
 * "Is it one of these?": open reports of the same category near the chosen spot, to follow instead of filing a
 * duplicate. Works from typed coordinates, with or without a map. Issue #5.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { listMyRequests } from '../../src/storage/my-requests';
import { useMockBackend } from '../helpers/mock-backend';
import { deepQuery, getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { next, pickCategory } from '../helpers/report';

const BASE = '/open311/v2';

async function atPothole101(lat: string, long: string) {
  sessionStorage.clear();
  localStorage.clear();
  const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
  await pickCategory(el, 'Pothole');
  await next(el);
  type(getByRole(el, 'textbox', 'Latitude'), lat);
  type(getByRole(el, 'textbox', 'Longitude'), long);
  return el;
}

describe('reports already made nearby', () => {
  it('lists the open report of the same category at that spot, and follows it instead', async () => {
    const mock = await useMockBackend();
    const el = await atPothole101('41.5042', '-90.4969'); // request 101 is at 41.5041, -90.4968
    const section = await waitFor(() => getByRole(el, 'heading', /already reported/), 'the nearby reports');
    expect(section.textContent).to.contain('Is it this one?');
    const list = deepQuery(el, '[part=nearby]')!;
    expect(list.textContent).to.contain('1420 Maple Ridge Ave');
    expect(list.textContent).to.match(/\d+ m away/);
    const asked = mock.requests.find((r) => /\/requests\.json\?/.test(r.url))!;
    const query = new URL(asked.url).searchParams;
    expect(query.get('service_code')).to.equal('POTHOLE');
    expect(query.get('status')).to.equal('open');
    await expect(el).to.be.accessible();

    getByRole(el, 'button', 'Follow this report instead (101)').click();
    await waitFor(() => regionText(el, 'status').includes('Request 101'), 'the status of 101');
    expect(getByRole(el, 'tab', 'Check status').getAttribute('aria-selected')).to.equal('true');
    expect(listMyRequests(`citizen-portal:my-requests:${location.origin}${BASE}`).map((r) => r.id)).to.deep.equal([
      '101',
    ]);
  });

  it('shows nothing for a spot far from any report', async () => {
    await useMockBackend();
    const el = await atPothole101('41.49', '-90.51');
    await new Promise((r) => setTimeout(r, 300));
    expect(queryAllByRole(el, 'heading', /already reported/)).to.have.length(0);
  });
});
