/**
 * Every built-in language, through the whole flow (report, confirmation, status), in its own words: no string of
 * another language (English words left in a template, a key shown instead of words) and nothing unrendered.
 * Issue #7.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import type { LaterMessages, Messages } from '../../src/i18n';
import * as en from '../../src/i18n/en';
import * as es from '../../src/i18n/es';
import * as fr from '../../src/i18n/fr';
import * as zh from '../../src/i18n/zh';
import * as vi from '../../src/i18n/vi';
import * as ar from '../../src/i18n/ar';
import { useMockBackend, MOCK_BASE } from '../helpers/mock-backend';
import { pickCategory, toDetails } from '../helpers/report';
import { accessibleName, choose, deepElements, getByRole, queryAllByRole, type, waitFor } from '../helpers/dom';

type Words = Messages & LaterMessages;
const LANGUAGES = { en, es, fr, zh, vi, ar };
const words = async (l: { messages: Messages; later: () => Promise<{ messages: LaterMessages }> }): Promise<Words> => ({
  ...l.messages,
  ...(await l.later()).messages,
});

/** Every text node and accessible text (labels, names) in the element, shadow roots included. */
function shownText(root: Element): Set<string> {
  const seen = new Set<string>();
  for (const el of deepElements(root)) {
    for (const node of el.childNodes) {
      const t = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
      if (t) seen.add(t);
    }
    for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
      const v = el.getAttribute(a)?.trim();
      if (v) seen.add(v);
    }
  }
  return seen;
}

/** The English strings a language says differently: none of them may show when that language is on. */
function englishOnly(english: Words, other: Words): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(english)) {
    const theirs = (other as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== theirs && value.length > 2) out.add(value);
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, string>)) {
        if (v !== (theirs as Record<string, string>)[k]) out.add(v);
      }
    }
  }
  for (let n = 1; n <= 4; n++) out.add(english.stepCount(n, 4));
  return out;
}

/** Arguments to try each message function with (by default numbers: counts, steps, seconds). */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  backendError: ['http', 500],
  laterFieldError: [{ field: 'description', code: 'description' }],
  photoRefused: ['photo.jpg', 'too-large'],
  nearbyDetails: [40, '3 days ago', 'A crew is on the way'],
  configDetail: ['timeout', 'must be a number'],
};
const title = (el: Element) =>
  el
    .shadowRoot!.querySelector('citizen-portal-report')!
    .shadowRoot!.querySelector('#step-title')
    ?.textContent?.replace(/\s+/g, ' ')
    .trim();

