/**
 * The Open311 client against a misbehaving network (msw): retries, 429 + Retry-After, timeouts, cancellation,
 * token polling, and the fall back to XML. Issue #3.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import { createOpen311Backend, type Open311Options } from '../../src/backend/open311';
import type { Backend } from '../../src/backend/types';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend } from '../helpers/mock-backend';
import { failure } from '../helpers/failure';
import { getByRole, regionText, waitFor } from '../helpers/dom';
import { fillReport } from '../helpers/report';

const BASE = '/open311/v2';
const ENDPOINT = `${location.origin}${BASE}`;
const SERVICES = [{ service_code: 'A', service_name: 'Alpha', metadata: false, type: 'realtime' }];

const backendWith = (options: Partial<Open311Options> = {}) =>
  createOpen311Backend({ endpoint: ENDPOINT, retryBaseMs: 10, tokenPollMs: 20, ...options });

/** A handler that answers with `answers` in turn (the last one repeats), counting calls. */
function sequence(method: 'get' | 'post', path: string, answers: Array<() => Response | Promise<Response>>) {
  const calls = { count: 0 };
  const handler = http[method](`${BASE}/${path}`, () => answers[Math.min(calls.count++, answers.length - 1)]!());
  return { handler, calls };
}

const ok = () => HttpResponse.json(SERVICES);

describe('Open311 client: retries', () => {
  it('retries a GET after 503 and a network failure, then succeeds', async () => {
    const mock = await useMockBackend();
    const s = sequence('get', 'services.json', [
      () => new HttpResponse(null, { status: 503 }),
      () => HttpResponse.error(),
      ok,
    ]);
    mock.worker.use(s.handler);
    const services = await backendWith().services();
    expect(services.map((x) => x.service_code)).to.deep.equal(['A']);
    expect(s.calls.count).to.equal(3);
  });

  it('gives up after the configured retries with a typed error', async () => {
    const mock = await useMockBackend();
    const s = sequence('get', 'services.json', [() => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })]);
    mock.worker.use(s.handler);
    const e = await failure(backendWith({ retries: 2 }).services());
    expect(e.kind).to.equal('http');
    expect(e.details.status).to.equal(502);
    expect(s.calls.count).to.equal(3);
  });

  it('never retries a POST', async () => {
    const mock = await useMockBackend();
    const s = sequence('post', 'requests.json', [() => new HttpResponse(null, { status: 503 }), ok]);
    mock.worker.use(s.handler);
    const e = await failure(backendWith().submit({ service_code: 'A', address_string: 'x', attributes: {} }));
    expect(e.kind).to.equal('http');
    expect(s.calls.count).to.equal(1);
  });

  it('does not retry a 404 or a 400', async () => {
    const mock = await useMockBackend();
    const s = sequence('get', 'requests/9.json', [
      () => HttpResponse.json([{ code: 404, description: 'No such request' }], { status: 404 }),
    ]);
    mock.worker.use(s.handler);
    const e = await failure(backendWith().request('9'));
    expect(e.kind).to.equal('not-found');
    expect(e.details.serverMessage).to.equal('No such request');
    expect(s.calls.count).to.equal(1);
  });
});

describe('Open311 client: 429 and Retry-After', () => {
  it('waits as long as Retry-After asks, then retries', async () => {
    const mock = await useMockBackend();
    const s = sequence('get', 'services.json', [
      () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '1' } }),
      ok,
    ]);
    mock.worker.use(s.handler);
    const started = performance.now();
    await backendWith().services();
    expect(performance.now() - started).to.be.greaterThan(950);
    expect(s.calls.count).to.equal(2);
  });

  it('reports a long Retry-After to the resident instead of hanging', async () => {
    const mock = await useMockBackend();
    const s = sequence('get', 'services.json', [
      () =>
        HttpResponse.json([{ code: 429, description: 'Slow down' }], {
          status: 429,
          headers: { 'Retry-After': '120' },
        }),
    ]);
    mock.worker.use(s.handler);
    const e = await failure(backendWith().services());
    expect(e.kind).to.equal('rate-limited');
    expect(e.details.retryAfterSeconds).to.equal(120);
    expect(e.details.serverMessage).to.equal('Slow down');
    expect(s.calls.count).to.equal(1);
  });

  it('reads Retry-After as an HTTP date too', async () => {
    const mock = await useMockBackend();
    const when = new Date(Date.now() + 60_000).toUTCString();
    mock.worker.use(
      http.get(
        `${BASE}/services.json`,
        () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': when } }),
      ),
    );
    const e = await failure(backendWith().services());
    expect(e.details.retryAfterSeconds).to.be.within(55, 61);
  });
});

