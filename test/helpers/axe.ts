/**
 * axe in each theme and direction (issue #16): the element is switched in place to light, dark and forced colours,
 * English and Arabic (right to left), checked each time, then put back in English and light.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CitizenPortal } from '../../src/index';
import { waitFor } from './dom';

const VARIANTS = [
  ['light', 'en'],
  ['dark', 'en'],
  ['light', 'ar'],
  ['dark', 'ar'],
] as const;

const busy = (el: CitizenPortal) =>
  el.shadowRoot!.querySelector('citizen-portal-report')?.shadowRoot?.querySelector('[aria-busy="true"]');

/** Runs axe on the element in each theme and language, then puts it back in English and light. */
export async function checkEverywhere(el: CitizenPortal, state: string): Promise<void> {
  for (const [theme, lang] of VARIANTS) {
    el.setAttribute('theme', theme);
    el.setAttribute('lang', lang);
    await waitFor(
      () => el.shadowRoot!.querySelector(`[lang="${lang}"]:not(.placeholder)`) && !busy(el),
      `${state}: ${lang}, ${theme}`,
    );
    await el.updateComplete;
    try {
      await expect(el).to.be.accessible();
    } catch (e) {
      throw new Error(`${state} (${theme}, ${lang}): ${(e as Error).message}`);
    }
  }
  // Forced colours (Windows high contrast), both directions. axe's color-contrast is off there: it reads
  // -webkit-text-fill-color, which Chromium reports unforced while painting the forced colour (see the e2e test).
  el.setAttribute('theme', 'light');
  await executeServerCommand('forced-colors', true);
  try {
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
    for (const lang of ['ar', 'en']) {
      el.setAttribute('lang', lang);
      await waitFor(
        () => el.shadowRoot!.querySelector(`[lang="${lang}"]:not(.placeholder)`) && !busy(el),
        `${state}: ${lang}, forced colours`,
      );
      await el.updateComplete;
      try {
        await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
      } catch (e) {
        throw new Error(`${state} (forced colours, ${lang}): ${(e as Error).message}`);
      }
    }
  } finally {
    await executeServerCommand('forced-colors', false);
  }
  await waitFor(() => el.shadowRoot!.querySelector('[lang="en"]:not(.placeholder)'), `${state}: back in English`);
  // After switching back: the report is ready again (its categories reloaded in English).
  await waitFor(() => !busy(el), 'the report ready');
}

/** For a passing state (something in flight, a list open): axe in light and dark, in the language shown. */
export async function checkThemes(el: CitizenPortal, state: string): Promise<void> {
  for (const theme of ['light', 'dark']) {
    el.setAttribute('theme', theme);
    await el.updateComplete;
    try {
      await expect(el).to.be.accessible();
    } catch (e) {
      throw new Error(`${state} (${theme}): ${(e as Error).message}`);
    }
  }
  el.setAttribute('theme', 'light');
}
