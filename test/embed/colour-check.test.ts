/**
 * A city's own colours (issue #16): a pair residents would struggle to read gets a console warning naming the
 * setting, its contrast and the minimum; our defaults and good colours get none.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { checkColours, contrast } from '../../src/elements/colour-check';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { waitFor } from '../helpers/dom';
import { categoryInput } from '../helpers/report';

async function portal(style: string) {
  await useMockBackend();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`.city citizen-portal { ${style} }`);
  document.adoptedStyleSheets = [sheet];
  const frame = await fixture<HTMLElement>(
    html`<div class="city" style="background: #ffffff"><citizen-portal endpoint=${MOCK_BASE}></citizen-portal></div>`,
  );
  const el = frame.querySelector<CitizenPortal>('citizen-portal')!;
  await categoryInput(el);
  return el;
}

describe("the city's colours", () => {
  afterEach(() => (document.adoptedStyleSheets = []));

  it('computes WCAG contrast', () => {
    expect(contrast([0, 0, 0, 1], [255, 255, 255, 1])).to.equal(21);
    expect(contrast([118, 118, 118, 1], [255, 255, 255, 1])).to.be.closeTo(4.54, 0.01);
  });

  it('names a faint accent, with its contrast and the minimum', async () => {
    const el = await portal('--cp-accent: #ffd54f;');
    const warnings = checkColours(el);
    expect(
      warnings.some((w) =>
        /links and secondary buttons .* contrast of 1\.\d+:1 \(#ffd54f on #ffffff\).*4\.5:1.*--cp-accent/.test(w),
      ),
      warnings.join('\n'),
    ).to.equal(true);
  });

  it('is quiet for good colours and for our defaults, and runs by itself when the browser is idle', async function () {
    this.timeout(20_000); // it waits a few seconds, so as never to compete with the first screen
    expect(checkColours(await portal('--cp-accent: #0b3d91; --cp-on-accent: #ffffff;'))).to.deep.equal([]);
    expect(checkColours(await portal(''))).to.deep.equal([]);
    const said: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => said.push(args.join(' '));
    try {
      await portal('--cp-muted: #dddddd;');
      await waitFor(
        () => said.some((w) => /hints on the background.*--cp-muted/.test(w)),
        'the warning at idle',
        10_000,
      );
    } finally {
      console.warn = original;
    }
  });
});