describe('languages', () => {
  // The switcher's choice is kept in localStorage: leave none behind for the other test files.
  afterEach(() => localStorage.clear());

  it('has every key in every language, and each says something', async () => {
    const english = await words(en);
    for (const [lang, module] of Object.entries(LANGUAGES)) {
      const w = await words(module);
      expect(Object.keys(w).sort(), lang).to.deep.equal(Object.keys(english).sort());
      expect(w.lang).to.equal(lang);
      for (const [key, value] of Object.entries(w)) {
        const sample =
          typeof value === 'function'
            ? (value as (...a: unknown[]) => unknown)(...(SAMPLE_ARGS[key] ?? [2, 4, 5]))
            : typeof value === 'object'
              ? Object.values(value as object).join(' ')
              : value;
        expect(String(sample).trim(), `${lang}.${key}`).not.to.equal('');
        expect(String(sample), `${lang}.${key}`).not.to.match(/undefined|\[object|=>/);
      }
    }
  });

  for (const lang of Object.keys(LANGUAGES) as Array<keyof typeof LANGUAGES>) {
    it(`${lang}: reports a problem and checks its status in its own words`, async () => {
      await useMockBackend();
      sessionStorage.clear();
      localStorage.clear();
      const m = await words(LANGUAGES[lang]);
      const foreign = lang === 'en' ? new Set<string>() : englishOnly(await words(en), m);
      const el = await fixture<CitizenPortal>(
        html`<citizen-portal endpoint=${MOCK_BASE} lang=${lang}></citizen-portal>`,
      );
      const seen = new Set<string>();
      const look = () => shownText(el).forEach((t) => seen.add(t));
      const heading = (n: number, step: keyof Messages['stepNames']) =>
        `${m.stepCount(n, 4)} ${m.stepNames[step]}`.replace(/\s+/g, ' ');
      const goOn = async (n: number, step: keyof Messages['stepNames']) => {
        look();
        getByRole(el, 'button', m.continue).click();
        await waitFor(() => title(el) === heading(n, step), heading(n, step));
      };

      // The words, the language and the direction reach the screen reader.
      const wrapper = el.shadowRoot!.querySelector('[lang]')!;
      expect(wrapper.getAttribute('lang')).to.equal(lang);
      expect(wrapper.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      const input = await waitFor(() => getByRole<HTMLInputElement>(el, 'combobox', m.category), m.category);
      expect(title(el)).to.equal(heading(1, 'what'));
      type(input, 'Graffiti');
      const option = await waitFor(
        () => queryAllByRole(el, 'option').find((o) => accessibleName(o).startsWith('Graffiti on Public Property')),
        'the option',
      );
      look();
      option.click();
      await goOn(2, 'where');
      expect(getComputedStyle(getByRole(el, 'heading', heading(2, 'where'))).direction).to.equal(
        lang === 'ar' ? 'rtl' : 'ltr',
      );
      type(getByRole(el, 'textbox', m.address), '9 Canal St');
      await goOn(3, 'details');
      type(getByRole(el, 'textbox', m.description), 'Paint on the wall');
      // A problem, said in this language.
      type(getByRole(el, 'textbox', m.email), 'nobody');
      getByRole(el, 'button', m.continue).click();
      await waitFor(() => shownText(el).has(m.errorSummaryTitle), m.errorSummaryTitle);
      look();
      type(getByRole(el, 'textbox', m.email), 'sam@example.com');
      await goOn(4, 'review');
      await expect(el).to.be.accessible();
      look();
      getByRole(el, 'button', m.submit).click();
      await waitFor(() => getByRole(el, 'heading', m.submittedTitle), m.submittedTitle);
      look();

      // Straight to its status.
      getByRole(el, 'button', m.checkThisRequest).click();
      await waitFor(() => shownText(el).has(m.status), 'the status card');
      look();

      const leaks = [...seen].filter((t) => foreign.has(t) || /undefined|\[object|=>/.test(t));
      expect(leaks, `${lang}: words not in ${lang}`).to.deep.equal([]);
    });
  }

  it('offers a switcher where the city enables several, keeps what was typed, and remembers the choice', async () => {
    await useMockBackend();
    sessionStorage.clear();
    localStorage.clear();
    const [english, spanish] = [await words(en), await words(es)];
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${MOCK_BASE} languages="en es zh"></citizen-portal>`,
    );
    await pickCategory(el, 'Graffiti on Public Property');
    await toDetails(el, '9 Canal St');
    type(getByRole(el, 'textbox', english.description), 'Paint on the wall');
    const switcher = getByRole<HTMLSelectElement>(el, 'combobox', english.language);
    expect([...switcher.options].map((o) => [o.value, o.text, o.lang])).to.deep.equal([
      ['en', 'English', 'en'],
      ['es', 'Español', 'es'],
      ['zh', '中文', 'zh'],
    ]);
    choose(switcher, 'es');
    const again = await waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', spanish.description), 'Spanish');
    expect(again.value, 'what was typed stays').to.equal('Paint on the wall');
    expect(title(el)).to.equal(`${spanish.stepCount(3, 4)} ${spanish.stepNames.details}`.replace(/\s+/g, ' '));
    expect(getByRole(el, 'tab', spanish.tabReport)).to.exist;
    await expect(el).to.be.accessible();

    // Next visit on this device: Spanish straight away.
    el.remove();
    sessionStorage.clear();
    const next = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${MOCK_BASE} languages="en es zh"></citizen-portal>`,
    );
    await waitFor(() => getByRole(next, 'combobox', spanish.category), 'Spanish remembered');
    // A portal with no switcher (no way back) keeps to its own language.
    const plain = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await waitFor(() => getByRole(plain, 'combobox', english.category), 'English without a switcher');
  });

  it("shows the city's own translations of its categories, groups and questions", async () => {
    await useMockBackend();
    const spanish = await words(es);
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} lang="es"></citizen-portal>`);
    el.translations = {
      es: {
        Pothole: 'Bache',
        'Streets & Sidewalks': 'Calles y aceras',
        'About how big is the pothole?': '¿Qué tamaño tiene el bache?',
        'Smaller than a dinner plate': 'Más pequeño que un plato',
      },
      fr: { Pothole: 'Nid-de-poule' },
    };
    const input = await waitFor(() => getByRole<HTMLInputElement>(el, 'combobox', spanish.category), 'category');
    input.click();
    await waitFor(() => getByRole(el, 'group', 'Calles y aceras'), 'the translated group');
    type(input, 'bache');
    const option = await waitFor(
      () => queryAllByRole(el, 'option').find((o) => accessibleName(o).startsWith('Bache')),
      'the translated name, found by search',
    );
    option.click();
    getByRole(el, 'button', spanish.continue).click();
    type(await waitFor(() => getByRole(el, 'textbox', spanish.address), 'the location step'), '9 Canal St');
    getByRole(el, 'button', spanish.continue).click();
    await waitFor(() => getByRole(el, 'group', /¿Qué tamaño tiene el bache\?/), 'the translated question');
    expect(getByRole(el, 'radio', 'Más pequeño que un plato')).to.exist;
    // The tracker names the category the same way.
    getByRole(el, 'tab', spanish.tabStatus).click();
    type(await waitFor(() => getByRole(el, 'textbox', spanish.referenceNumber), 'the tracker'), '101');
    getByRole(el, 'button', spanish.checkStatus).click();
    const card = () =>
      el.shadowRoot!.querySelector('citizen-portal-status')?.shadowRoot?.querySelector('[part=status-result]');
    await waitFor(() => card()?.textContent?.includes('Bache'), 'the translated category on the card');
    expect(card()!.textContent).not.to.include('Pothole');
  });

  it('takes the page language when the element has none, and falls back to English for one it lacks', async () => {
    await useMockBackend();
    localStorage.clear();
    sessionStorage.clear();
    const french = await words(fr);
    const page = await fixture<HTMLElement>(
      html`<div lang="fr-CA"><citizen-portal endpoint=${MOCK_BASE}></citizen-portal></div>`,
    );
    await waitFor(() => getByRole(page, 'combobox', french.category), 'French from the page');
    const german = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${MOCK_BASE} lang="de"></citizen-portal>`,
    );
    // German is not built in: the browser's language (English here) instead.
    await waitFor(() => getByRole(german, 'combobox', 'Category'), 'English');
  });

  it('names a language it does not have in `languages` (in the console: the form still works)', async () => {
    await useMockBackend();
    sessionStorage.clear();
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await fixture<CitizenPortal>(
        html`<citizen-portal endpoint=${MOCK_BASE} languages="en constructor"></citizen-portal>`,
      );
      await waitFor(() => getByRole(el, 'combobox', 'Category'), 'the form');
      // Not even the names every JavaScript object has.
      await waitFor(
        () => errors.join('\n').includes('"languages" attribute may list only en, es, fr, zh, vi, ar'),
        'the console message',
      );
    } finally {
      console.error = original;
    }
    const odd = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${MOCK_BASE} lang="__proto__"></citizen-portal>`,
    );
    await waitFor(() => getByRole(odd, 'combobox', 'Category'), 'English, not a crash');
  });
});