describe('Open311 client: request lists', () => {
  const listOf = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      service_request_id: String(from + i),
      status: 'open',
      service_code: 'A',
      requested_datetime: '2026-11-01T10:00:00Z',
    }));

  it('sends the filters GeoReport v2 defines, ids overriding the rest', async () => {
    const mock = await useMockBackend();
    const urls: URL[] = [];
    mock.worker.use(
      http.get(`${BASE}/requests.json`, ({ request }) => (urls.push(new URL(request.url)), HttpResponse.json([]))),
    );
    const backend = backendWith({ jurisdiction: 'demo.city' });
    await backend.requests({
      serviceCode: 'POT HOLE',
      status: ['open', 'closed'],
      start: new Date('2026-11-01T00:00:00Z'),
      end: new Date('2026-11-02T00:00:00Z'),
    });
    await backend.requests({ ids: ['1', '2', '3'], serviceCode: 'ignored' });
    expect(Object.fromEntries(urls[0]!.searchParams)).to.deep.equal({
      jurisdiction_id: 'demo.city',
      service_code: 'POT HOLE',
      status: 'open,closed',
      start_date: '2026-11-01T00:00:00.000Z',
      end_date: '2026-11-02T00:00:00.000Z',
    });
    expect(Object.fromEntries(urls[1]!.searchParams)).to.deep.equal({
      jurisdiction_id: 'demo.city',
      service_request_id: '1,2,3',
    });
  });

  it('pages through a server that pages, up to the limit', async () => {
    const mock = await useMockBackend();
    const pages: string[] = [];
    mock.worker.use(
      http.get(`${BASE}/requests.json`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        pages.push(`${q.get('page')}/${q.get('page_size')}`);
        const page = Number(q.get('page'));
        return HttpResponse.json(page <= 3 ? listOf(page * 100, 10) : []);
      }),
    );
    const list = await backendWith().requests({ status: ['open'], limit: 25 });
    expect(list.map((r) => r.service_request_id).slice(0, 3)).to.deep.equal(['100', '101', '102']);
    expect(list).to.have.length(25);
    expect(pages).to.deep.equal(['1/25', '2/25', '3/25']); // the server's own page size is 10
  });

  it('stops when a server that ignores paging sends the same page again', async () => {
    const mock = await useMockBackend();
    const s = sequence('get', 'requests.json', [() => HttpResponse.json(listOf(1, 40))]);
    mock.worker.use(s.handler);
    const list = await backendWith().requests({ limit: 30 });
    expect(list).to.have.length(30);
    expect(s.calls.count).to.equal(1); // 40 ≥ 30: enough after one page

    const again = sequence('get', 'requests.json', [() => HttpResponse.json(listOf(1, 40))]);
    mock.worker.use(again.handler);
    expect(await backendWith().requests({ limit: 100 })).to.have.length(40);
    expect(again.calls.count).to.equal(2); // the second page repeated every id: stop
  });
});

