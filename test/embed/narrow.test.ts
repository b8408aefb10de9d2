/**
 * A 320 px wide widget (a phone, or a narrow sidebar) in every language (issue #13 §5): the tab bar stays one row
 * (a long tab name wraps inside its tab) and nothing scrolls sideways.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { getByRole, queryAllByRole, type, waitFor } from '../helpers/dom';
import { next, pickCategory, submitAndWait } from '../helpers/report';

describe('320 px wide', () => {
  for (const lang of ['en', 'es', 'fr', 'zh', 'vi', 'ar']) {
    it(`keeps the tab bar on one row, in ${lang}`, async () => {
      await useMockBackend();
      const frame = await fixture<HTMLElement>(
        html`<div style="width: 320px"><citizen-portal endpoint=${MOCK_BASE} lang=${lang}></citizen-portal></div>`,
      );
      const el = frame.querySelector<CitizenPortal>('citizen-portal')!;
      const tabs = await waitFor(
        () => (queryAllByRole(el, 'tab').length === 2 ? queryAllByRole(el, 'tab') : undefined),
        'the tabs',
      );
      const [a, b] = tabs.map((t) => t.getBoundingClientRect());
      expect(Math.abs(a!.top - b!.top), 'one row').to.be.below(1);
      const bar = tabs[0]!.parentElement!;
      expect(bar.scrollWidth, 'no sideways scroll').to.be.at.most(bar.clientWidth);
      expect(el.scrollWidth).to.be.at.most(320);
    });
  }

  it('keeps each of My requests on one row with its ×', async () => {
    sessionStorage.clear();
    localStorage.clear();
    await useMockBackend();
    const frame = await fixture<HTMLElement>(
      html`<div style="width: 320px"><citizen-portal endpoint=${MOCK_BASE} lang="en"></citizen-portal></div>`,
    );
    const el = frame.querySelector<CitizenPortal>('citizen-portal')!;
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    type(getByRole(el, 'textbox', 'Address or place'), 'Town hall steps');
    await next(el);
    type(getByRole(el, 'textbox', 'Description'), 'Tags');
    await next(el);
    await submitAndWait(el);
    queryAllByRole(el, 'tab')[1]!.click();
    const remove = await waitFor(() => queryAllByRole(el, 'button', /^Remove request/)[0], 'the × of the request');
    const row = remove.parentElement!;
    const [request] = [...row.children].map((c) => c.getBoundingClientRect());
    const x = remove.getBoundingClientRect();
    expect(Math.abs(x.top + x.height / 2 - (request!.top + request!.height / 2)), 'beside its request').to.be.below(2);
    expect(row.scrollWidth).to.be.at.most(row.clientWidth);
  });
});
