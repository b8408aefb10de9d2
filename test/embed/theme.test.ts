/**
 * Light and dark (issue #7): the widget follows the page's color-scheme, or its own `theme`, and stays readable
 * (axe checks contrast) in both.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend, MOCK_BASE } from '../helpers/mock-backend';
import { getByRole, regionText, type, waitFor } from '../helpers/dom';
import { categoryInput } from '../helpers/report';

/** Relative luminance (0 black … 1 white) of a computed rgb()/rgba() colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const fieldBackground = async (el: Element) => luminance(getComputedStyle(await categoryInput(el)).backgroundColor);

describe('light and dark', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('is light on a light page and dark on a page that declares a dark color-scheme', async () => {
    await useMockBackend();
    const light = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    expect(await fieldBackground(light)).to.be.greaterThan(0.8);
    const page = await fixture<HTMLElement>(html`
      <div style="color-scheme: dark; background: #121212; color: #eee; padding: 1rem">
        <citizen-portal endpoint=${MOCK_BASE}></citizen-portal>
      </div>
    `);
    const dark = page.querySelector('citizen-portal')!;
    expect(await fieldBackground(dark)).to.be.lessThan(0.2);
    // Its own text colour is the page's; the widget paints no background of its own.
    expect(getComputedStyle(dark).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    await expect(page).to.be.accessible();
  });

  it('theme="dark" paints a dark widget on a light page, readable', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} theme="dark"></citizen-portal>`);
    expect(await fieldBackground(el)).to.be.lessThan(0.2);
    expect(luminance(getComputedStyle(el).backgroundColor)).to.be.lessThan(0.1);
    expect(luminance(getComputedStyle(el).color)).to.be.greaterThan(0.8);
    await expect(el).to.be.accessible();
    // The tracker's card and badges, dark too.
    getByRole(el, 'tab', 'Check status').click();
    type(await waitFor(() => getByRole(el, 'textbox', 'Reference number'), 'the tracker'), '101');
    getByRole(el, 'button', 'Check status').click();
    await waitFor(() => regionText(el, 'status').includes('Request 101'), 'the card');
    await expect(el).to.be.accessible();
  });

  it('theme="light" stays light on a dark page', async () => {
    await useMockBackend();
    const page = await fixture<HTMLElement>(html`
      <div style="color-scheme: dark; background: #121212; color: #eee">
        <citizen-portal endpoint=${MOCK_BASE} theme="light"></citizen-portal>
      </div>
    `);
    const el = page.querySelector('citizen-portal')!;
    expect(await fieldBackground(el)).to.be.greaterThan(0.8);
    expect(luminance(getComputedStyle(el).color)).to.be.lessThan(0.1);
    await expect(page).to.be.accessible();
  });

  it('theme="auto" follows the device', async () => {
    await useMockBackend();
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} theme="auto"></citizen-portal>`);
    const input = await categoryInput(el);
    expect(luminance(getComputedStyle(input).backgroundColor)).to.be.lessThan(0.2);
    await emulateMedia({ colorScheme: 'light' });
    await waitFor(() => luminance(getComputedStyle(input).backgroundColor) > 0.8, 'light again');
  });

  it('--cp-density makes it compact, with touch targets still at least 24px', async () => {
    await useMockBackend();
    const roomy = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await categoryInput(roomy);
    const height = (el: Element) => getByRole(el, 'button', 'Continue').getBoundingClientRect().height;
    const compact = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${MOCK_BASE} style="--cp-density: 0.6"></citizen-portal>`,
    );
    await categoryInput(compact);
    expect(height(compact)).to.be.lessThan(height(roomy));
    expect(height(compact)).to.be.at.least(24);
    expect((await categoryInput(compact)).getBoundingClientRect().height).to.be.at.least(24);
    await expect(compact).to.be.accessible();
  });

  it('names a theme it does not know in the console, and follows the page meanwhile (a typo must not stop the form)', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await fixture<CitizenPortal>(
        html`<citizen-portal endpoint=${MOCK_BASE} theme="blue"></citizen-portal>`,
      );
      await categoryInput(el);
      await waitFor(
        () => errors.join('\n').includes('"theme" attribute must be "light", "dark" or "auto" (got "blue")'),
        'the console',
      );
      expect(regionText(el, 'alert')).to.equal('');
    } finally {
      console.error = original;
    }
  });
});
