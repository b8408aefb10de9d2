/**
 * The lexicon in the widget (issue #13): the category field finds "Pothole" by the resident's own word, and the
 * page fetches the lexicon of the resident's language only — English residents never a foreign one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { messages as english } from '../../src/i18n/en';
import { messages as spanish } from '../../src/i18n/es';
import { useMockBackend, MOCK_BASE } from '../helpers/mock-backend';
import { accessibleName, getByRole, queryAllByRole, type, waitFor } from '../helpers/dom';

// The test server serves every module apart: more than the browser's default 250 entries.
performance.setResourceTimingBufferSize(100_000);

/** The lexicon files this page has fetched so far, by language ("es" for …/lexicon/es.ts or a built es-….js). */
const fetchedLexicons = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => /\/lexicon\/([a-z]{2})[.-]/.exec(e.name)?.[1])
    .filter(Boolean);

const options = (el: Element) => queryAllByRole(el, 'option').map(accessibleName);

describe('lexicon in the category field', () => {
  afterEach(() => (sessionStorage.clear(), localStorage.clear()));

  // First: nothing else on this page has asked for a lexicon yet.
  it('English: "streetlamp" finds Streetlight Out, and no other language’s lexicon is fetched', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} lang="en"></citizen-portal>`);
    const input = await waitFor(() => getByRole<HTMLInputElement>(el, 'combobox', english.category), 'the field');
    type(input, 'streetlamp');
    await waitFor(() => options(el).some((o) => o.startsWith('Streetlight Out')), 'Streetlight Out');
    expect(fetchedLexicons()).to.deep.equal(['en']);
  });

  it('Spanish: "bache" finds Pothole, with the Spanish lexicon alone', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} lang="es"></citizen-portal>`);
    const input = await waitFor(() => getByRole<HTMLInputElement>(el, 'combobox', spanish.category), 'the field');
    type(input, 'bache');
    await waitFor(() => options(el)[0]?.startsWith('Pothole'), 'Pothole');
    expect(options(el)).to.have.length(1);
    expect(fetchedLexicons().sort()).to.deep.equal(['en', 'es']);
  });
});
