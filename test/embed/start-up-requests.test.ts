/**
 * The requests the built entry file makes for a <citizen-portal> already on the page (src/start.ts): the categories
 * once, taken by the form (never a second request), and asked for once the entry has evaluated, from a microtask,
 * not from the file's top-level code: Chromium takes the script stack of each request, and for a frame in a
 * module's top-level code it parses the whole 79 KB file again to find the line (11–15 ms at 4x CPU, issue #14).
 * The element is defined at the very end of that top-level code, so a request made before it is defined was made
 * from there. Loads dist/citizen-portal.js from the CDN origin, as a city does.
 */
import { expect } from '@open-wc/testing';
import { useMockBackend } from '../helpers/mock-backend';
import { getByRole, waitFor } from '../helpers/dom';
import { loadFromCdn } from '../helpers/cdn';

/** Each fetch() the page made: its URL, and whether <citizen-portal> was defined when it was made. */
const calls: Array<{ url: string; defined: boolean }> = [];

before(async () => {
  expect(customElements.get('citizen-portal'), 'nothing defined it before the script tag').to.equal(undefined);
  await useMockBackend();
  sessionStorage.clear();
  document.body.innerHTML = '<citizen-portal endpoint="/open311/v2" jurisdiction="demo.city"></citizen-portal>';
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: input instanceof Request ? input.url : String(input),
      defined: customElements.get('citizen-portal') !== undefined,
    });
    return original(input, init);
  };
  await loadFromCdn('/dist/citizen-portal.js');
});

describe('the built entry file, with a <citizen-portal> already on the page', () => {
  it('asks for the categories once, right after it has evaluated, and the form uses that answer', async () => {
    const el = document.querySelector('citizen-portal')!;
    const input = await waitFor(() => getByRole<HTMLInputElement>(el, 'combobox', 'Category'), 'the category field');
    await waitFor(() => input.getAttribute('aria-controls') && !input.closest('[aria-busy="true"]'), 'the list');
    const services = calls.filter((c) => new URL(c.url, location.href).pathname.endsWith('/services.json'));
    expect(services, 'one request for the categories').to.have.length(1);
    expect(services[0]!.url).to.contain('jurisdiction_id=demo.city');
    expect(services[0]!.defined, 'made after the entry had defined its element, not from its top-level code').to.equal(
      true,
    );
  });
});
