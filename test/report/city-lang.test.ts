/**
 * The city's own words in their own language (issue #13 §5): category names, groups, questions and their answers,
 * the review's category, the tracker's service and notes carry `lang` (the server's, `server-lang`, English by
 * default) where the resident reads another language, so a screen reader switches to that language's voice. Text
 * the city translated into the resident's language, and our own words, are not marked.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { deepQuery, getByRole, queryAllByRole, type, waitFor } from '../helpers/dom';

/** The language an element is read in: the nearest `lang`, across shadow roots. */
function langOf(node: Element): string | null {
  for (let el: Element | null = node; el;) {
    if (el.hasAttribute('lang')) return el.getAttribute('lang');
    el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
  }
  return null;
}

/** The options shown for `words`, once there. */
async function optionsFor(el: CitizenPortal, words: string): Promise<HTMLElement[]> {
  const input = await waitFor(
    () => queryAllByRole(el, 'combobox')[0] as HTMLInputElement | undefined,
    'the category field',
  );
  type(input, words);
  return waitFor(() => queryAllByRole(el, 'option').length && queryAllByRole(el, 'option'), 'the options');
}

/** The tracker's card for a request of the mock server. */
async function card(el: CitizenPortal, tab: string, field: string, button: string, id: string) {
  getByRole(el, 'tab', tab).click();
  type(await waitFor(() => queryAllByRole(el, 'textbox', field)[0] as HTMLInputElement | undefined, 'the tracker'), id);
  getByRole(el, 'button', button).click();
  return waitFor(() => deepQuery(el, '[part=status-card]'), 'the card');
}

/** The card's value for a label (its <dd>). */
const valueOf = (cardEl: Element, label: string) =>
  [...cardEl.querySelectorAll('dt')].find((dt) => dt.textContent?.trim() === label)?.nextElementSibling as Element;

describe("the city's words in their own language", () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('marks English names, groups, questions, answers and notes inside an Arabic form, and not our words', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} lang="ar"></citizen-portal>`);
    const [first] = await optionsFor(el, 'Pothole');
    expect(langOf(first!.querySelector('bdi')!)).to.equal('en');
    expect(langOf(first!), 'the option itself (its state, read by the reader) stays Arabic').to.equal('ar');
    expect(langOf(getByRole(el, 'combobox')), 'the field').to.equal('ar');
    first!.click();
    getByRole(el, 'button', 'متابعة').click();
    type(await waitFor(() => deepQuery<HTMLInputElement>(el, 'input#lat'), 'the location step'), '41.5');
    type(deepQuery<HTMLInputElement>(el, 'input#long')!, '-90.499');
    getByRole(el, 'button', 'متابعة').click();
    const legend = await waitFor(() => deepQuery(el, 'fieldset#q0 legend'), 'the question');
    expect(langOf(legend.querySelector('bdi')!)).to.equal('en');
    expect(langOf(legend)).to.equal('ar');
    expect(langOf(deepQuery(el, 'fieldset#q0 label bdi')!), 'an answer').to.equal('en');
    expect(langOf(deepQuery(el, 'textarea#description')!), "the resident's own words").to.equal('ar');

    const tracker = await card(el, 'الاستعلام عن الحالة', 'الرقم المرجعي', 'الاستعلام عن الحالة', '101');
    expect(langOf(valueOf(tracker, 'الفئة'))).to.equal('en');
    expect(langOf(valueOf(tracker, 'الحالة')), 'the status, in our words').to.equal('ar');
  });

  it('leaves the words unmarked for an English resident, and marks another server language', async () => {
    await useMockBackend();
    const en = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} lang="en"></citizen-portal>`);
    const [option] = await optionsFor(en, 'Pothole');
    expect(option!.querySelector('bdi')!.hasAttribute('lang')).to.equal(false);
    en.remove();

    const de = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${MOCK_BASE} lang="en" server-lang="de-CH"></citizen-portal>`,
    );
    const [other] = await optionsFor(de, 'Pothole');
    expect(langOf(other!.querySelector('bdi')!)).to.equal('de-CH');
  });

  it("does not mark what the city translated, but still marks the server's own notes", async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} lang="es"></citizen-portal>`);
    el.translations = { es: { Pothole: 'Bache', 'Streets & Sidewalks': 'Calles y aceras' } };
    const [option] = await optionsFor(el, 'Bache');
    expect(option!.textContent).to.contain('Bache');
    expect(langOf(option!.querySelector('bdi')!)).to.equal('es');
    const tracker = await card(el, 'Consultar el estado', 'Número de referencia', 'Consultar el estado', '101');
    expect(langOf(valueOf(tracker, 'Categoría'))).to.equal('es');
    expect(langOf(valueOf(tracker, 'Notas'))).to.equal('en');
  });

  it('names a server-lang that is not a language tag in the console, and falls back to English', async () => {
    await useMockBackend();
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await fixture<CitizenPortal>(
        html`<citizen-portal endpoint=${MOCK_BASE} lang="fr" server-lang="english please"></citizen-portal>`,
      );
      const [option] = await optionsFor(el, 'Pothole');
      expect(langOf(option!.querySelector('bdi')!)).to.equal('en');
      await waitFor(() => errors.some((e) => e.includes('server-lang')), 'the console error');
    } finally {
      console.error = original;
    }
  });
});
