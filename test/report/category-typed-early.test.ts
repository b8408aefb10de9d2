/**
 * Typing into the open category list before the search has arrived (a fast resident, a slow connection): the list
 * closes while the search loads, then shows the matches — it used to stay closed until the next keystroke.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend, MOCK_BASE } from '../helpers/mock-backend';
import { accessibleName, getByRole, queryAllByRole, type, waitFor } from '../helpers/dom';

describe('typed into the open list before the search arrived', () => {
  it('shows the matches once the search comes', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} lang="es"></citizen-portal>`);
    const input = await waitFor(() => queryAllByRole(el, 'combobox')[0] as HTMLInputElement | undefined, 'the field');
    input.click();
    await waitFor(() => getByRole(el, 'group', 'Streets & Sidewalks'), 'the list, by group');
    type(input, 'bache');
    // The matches (one), not the list that was open: the field says the list is open again.
    await waitFor(() => {
      const options = queryAllByRole(el, 'option').map(accessibleName);
      return (
        input.getAttribute('aria-expanded') === 'true' && options.length === 1 && options[0]!.startsWith('Pothole')
      );
    }, 'Pothole alone, found by its Spanish word, in the list open again');
    expect(getByRole(el, 'listbox').matches(':popover-open')).to.equal(true);
  });
});
