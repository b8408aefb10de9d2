/**
 * axe in the states axe-states.test.ts does not reach (issue #16): address suggestions open, open reports nearby,
 * a photo added and one refused, the category's questions failing to load, a report being sent, a Send that
 * failed, a provisional token waiting for its number, and a closed request's card. Lasting states in light and
 * dark, English and Arabic; passing ones (a list open, a Send in flight) in light and dark.
 */
import { fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { createMediaHandlers } from '../../demo/backend/media';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { categoryInput, next, pickCategory } from '../helpers/report';
import { checkEverywhere, checkThemes } from '../helpers/axe';
import { chooseFiles as choose, photoFile } from '../helpers/files';

describe('axe in more states', function () {
  // Each state is checked six times (themes, directions, forced colours): more than the default 10 s.
  this.timeout(120_000);
  // The colours change at once when the theme is switched (no transition for axe to catch half-way).
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  beforeEach(() => sessionStorage.clear());

  it('the location step: suggestions open, open reports nearby', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${MOCK_BASE} geocoder="/geocoder"></citizen-portal>`,
    );
    await pickCategory(el, 'Pothole');
    await next(el);
    type(getByRole(el, 'combobox', 'Address or place'), 'maple');
    await waitFor(() => queryAllByRole(el, 'option').length, 'address suggestions');
    await checkThemes(el, 'address suggestions open');
    type(getByRole(el, 'combobox', 'Address or place'), '');
    // Near request 101 (an open pothole): "Is it one of these?"
    type(getByRole(el, 'textbox', 'Latitude'), '41.5041');
    type(getByRole(el, 'textbox', 'Longitude'), '-90.4968');
    await waitFor(() => queryAllByRole(el, 'button', /Follow this report instead/).length, 'reports nearby');
    await checkEverywhere(el, 'open reports nearby');
  });

  it('details: a photo added, a photo refused, questions that could not load', async () => {
    const mock = await useMockBackend();
    let questionsFail = true;
    mock.worker.use(
      ...createMediaHandlers({ path: '/media-upload' }),
      http.get(`${MOCK_BASE}/services/POTHOLE.json`, () =>
        questionsFail ? HttpResponse.json([{ code: 500, description: 'Down' }], { status: 500 }) : undefined,
      ),
    );
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${MOCK_BASE} media-upload="/media-upload"></citizen-portal>`,
    );
    await pickCategory(el, 'Pothole');
    await next(el);
    type(getByRole(el, 'textbox', 'Address or place'), 'Town hall steps');
    await next(el);
    await waitFor(() => queryAllByRole(el, 'button', 'Try again').length, 'the questions failed');
    await checkEverywhere(el, 'questions could not load');
    questionsFail = false;

    const picker = getByRole<HTMLInputElement>(el, 'button', 'Choose photos', { includeHidden: true });
    choose(picker, await photoFile('wall.jpg', 64, 48));
    await waitFor(() => queryAllByRole(el, 'button', 'Remove photo 1').length, 'the photo added', 10000);
    await checkEverywhere(el, 'a photo added');
    choose(picker, new File(['not a photo'], 'notes.jpg', { type: 'image/jpeg' }));
    await waitFor(() => /notes\.jpg/.test(regionText(el, 'alert') + regionText(el, 'status')), 'the refusal', 10000);
    await checkEverywhere(el, 'a photo refused');
  });

  it('review: sending, a Send that failed; then a provisional token waiting for its number', async () => {
    const mock = await useMockBackend();
    let answer: (r: Response) => void = () => {};
    mock.worker.use(
      http.post(`${MOCK_BASE}/requests.json`, () => new Promise<Response>((r) => (answer = r))),
      http.get(`${MOCK_BASE}/tokens/:token`, () => HttpResponse.json([{ token: 'T-77' }])),
    );
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    type(getByRole(el, 'textbox', 'Address or place'), 'Town hall steps');
    await next(el);
    type(getByRole(el, 'textbox', 'Description'), 'Tags on the door');
    await next(el);
    getByRole(el, 'button', 'Submit').click();
    await waitFor(() => /Sending/.test(regionText(el, 'status')), 'sending');
    await checkThemes(el, 'sending');
    answer(HttpResponse.json([{ code: 500, description: 'Down for maintenance' }], { status: 500 }));
    await waitFor(() => /was not sent/.test(regionText(el, 'alert')), 'the failure');
    await checkEverywhere(el, 'a Send that failed');

    mock.worker.use(http.post(`${MOCK_BASE}/requests.json`, () => HttpResponse.json([{ token: 'T-77' }])));
    getByRole(el, 'button', 'Submit').click();
    await waitFor(() => /T-77/.test(regionText(el, 'status')), 'the token shown');
    await checkEverywhere(el, 'a provisional token waiting for its number');
  });

  it("the tracker: a closed request's card", async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await categoryInput(el);
    getByRole(el, 'tab', 'Check status').click();
    type(await waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Reference number'), 'tracker'), '102');
    getByRole(el, 'button', 'Check status').click();
    await waitFor(() => /102/.test(regionText(el, 'status')), 'the card');
    await checkEverywhere(el, 'a closed request');
  });
});
