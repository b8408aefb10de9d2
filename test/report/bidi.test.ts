/**
 * The city's words and the resident's numbers inside a right-to-left form (issue #13 §5): an English question
 * keeps its "?" at its end, "-90.499000" does not become "90.499000-", a house number stays with its street.
 * Checked by computed direction and isolation, in Arabic.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { deepQuery, getByRole, queryAllByRole, type, waitFor } from '../helpers/dom';

const direction = (el: Element) => getComputedStyle(el).direction;
const continueButton = (el: Element) => getByRole(el, 'button', 'متابعة');

describe("right to left, with the city's words in English", () => {
  beforeEach(() => sessionStorage.clear());

  it('isolates names, questions and answers, and keeps numbers, email and phone left to right', async () => {
    // The city configured no translations: its words stay English inside the Arabic form.
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE} lang="ar"></citizen-portal>`);
    const input = await waitFor(
      () => queryAllByRole(el, 'combobox')[0] as HTMLInputElement | undefined,
      'the category field',
    );
    expect(input.dir).to.equal('auto');
    type(input, 'Pothole');
    const option = await waitFor(() => queryAllByRole(el, 'option')[0], 'an option');
    expect(option.querySelector('bdi'), 'the name isolated').to.exist;
    option.click();
    continueButton(el).click();
    const lat = await waitFor(() => deepQuery<HTMLInputElement>(el, 'input#lat'), 'the location step');
    expect(direction(lat)).to.equal('ltr');
    expect(direction(deepQuery(el, 'input#long')!)).to.equal('ltr');
    type(lat, '41.5');
    type(deepQuery<HTMLInputElement>(el, 'input#long')!, '-90.499');
    expect(deepQuery<HTMLInputElement>(el, 'input#address')!.dir).to.equal('auto');
    continueButton(el).click();
    const legend = await waitFor(() => deepQuery(el, 'fieldset#q0 legend'), 'the question');
    expect(legend.querySelector('bdi')?.textContent).to.match(/\?$/);
    expect(deepQuery(el, 'fieldset#q0 label bdi'), 'answers isolated').to.exist;
    expect(deepQuery<HTMLTextAreaElement>(el, 'textarea#description')!.dir).to.equal('auto');
    expect(direction(deepQuery(el, 'input#email')!)).to.equal('ltr');
    expect(direction(deepQuery(el, 'input#phone')!)).to.equal('ltr');
  });
});
