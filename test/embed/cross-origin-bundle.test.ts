/**
 * The product is the script tag: this page never imports src/. It loads the BUILT dist/citizen-portal.js from
 * another origin (a second local server standing in for a CDN), the way a city embeds it, and checks that the
 * element works and that its lazy chunk is fetched from the CDN, relative to the module, not to the page.
 */
import { expect } from '@open-wc/testing';
import { useMockBackend } from '../helpers/mock-backend';
import { getByRole, regionText, type, waitFor } from '../helpers/dom';
import { CDN_ORIGIN, loadFromCdn } from '../helpers/cdn';

// The test harness alone loads hundreds of modules; the default buffer (250 entries) would drop ours.
performance.setResourceTimingBufferSize(100_000);

before(async () => {
  expect(customElements.get('citizen-portal'), 'nothing defined it before the script tag').to.equal(undefined);
  expect(new URL(CDN_ORIGIN).origin).not.to.equal(location.origin);
  await loadFromCdn('/dist/citizen-portal.js');
  await customElements.whenDefined('citizen-portal');
});

describe('dist/citizen-portal.js loaded from another origin', () => {
  it('defines <citizen-portal>, which loads the categories from the page-relative endpoint', async () => {
    await useMockBackend();
    document.body.innerHTML = '<citizen-portal endpoint="/open311/v2" jurisdiction="demo.city"></citizen-portal>';
    const el = document.querySelector('citizen-portal')!;
    await waitFor(() => getByRole(el, 'combobox', 'Category'), 'categories');
    await expect(el).to.be.accessible();
  });

  it('fetches the status view chunk from the CDN, next to the entry', async () => {
    await useMockBackend();
    document.body.innerHTML = '<citizen-portal endpoint="/open311/v2"></citizen-portal>';
    const el = document.querySelector('citizen-portal')!;
    (await waitFor(() => getByRole(el, 'tab', 'Check status'), 'the tabs')).click();
    type(await waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Reference number'), 'status view'), '102');
    getByRole(el, 'button', 'Check status').click();
    await waitFor(() => regionText(el, 'status').includes('Request 102'), 'the status card');
    const chunks = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /status-view/.test(n));
    expect(chunks).to.have.length(1);
    expect(chunks[0]!.startsWith(`${CDN_ORIGIN}/dist/chunks/`)).to.equal(true);
  });

  it('mounts itself where a script tag with data- attributes stands (for CMSs that strip unknown tags)', async () => {
    await useMockBackend();
    sessionStorage.clear();
    // Another URL of the same bundle: the browser runs it as a module of its own, which finds its script tag.
    document.body.replaceChildren();
    const script = await loadFromCdn('/dist/citizen-portal.js?tag', {
      data: { endpoint: '/open311/v2', view: 'report' },
      parent: document.body,
    });
    const el = await waitFor(() => document.querySelector('citizen-portal'), 'the portal');
    expect(el.previousElementSibling).to.equal(script);
    await waitFor(() => getByRole(el, 'combobox', 'Category'), 'categories');
  });
});
