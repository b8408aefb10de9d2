/**
 * The category list with a big catalogue (issue #14): a keystroke renders the first rows only, the rest follow
 * while the browser is idle, up to the 100 the list shows; the status counts them all from the start, and the
 * arrow keys reach any of them at once (ArrowUp from the input: the last).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { Backend, CitizenPortal } from '../../src/index';
import { accessibleName, getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { categoryInput } from '../helpers/report';

const services = Array.from({ length: 600 }, (_, i) => ({
  service_code: `S${i}`,
  service_name: `Broken bench ${i}`,
  group: ['Parks', 'Streets', 'Water'][i % 3],
  metadata: false,
  type: 'realtime',
}));
const backend = {
  services: async () => services,
  serviceDefinition: async () => ({ attributes: [] }),
  submit: async () => ({ serviceRequestId: '1' }),
  request: async () => {
    throw new Error('not in this test');
  },
} as unknown as Backend;

const key = (input: HTMLElement, k: string) =>
  input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));

describe('the category list with 600 categories', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows the first matches with the keystroke, then all 100, counted from the start', async () => {
    const el = await fixture<CitizenPortal>(html`<citizen-portal .backend=${backend}></citizen-portal>`);
    const input = await categoryInput(el);
    input.focus();
    // Once the search is here (the first keystroke may wait for it):
    type(input, 'broken');
    await waitFor(() => queryAllByRole(el, 'option').length === 100, 'all 100 matches of "broken"');
    type(input, 'bench');
    const form = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(
      'citizen-portal-report',
    )!;
    await form.updateComplete;
    const first = queryAllByRole(el, 'option').length;
    expect(first).to.be.within(10, 99);
    expect(regionText(el, 'status')).to.contain('100');
    await waitFor(() => queryAllByRole(el, 'option').length === 100, 'all 100 matches of "bench"');
    const ids = queryAllByRole(el, 'option').map((o) => o.id);
    expect(new Set(ids).size).to.equal(100);
    expect(ids[99]).to.equal('option-99');
  });

  it('moves to the last match with ArrowUp before the rest has come, and chooses it', async () => {
    const el = await fixture<CitizenPortal>(html`<citizen-portal .backend=${backend}></citizen-portal>`);
    const input = await categoryInput(el);
    input.focus();
    type(input, 'bench');
    await waitFor(() => queryAllByRole(el, 'option').length, 'the first matches');
    key(input, 'ArrowUp');
    const active = await waitFor(() => {
      const id = input.getAttribute('aria-activedescendant');
      return id && queryAllByRole(el, 'option').find((o) => o.id === id);
    }, 'the active option, rendered');
    expect(active.id).to.equal('option-99');
    const name = accessibleName(active).replace(/ — .*$/, '');
    key(input, 'Enter');
    await waitFor(() => input.value === name, 'the last match chosen');
    expect(getByRole(el, 'combobox', 'Category').getAttribute('aria-expanded')).to.equal('false');
  });

  it('browses the groups progressively too, every option once, and stays accessible', async () => {
    const el = await fixture<CitizenPortal>(html`<citizen-portal .backend=${backend}></citizen-portal>`);
    const input = await categoryInput(el);
    input.focus();
    key(input, 'ArrowDown');
    const listbox = await waitFor(() => queryAllByRole(el, 'listbox', 'Category')[0], 'the list');
    await waitFor(() => queryAllByRole(listbox, 'option').length === 100, 'the first 100 categories');
    expect(queryAllByRole(listbox, 'group').map((g) => accessibleName(g))).to.deep.equal(['Parks', 'Streets', 'Water']);
    await expect(el).to.be.accessible();
  });
});
