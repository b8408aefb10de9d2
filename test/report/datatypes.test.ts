/**
 * Every datatype a service definition can ask for — GeoReport v2's six and the real-world extras — rendered as
 * the right control, labelled by its question, and sent exactly as GeoReport v2 encodes it. Issue #4.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend } from '../helpers/mock-backend';
import { deepText, getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { back, fillReport, next, pickCategory, submitAndWait, toDetails } from '../helpers/report';

const BASE = '/open311/v2';
const q = (code: string, datatype: string, description: string, extra: object = {}) => ({
  variable: true,
  code,
  datatype,
  required: false,
  datatype_description: null,
  order: null,
  description,
  ...extra,
});
const values = (...names: string[]) => names.map((name, i) => ({ key: `k${i}`, name }));

const definition = {
  service_code: 'POTHOLE',
  attributes: [
    q('S', 'string', 'Where exactly?', { required: true, order: 1, datatype_description: 'A landmark helps.' }),
    q('N', 'number', 'How many are there?', { order: 2 }),
    q('DT', 'datetime', 'When did you notice it?', { order: 3 }),
    q('T', 'text', 'Anything else we should know?', { order: 4 }),
    q('SV', 'singlevaluelist', 'How big is it?', { order: 5, values: values('Small', 'Medium', 'Large') }),
    q('SL', 'singlevaluelist', 'Which lane?', { order: 6, values: values('1', '2', '3', '4', '5', '6', 'Shoulder') }),
    q('MV', 'multivaluelist', 'What is near it?', { order: 7, values: values('School', 'Bus stop', 'Bike lane') }),
    { ...q('INFO', 'string', 'Please stay off the road while you report.', { order: 8 }), variable: false },
    q('INF', 'informational', 'Crews work from 7 am to 5 pm.', { order: 9 }),
    q('B', 'boolean (checkbox)', 'I saw a car damaged by it', { order: 10 }),
    q('D', 'date', 'Since which day?', { order: 11 }),
    q('U', 'geo-point', 'Nearest pole number?', { order: 12 }),
  ],
};

describe('every datatype', () => {
  it('renders the right control for each and sends exactly attribute[CODE] and attribute[CODE][]', async () => {
    const mock = await useMockBackend();
    mock.worker.use(
      http.get(`${BASE}/services/POTHOLE.json`, () => HttpResponse.json(definition)),
      // The demo server checks answers against its own pothole questions; this one takes these.
      http.post(`${BASE}/requests.json`, () => HttpResponse.json([{ service_request_id: '900' }])),
    );
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    await fillReport(el, {
      category: 'Pothole',
      answer: async () => {
        type(
          await waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Where exactly?'), 'questions'),
          ' By the bank ',
        );
        type(getByRole(el, 'spinbutton', 'How many are there? (optional)'), '3');
        const when = getByRole<HTMLInputElement>(el, 'textbox', 'When did you notice it? (optional)');
        expect(when.type).to.equal('datetime-local');
        type(when, '2026-11-20T08:30');
        expect(getByRole(el, 'textbox', 'Anything else we should know? (optional)').localName).to.equal('textarea');
        type(getByRole(el, 'textbox', 'Anything else we should know? (optional)'), 'Getting worse');
        getByRole(el, 'radio', 'Medium').click(); // five or fewer: radio buttons
        const lane = getByRole<HTMLSelectElement>(el, 'combobox', 'Which lane? (optional)'); // more: a select
        lane.value = 'k6';
        lane.dispatchEvent(new Event('change', { bubbles: true }));
        getByRole(el, 'checkbox', 'School').click();
        getByRole(el, 'checkbox', 'Bike lane').click();
        getByRole(el, 'checkbox', 'I saw a car damaged by it (optional)').click();
        const day = getByRole<HTMLInputElement>(el, 'textbox', 'Since which day? (optional)');
        expect(day.type).to.equal('date');
        type(day, '2026-11-18');
        type(getByRole(el, 'textbox', 'Nearest pole number? (optional)'), 'P-7'); // unknown datatype: a text field
        // Informational attributes are text, not questions.
        const text = deepText(el.shadowRoot!.querySelector('citizen-portal-report')!);
        expect(text).to.contain('Please stay off the road while you report.');
        expect(text).to.contain('Crews work from 7 am to 5 pm.');
        expect(queryAllByRole(el, 'textbox', /stay off the road|Crews work/)).to.have.length(0);
        await expect(el).to.be.accessible();
      },
      address: '5 Bank St',
      description: 'Hole',
    });
    await submitAndWait(el);
    const post = mock.requests.find((r) => r.method === 'POST')!;
    const body = [...new URLSearchParams(await post.clone().text())].filter(([k]) => k.startsWith('attribute'));
    const dt = body.find(([k]) => k === 'attribute[DT]')![1];
    expect(dt).to.match(/^2026-11-20T08:30:00[+-]\d\d:\d\d$/);
    expect(new Date(dt).getTime()).to.equal(new Date('2026-11-20T08:30').getTime());
    expect(body).to.deep.equal([
      ['attribute[S]', 'By the bank'],
      ['attribute[N]', '3'],
      ['attribute[DT]', dt],
      ['attribute[T]', 'Getting worse'],
      ['attribute[SV]', 'k1'],
      ['attribute[SL]', 'k6'],
      ['attribute[MV][]', 'k0'],
      ['attribute[MV][]', 'k2'],
      ['attribute[B]', 'true'],
      ['attribute[D]', '2026-11-18'],
      ['attribute[U]', 'P-7'],
    ]);
  });

  it('keeps the answers that still apply when the category changes, and sends only those', async () => {
    const mock = await useMockBackend();
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    await pickCategory(el, 'Pothole');
    await toDetails(el);
    (await waitFor(() => getByRole<HTMLInputElement>(el, 'radio', 'Larger than a car tire'), 'questions')).click();
    await back(el);
    await back(el);
    await pickCategory(el, 'Streetlight Out');
    await toDetails(el);
    type(await waitFor(() => getByRole(el, 'textbox', /What is the pole number/), 'questions'), 'DC-2');
    await back(el);
    await back(el);
    await pickCategory(el, 'Pothole');
    await toDetails(el);
    // Back to the pothole: its answer is still there.
    expect(
      (await waitFor(() => getByRole<HTMLInputElement>(el, 'radio', 'Larger than a car tire'), 'questions')).checked,
    ).to.equal(true);
    type(getByRole(el, 'textbox', 'Description'), 'Big one');
    await next(el);
    expect(regionText(el, 'status')).to.equal('');
    await submitAndWait(el);
    const body = new URLSearchParams(
      await mock.requests
        .find((r) => r.method === 'POST')!
        .clone()
        .text(),
    );
    expect(body.get('attribute[SIZE]')).to.equal('large');
    expect(body.has('attribute[POLE_NUMBER]'), 'the streetlight answer is not sent').to.equal(false);
  });

  it('requires a required checkbox to be ticked', async () => {
    const mock = await useMockBackend();
    mock.worker.use(
      http.get(`${BASE}/services/POTHOLE.json`, () =>
        HttpResponse.json({ attributes: [q('OK', 'boolean', 'I confirm the road is public', { required: true })] }),
      ),
    );
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    await pickCategory(el, 'Pothole');
    await toDetails(el);
    type(getByRole(el, 'textbox', 'Description'), 'Hole');
    await waitFor(() => getByRole(el, 'checkbox', 'I confirm the road is public'), 'the question');
    getByRole(el, 'button', 'Continue').click();
    expect(await waitFor(() => regionText(el, 'alert'), 'the summary')).to.contain(
      'Answer the question "I confirm the road is public".',
    );
  });
});
