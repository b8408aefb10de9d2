/**
 * Issue #17, through the widget as a resident meets it: the Eindhoven open311-api's category whose questions come
 * as nested {key:{key,name}} values, with two questions it cannot read (a choice list with no usable choice, a
 * question without a code), is fileable: the readable questions are asked, the broken ones are left out (and named
 * in the console), and the report goes through with the answers the server's own keys.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { getByRole, queryAllByRole, type, waitFor } from '../helpers/dom';
import { pickCategory, next, submitAndWait } from '../helpers/report';

const realAnswer = (name: string) =>
  fetch(new URL(`../fixtures/real/eindhoven-open311-api/${name}`, import.meta.url)).then((r) => r.json());

describe("a real server's category with questions it cannot all read (Eindhoven open311-api)", () => {
  beforeEach(() => sessionStorage.clear());

  it('asks the questions it can read, skips the others, and files the report', async () => {
    const [services, definition, post] = await Promise.all([
      realAnswer('services.json'),
      realAnswer('definition-nested-values.json'),
      realAnswer('post.json'),
    ]);
    const mock = await useMockBackend();
    mock.worker.use(
      http.get(`${MOCK_BASE}/services.json`, () => HttpResponse.json(services)),
      http.get(`${MOCK_BASE}/services/2.json`, () => HttpResponse.json(definition)),
      http.post(`${MOCK_BASE}/requests.json`, () => HttpResponse.json(post)),
    );
    const warned: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args.join(' '));
    try {
      const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
      await pickCategory(el, 'Abandoned car');
      await next(el);
      type(getByRole(el, 'textbox', 'Address or place'), 'Stationsplein 1');
      await next(el);
      (await waitFor(() => queryAllByRole(el, 'radio', 'Volvo')[0], 'the nested values as choices')).click();
      expect(queryAllByRole(el, 'group', /What is damaged/), 'the unreadable question').to.have.length(0);
      expect(queryAllByRole(el, 'textbox', /without a code/)).to.have.length(0);
      type(getByRole(el, 'textbox', 'Description'), 'Blue car, flat tyres');
      await next(el);
      expect(await submitAndWait(el)).to.equal('5073');
      const body = new URLSearchParams(
        await mock.requests
          .find((r) => r.method === 'POST')!
          .clone()
          .text(),
      );
      expect(body.get('service_code')).to.equal('2');
      expect(body.get('attribute[BRAND]')).to.equal('411');
      expect(warned.filter((w) => /services\/2: skipped/.test(w))).to.have.length(2);
    } finally {
      console.warn = original;
    }
  });
});
