/**
 * A city's own backend, as small as the README's example: the element works with the four calls alone and
 * with the minimal fields that example returns.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import { BackendError, type Backend, type CitizenPortal } from '../../src/index';
import { getByRole, regionText, waitFor } from '../helpers/dom';
import { categoryInput, fillReport, submitAndWait } from '../helpers/report';

const filed: unknown[] = [];
const cityBackend = {
  services: async () => [
    { service_code: 'c-1', service_name: 'Broken bench', group: 'Parks', metadata: false, type: 'realtime' },
  ],
  serviceDefinition: async () => ({ attributes: [] }),
  submit: async (request: unknown) => (filed.push(request), { serviceRequestId: 'CASE-9', notice: 'Thanks!' }),
  request: async (id: string) => {
    if (id !== 'CASE-9') throw new BackendError('not-found', 'not found', { status: 404 });
    return {
      service_request_id: 'CASE-9',
      status: 'done',
      statusFamily: 'closed',
      status_notes: 'Bench replaced',
      media_urls: [],
    };
  },
} as unknown as Backend;

describe('a backend of the city\u2019s own', () => {
  it('files and looks up through the four calls', async () => {
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal .backend=${cityBackend}></citizen-portal>`);
    expect((await categoryInput(el)).value).to.equal('');
    await fillReport(el, { category: 'Broken bench', address: 'Riverside Park', description: 'Slats missing' });
    expect(await submitAndWait(el)).to.equal('CASE-9');
    expect(regionText(el, 'status')).to.contain('Thanks!');
    expect(filed).to.have.length(1);

    getByRole(el, 'button', 'Check the status of this report').click();
    const card = await waitFor(
      () => regionText(el, 'status').includes('Bench replaced') && regionText(el, 'status'),
      'status',
    );
    expect(card).to.contain('Closed (done)');
    await expect(el).to.be.accessible();
  });
});
