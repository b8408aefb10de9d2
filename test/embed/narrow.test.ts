/**
 * A 320 px wide widget (a phone, or a narrow sidebar) in every language (issue #13 §5): the tab bar stays one row
 * (a long tab name wraps inside its tab) and nothing scrolls sideways.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { queryAllByRole, waitFor } from '../helpers/dom';

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
});
