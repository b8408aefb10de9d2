/**
 * statusError(): the one meaning of an HTTP error status, and the four callers (Open311, the geocoder, photo
 * uploads, the boundary) that must agree on it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { statusError } from '../../src/backend/http';
import { createOpen311Backend } from '../../src/backend/open311';
import { createGeocoder } from '../../src/backend/geocoder';
import { uploadMedia } from '../../src/backend/media-upload';
import { fetchBoundary } from '../../src/backend/geojson';
import { useMockBackend } from '../helpers/mock-backend';
import { failure } from '../helpers/failure';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { getByRole, regionText, waitFor } from '../helpers/dom';
import { categoryInput } from '../helpers/report';

const none = new Headers();

describe('statusError', () => {
  it('401 and 403 are forbidden', () => {
    for (const status of [401, 403]) {
      const e = statusError(status, none, 'services');
      expect(e.kind).to.equal('forbidden');
      expect(e.details.status).to.equal(status);
    }
  });

  it('404 is not-found, with the server’s words', () => {
    const e = statusError(404, none, 'requests/7', 'No such request');
    expect(e.kind).to.equal('not-found');
    expect(e.details).to.deep.include({ status: 404, serverMessage: 'No such request' });
  });

  it('429 is rate-limited, Retry-After read as seconds', () => {
    const e = statusError(429, new Headers({ 'Retry-After': '7' }), 'services');
    expect(e.kind).to.equal('rate-limited');
    expect(e.details).to.deep.include({ status: 429, retryAfterSeconds: 7 });
  });

  it('429 is rate-limited, Retry-After read as an HTTP date', () => {
    const when = new Date(Date.now() + 60_000).toUTCString();
    const e = statusError(429, new Headers({ 'Retry-After': when }), 'services');
    expect(e.kind).to.equal('rate-limited');
    expect(e.details.retryAfterSeconds).to.be.within(55, 61);
  });

  it('429 without a readable Retry-After has no retryAfterSeconds', () => {
    for (const headers of [none, new Headers({ 'Retry-After': 'soon' })]) {
      const e = statusError(429, headers, 'services');
      expect(e.kind).to.equal('rate-limited');
      expect(e.details).not.to.have.property('retryAfterSeconds');
    }
  });

  it('anything else is http, with its status', () => {
    for (const status of [400, 405, 500, 502]) {
      const e = statusError(status, none, 'services');
      expect(e.kind).to.equal('http');
      expect(e.details.status).to.equal(status);
      expect(e.message).to.equal(`services: HTTP ${status}`);
    }
  });
});

describe('statusError: every server call means the same by a status', () => {
  const refuse = (status: number) => () =>
    new HttpResponse('no', { status, headers: { 'Retry-After': '9', 'Content-Type': 'text/plain' } });

  async function everyCall(status: number) {
    const { worker } = await useMockBackend();
    worker.use(
      http.get('/status-error/open311/:path', refuse(status)),
      http.get('/status-error/geo/search', refuse(status)),
      http.post('/status-error/upload', refuse(status)),
      http.get('/status-error/boundary.geojson', refuse(status)),
    );
    return Promise.all([
      failure(createOpen311Backend({ endpoint: `${location.origin}/status-error/open311`, retries: 0 }).services()),
      failure(createGeocoder('nominatim:/status-error/geo').search('x')),
      failure(uploadMedia('/status-error/upload', new Blob(['x'], { type: 'image/jpeg' }), 'x.jpg')),
      failure(fetchBoundary(`${location.origin}/status-error/boundary.geojson`)),
    ]);
  }

  for (const [status, kind] of [
    [401, 'forbidden'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [429, 'rate-limited'],
    [500, 'http'],
  ] as const) {
    it(`${status}: ${kind} from Open311, the geocoder, the upload and the boundary`, async () => {
      for (const e of await everyCall(status)) {
        expect(e.kind, e.message).to.equal(kind);
        expect(e.details.status, e.message).to.equal(status);
        if (status === 429) expect(e.details.retryAfterSeconds, e.message).to.equal(9);
      }
    });
  }
});

describe('the widget after garbage: one plain sentence, and a Try again that works (issue #15)', () => {
  const garbage: Array<[string, () => Response]> = [
    ['an HTML page', () => new HttpResponse('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>')],
    ['truncated JSON', () => new HttpResponse('[{"service_code":"POTHOLE","service_name":"Pot', { status: 200 })],
    [
      'megabytes of JSON that is not Open311',
      () => HttpResponse.json({ rows: Array.from({ length: 20_000 }, (_, i) => ({ id: i, blob: 'x'.repeat(100) })) }),
    ],
  ];
  for (const [what, respond] of garbage) {
    it(`categories: ${what}`, async () => {
      const mock = await useMockBackend();
      let fail = true;
      mock.worker.use(http.get('/open311/v2/services.:format', () => (fail ? respond() : undefined)));
      sessionStorage.clear();
      const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint="/open311/v2"></citizen-portal>`);
      // Its sentence comes with the later words; never "could not reach" meanwhile (test/report/failure-words.test.ts).
      const alert = await waitFor(
        () => /could not read/.test(regionText(el, 'alert')) && regionText(el, 'alert'),
        'the sentence',
        10_000,
      );
      expect(alert).to.equal(
        "We could not load the list of categories. The city's service sent an answer we could not read. Please try again later. Try again",
      );
      fail = false;
      getByRole(el, 'button', 'Try again').click();
      await categoryInput(el);
      expect(regionText(el, 'alert')).to.equal('');
    });
  }

  it('categories: megabytes of Open311 JSON are read', async () => {
    const mock = await useMockBackend();
    const services = Array.from({ length: 5000 }, (_, i) => ({
      service_code: `S${i}`,
      service_name: `Service ${i} ${'long words '.repeat(30)}`,
      group: `Group ${i % 20}`,
    }));
    mock.worker.use(http.get('/open311/v2/services.json', () => HttpResponse.json(services)));
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint="/open311/v2"></citizen-portal>`);
    await categoryInput(el);
    expect(regionText(el, 'alert')).to.equal('');
  });
});