describe('Open311 client: timeouts and cancellation', () => {
  it('times out a call that does not answer', async () => {
    const mock = await useMockBackend();
    mock.worker.use(http.get(`${BASE}/services.json`, async () => (await delay(2000), ok())));
    const started = performance.now();
    const e = await failure(backendWith({ timeoutMs: 150, retries: 0 }).services());
    expect(e.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.lessThan(1500);
  });

  it('stops at once when the caller cancels, even between retries', async () => {
    const mock = await useMockBackend();
    mock.worker.use(http.get(`${BASE}/services.json`, () => new HttpResponse(null, { status: 503 })));
    const controller = new AbortController();
    const pending = backendWith({ retryBaseMs: 5000 }).services(controller.signal);
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const e = await failure(pending);
    expect(e.kind).to.equal('aborted');
    expect(performance.now() - started).to.be.lessThan(1500);
  });

  it('cancels what the element was loading when it is removed from the page', async () => {
    await useMockBackend();
    const signals: AbortSignal[] = [];
    const never: Backend = {
      services: (signal) => (signals.push(signal!), new Promise(() => {})),
      serviceDefinition: () => new Promise(() => {}),
      submit: () => new Promise(() => {}),
      request: () => new Promise(() => {}),
    };
    const el = await fixture<CitizenPortal>(html`<citizen-portal .backend=${never}></citizen-portal>`);
    await waitFor(() => signals.length, 'the services call');
    expect(signals[0]!.aborted).to.equal(false);
    el.remove();
    expect(signals[0]!.aborted).to.equal(true);
  });
});

describe('Open311 client: tokens', () => {
  it('polls tokens/{token} until the id arrives', async () => {
    const mock = await useMockBackend();
    mock.worker.use(
      http.post(`${BASE}/requests.json`, () => HttpResponse.json([{ token: 'T-1', service_notice: 'Queued' }])),
    );
    const s = sequence('get', 'tokens/T-1.json', [
      () => HttpResponse.json([{ code: 404, description: 'Unknown token' }], { status: 404 }),
      () => HttpResponse.json([{ token: 'T-1', service_request_id: null }]),
      () => HttpResponse.json([{ token: 'T-1', service_request_id: 555 }]),
    ]);
    mock.worker.use(s.handler);
    const backend = backendWith();
    const result = await backend.submit({ service_code: 'A', address_string: 'x', attributes: {} });
    expect(result).to.deep.equal({ token: 'T-1', notice: 'Queued' });
    expect(await backend.resolveToken(result.token!)).to.equal('555');
    expect(s.calls.count).to.equal(3);
  });

  it('gives up politely when no id comes in time', async () => {
    const mock = await useMockBackend();
    mock.worker.use(http.get(`${BASE}/tokens/:t`, () => HttpResponse.json([])));
    expect(await backendWith({ tokenTimeoutMs: 200 }).resolveToken('T-2')).to.equal(undefined);
  });

  it('shows the token as a provisional reference, then the number when it arrives', async () => {
    const mock = await useMockBackend();
    mock.worker.use(http.post(`${BASE}/requests.json`, () => HttpResponse.json([{ token: 'tok-77' }])));
    const s = sequence('get', 'tokens/tok-77.json', [
      () => HttpResponse.json([]),
      () => HttpResponse.json([{ token: 'tok-77', service_request_id: '4242' }]),
    ]);
    mock.worker.use(s.handler);
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    // The README's events, as a page listens for them: on the element, from outside its shadow root.
    const heard: Array<[string, EventTarget | null, unknown]> = [];
    for (const type of ['cp-request-submitted', 'cp-reference-resolved'] as const)
      document.addEventListener(type, (e) => heard.push([e.type, e.target, e.detail]), { once: true });
    // The element's own backend polls every 2 s; it is the product's default, so this test waits for it.
    await fillReport(el, { category: 'Graffiti on Public Property', address: '1 Main St', description: 'Tags' });
    getByRole(el, 'button', 'Submit').click();
    const provisional = await waitFor(
      () => regionText(el, 'status').includes('provisional reference') && regionText(el, 'status'),
      'the token',
    );
    expect(provisional).to.contain('tok-77');
    const final = await waitFor(
      () => regionText(el, 'status').includes('4242') && regionText(el, 'status'),
      'the id',
      8000,
    );
    expect(final).to.contain('Your reference number is');
    expect(heard).to.deep.equal([
      ['cp-request-submitted', el, { token: 'tok-77', serviceCode: 'GRAFFITI_PUBLIC' }],
      ['cp-reference-resolved', el, { token: 'tok-77', serviceRequestId: '4242' }],
    ]);
  });
});

describe('Open311 client: path spellings', () => {
  it('learns that a server says request/{id}, and asks that way next time', async () => {
    const mock = await useMockBackend();
    const plural = sequence('get', 'requests/:id', [() => new HttpResponse('<h1>Not Found</h1>', { status: 404 })]);
    mock.worker.use(
      plural.handler,
      http.get(`${BASE}/request/:id`, ({ params }) =>
        HttpResponse.json([{ service_request_id: String(params['id']).replace('.json', ''), status: 'open' }]),
      ),
    );
    const backend = backendWith();
    expect((await backend.request('7')).service_request_id).to.equal('7');
    const firstTries = plural.calls.count;
    expect((await backend.request('8')).service_request_id).to.equal('8');
    expect(plural.calls.count).to.equal(firstTries); // no second detour
  });
});

describe('Open311 client: XML', () => {
  const servicesXml = `<?xml version="1.0" encoding="utf-8"?>
<services><service><service_code>001</service_code><service_name>Cans left out 24x7</service_name>
<metadata>true</metadata><type>realtime</type><group>sanitation</group></service></services>`;

  it('falls back to XML when JSON is refused, and keeps speaking XML', async () => {
    const mock = await useMockBackend();
    const json = sequence('get', 'services.json', [() => new HttpResponse('Not acceptable', { status: 406 })]);
    const definition = sequence('get', 'services/001.xml', [
      () =>
        new HttpResponse(
          `<service_definition><service_code>001</service_code><attributes><attribute><variable>true</variable><code>WHERE</code><datatype>string</datatype><required>true</required><order>1</order><description>Where exactly?</description></attribute></attributes></service_definition>`,
          { headers: { 'Content-Type': 'text/xml' } },
        ),
    ]);
    mock.worker.use(
      json.handler,
      definition.handler,
      http.get(
        `${BASE}/services.xml`,
        () => new HttpResponse(servicesXml, { headers: { 'Content-Type': 'text/xml' } }),
      ),
    );
    const backend = backendWith();
    const services = await backend.services();
    expect(services[0]).to.deep.include({
      service_code: '001',
      service_name: 'Cans left out 24x7',
      metadata: true,
      group: 'sanitation',
    });
    const def = await backend.serviceDefinition('001');
    expect(def.attributes[0]).to.deep.include({ code: 'WHERE', required: true, description: 'Where exactly?' });
    expect(json.calls.count).to.equal(1); // the second call went straight to XML
    expect(definition.calls.count).to.equal(1);
  });

  it('falls back to XML when the JSON answer is garbled HTML', async () => {
    const mock = await useMockBackend();
    mock.worker.use(
      http.get(
        `${BASE}/services.json`,
        () => new HttpResponse('<html><body>Oops</body></html>', { headers: { 'Content-Type': 'text/html' } }),
      ),
      http.get(`${BASE}/services.xml`, () => new HttpResponse(servicesXml)),
    );
    expect((await backendWith().services())[0]!.service_code).to.equal('001');
  });

  it('speaks XML from the start with format: xml', async () => {
    const mock = await useMockBackend();
    const json = sequence('get', 'services.json', [ok]);
    mock.worker.use(
      json.handler,
      http.get(`${BASE}/services.xml`, () => new HttpResponse(servicesXml)),
    );
    expect((await backendWith({ format: 'xml' }).services())[0]!.service_code).to.equal('001');
    expect(json.calls.count).to.equal(0);
  });

  it('honours an error code sent with HTTP 200 only when it is an HTTP error status', async () => {
    const mock = await useMockBackend();
    const s = sequence('get', 'requests/5.json', [
      () => HttpResponse.json([{ code: 403, description: 'Bad key' }]),
      () => HttpResponse.json({ errors: [{ code: 'Infinity' }, { description: '!' }] }),
    ]);
    mock.worker.use(s.handler);
    expect((await failure(backendWith().request('5'))).kind).to.equal('forbidden');
    // Found by the property tests: a nonsense code must not become an HTTP status.
    const e = await failure(backendWith().request('5'));
    expect(e.kind).to.equal('invalid-response');
    expect(e.details.status).to.equal(200);
  });

  it('says invalid-response, with the path, when neither format makes sense', async () => {
    const mock = await useMockBackend();
    mock.worker.use(http.get(`${BASE}/services.json`, () => HttpResponse.json([{ name: 'no code' }])));
    const e = await failure(backendWith().services());
    expect(e.kind).to.equal('invalid-response');
    expect(e.details.path).to.equal('0.service_code');
  });
});
