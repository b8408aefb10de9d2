/**
 * A webmaster's typo must not take the form away from residents (issue #13 §6): only the endpoint, without which
 * there is nothing to talk to, may stop the form. Every other wrong value falls back to its default, and each gets
 * one console error naming the setting, the value it got and what is allowed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { parseMapConfig } from '../../src/schema/map-config';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { queryAllByRole, regionText, waitFor } from '../helpers/dom';
import { categoryInput } from '../helpers/report';

async function consoleDuring(run: (errors: string[]) => Promise<void>): Promise<void> {
  const original = console.error;
  const errors: string[] = [];
  console.error = (...args: unknown[]) => errors.push(args.join(' '));
  try {
    await run(errors);
  } finally {
    console.error = original;
  }
}

describe('settings with mistakes', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('theme="drak" and languages="en sp": the form works, and the console names both', async () => {
    await useMockBackend();
    await consoleDuring(async (errors) => {
      const el = await fixture<CitizenPortal>(
        html`<citizen-portal endpoint=${MOCK_BASE} theme="drak" languages="en sp"></citizen-portal>`,
      );
      await categoryInput(el);
      expect(regionText(el, 'alert')).to.equal('');
      await waitFor(() => errors.length >= 2, 'two console errors');
      const said = errors.join('\n');
      expect(said).to.contain('the "theme" attribute must be "light", "dark" or "auto" (got "drak")');
      expect(said).to.match(/the "languages" attribute may list only en, es, fr, zh, vi, ar.* \(got "en sp"\)/);
      expect(queryAllByRole(el, 'combobox', 'Language'), 'no switcher from a wrong list').to.have.length(0);
    });
  });

  it('category="POTHOLES" (no such code): the resident chooses, and the console names it with codes that exist', async () => {
    await useMockBackend();
    await consoleDuring(async (errors) => {
      const el = await fixture<CitizenPortal>(
        html`<citizen-portal endpoint=${MOCK_BASE} category="POTHOLES"></citizen-portal>`,
      );
      const input = await categoryInput(el);
      expect(input.value).to.equal('');
      await waitFor(() => errors.some((e) => e.includes('"category" attribute')), 'the console error');
      expect(errors.join('\n')).to.match(
        /names no category of this server \(got "POTHOLES"\)\. Use one of its service codes, e\.g\. "[^"]+"/,
      );
    });
  });

  it('a wrong endpoint still stops the form, and says so on the page', async () => {
    await consoleDuring(async (errors) => {
      const el = await fixture<CitizenPortal>(
        html`<citizen-portal endpoint="javascript:alert(1)" theme="drak"></citizen-portal>`,
      );
      await waitFor(() => regionText(el, 'alert'), 'the alert');
      expect(regionText(el, 'alert')).to.contain('"endpoint"');
      await waitFor(() => errors.length >= 2, 'both named in the console');
    });
  });

  it('map settings: a wrong zoom or centre falls back to its default, a wrong style costs the map; each is named', () => {
    const zoom = parseMapConfig({ 'map-style': '/style.json', zoom: '30', center: 'north' });
    expect(zoom.config).to.deep.include({ zoom: 14, center: [0, 0] });
    expect(zoom.problems).to.deep.equal([
      'the "center" attribute must be "longitude,latitude", e.g. center="-90.5,41.5" (got "north")',
      'the "zoom" attribute must be a number from 0 to 22 (got "30")',
    ]);
    const noMap = parseMapConfig({ zoom: '30' });
    expect(noMap.config, 'no map-style: no map').to.equal(undefined);
    expect(noMap.problems, 'named even without a map').to.have.length(1);
    const badStyle = parseMapConfig({ 'map-style': 'ftp://x/style.json' });
    expect(badStyle.config).to.equal(undefined);
    expect(badStyle.problems[0]).to.contain('"map-style" attribute is not a web address');
  });
});
