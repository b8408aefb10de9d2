/**
 * Every state a resident meets passes axe (issue #16, first part), in light and dark, left to right (English) and
 * right to left (Arabic): the report's four steps, their errors, the confirmation, the tracker's card, My requests
 * and its errors, a setting's error. The flow is walked once in English; at each state the element is switched to
 * each theme and language in place (the report keeps its step and what was typed) and checked.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { categoryInput, next, pickCategory, submitAndWait } from '../helpers/report';
import { checkEverywhere } from '../helpers/axe';

describe('axe in every state, theme and direction', function () {
  // Each state is checked six times (themes, directions, forced colours): more than the default 10 s.
  this.timeout(120_000);
  // The colours change at once when the theme is switched (no transition for axe to catch half-way).
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  beforeEach(() => sessionStorage.clear());

  it('the report, from the first screen to the confirmation', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await categoryInput(el);
    await checkEverywhere(el, 'first screen');

    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => regionText(el, 'alert'), 'the error summary');
    await checkEverywhere(el, 'step 1, no category');

    await pickCategory(el, 'Pothole');
    await next(el);
    await checkEverywhere(el, 'location step');
    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => regionText(el, 'alert'), 'the location errors');
    await checkEverywhere(el, 'location step, errors');

    type(getByRole(el, 'textbox', 'Address or place'), '1 Elm St');
    await next(el);
    await waitFor(() => getByRole(el, 'group', /About how big is the pothole/), 'the questions');
    await checkEverywhere(el, 'details step');
    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => regionText(el, 'alert'), 'the details errors');
    await checkEverywhere(el, 'details step, errors');

    // Back in English, the questions come again in English: wait for them.
    (
      await waitFor(() => queryAllByRole(el, 'radio', 'Smaller than a dinner plate')[0], 'the questions in English')
    ).click();
    type(getByRole(el, 'textbox', 'Description'), 'Deep hole by the school');
    await next(el);
    await checkEverywhere(el, 'review step');

    await submitAndWait(el);
    await checkEverywhere(el, 'confirmation');
  });

  it('the tracker: a status card, My requests, a number not found', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await categoryInput(el);
    getByRole(el, 'tab', 'Check status').click();
    const number = await waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Reference number'), 'tracker');
    type(number, '101');
    getByRole(el, 'button', 'Check status').click();
    await waitFor(() => /101/.test(regionText(el, 'status')), 'the status card');
    await checkEverywhere(el, 'status card with My requests');

    getByRole(el, 'tab', 'Check status').click();
    type(getByRole<HTMLInputElement>(el, 'textbox', 'Reference number'), '424242');
    getByRole(el, 'button', 'Check status').click();
    await waitFor(() => regionText(el, 'alert'), 'not found');
    await checkEverywhere(el, 'a number not found');
  });

  it('a setting the webmaster got wrong', async () => {
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint="ftp://nope"></citizen-portal>`);
    await waitFor(() => regionText(el.shadowRoot!, 'alert'), 'the config error');
    for (const theme of ['light', 'dark']) {
      el.setAttribute('theme', theme);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });
});
