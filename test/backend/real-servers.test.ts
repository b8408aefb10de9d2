/**
 * The Open311 client against the shapes real GeoReport v2 servers answer with (issue #17). Every fixture under
 * test/fixtures/real/<server>/ is our own document reproducing one recorded shape of that server (see its README);
 * each is served through a stub `fetch` and must become a model or one typed error, never "could not read" for
 * data a person can understand.
 */
// The test server's own fetch, taken before anything can wrap it: it loads the fixtures, never the client's calls.
const realFetch: typeof fetch = globalThis.fetch.bind(globalThis);

import { expect } from '@open-wc/testing';
import { createOpen311Backend } from '../../src/backend/open311';
import { isBackendError, type BackendError } from '../../src/backend/types';
import type { ServiceDefinition } from '../../src/schema/open311';

const ENDPOINT = 'https://city.example/open311/v2';
const BASE_PATH = '/open311/v2/';

const FIXTURES = [
  'eindhoven-open311-api/services.json',
  'eindhoven-open311-api/definition-nested-values.json',
  'eindhoven-open311-api/definition-no-attributes-400.json',
  'eindhoven-open311-api/definition-unknown-404.json',
  'eindhoven-open311-api/request.json',
  'eindhoven-open311-api/request-missing.json',
  'eindhoven-open311-api/requests.xml',
  'eindhoven-open311-api/post.json',
  'eindhoven-open311-api/post.xml',
  'eindhoven-open311-api/error-api-key-403.json',
  'eindhoven-open311-api/error-paging-400.json',
  'eindhoven-open311-api/error-jurisdiction-400.xml',
  'spec-era-dc-sf/definition.xml',
  'spec-era-dc-sf/requests.xml',
  'spec-era-dc-sf/requests-empty.xml',
  'spec-era-dc-sf/request-not-found.xml',
  'spec-era-dc-sf/post.xml',
  'spec-era-dc-sf/token.xml',
  'spec-era-dc-sf/error-api-key-403.xml',
  'fixmystreet-open311-adapter/definition.xml',
  'fixmystreet-open311-adapter/requests.xml',
  'fixmystreet-open311-adapter/post.xml',
  'fixmystreet-open311-adapter/error-400.xml',
  'boston-311/request.json',
  'klarschiff-citysdk/error-401.xml',
] as const;
type Fixture = (typeof FIXTURES)[number];

const texts = new Map<string, string>();

before(async () => {
  await Promise.all(
    FIXTURES.map(async (name) => {
      const res = await realFetch(`/test/fixtures/real/${name}`);
      if (!res.ok) throw new Error(`fixture ${name}: HTTP ${res.status}`);
      texts.set(name, await res.text());
    }),
  );
});

// --- The stub server ------------------------------------------------------------------------------------------

interface Reply {
  fixture?: Fixture;
  body?: string;
  status?: number;
}
/** Keys: `METHOD path` under the endpoint (percent-encoded), e.g. `GET services/2.json`. */
type Routes = Record<string, Reply | ((url: URL) => Reply)>;

interface Call {
  method: string;
  path: string;
  url: URL;
}

function serve(routes: Routes, extra: { format?: 'json' | 'xml' } = {}) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : url.pathname;
    calls.push({ method, path, url });
    const route = routes[`${method} ${path}`];
    if (!route) return new Response('<html><body><h1>Not Found</h1></body></html>', { status: 404 });
    const reply = typeof route === 'function' ? route(url) : route;
    const text = reply.fixture ? texts.get(reply.fixture)! : (reply.body ?? '');
    const type = (reply.fixture ?? '').endsWith('.xml') ? 'text/xml' : 'application/json';
    return new Response(text, { status: reply.status ?? 200, headers: { 'Content-Type': type } });
  };
  const backend = createOpen311Backend({
    endpoint: ENDPOINT,
    fetch: fetch as typeof globalThis.fetch,
    retries: 0,
    retryBaseMs: 0,
    timeoutMs: 2000,
    tokenPollMs: 0,
    tokenTimeoutMs: 200,
    ...extra,
  });
  return { backend, calls };
}

async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    const value = await promise;
    throw new Error(`expected the call to fail, it gave ${JSON.stringify(value)}`);
  } catch (e) {
    if (!isBackendError(e)) throw e;
    return e;
  }
}

/** JSON's view of a model: keys whose value is undefined are the same as absent. */
const plain = <T>(value: T): unknown => JSON.parse(JSON.stringify(value ?? null));

/** Records console.warn while `fn` runs. */
async function warnings<T>(fn: () => Promise<T>): Promise<{ value: T; warned: string[] }> {
  const warned: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
  try {
    return { value: await fn(), warned };
  } finally {
    console.warn = original;
  }
}

/** Every question a resident is shown can be answered: a code, and for lists at least one choice with a key and a name. */
function expectUsable(def: ServiceDefinition) {
  for (const a of def.attributes) {
    expect(a.code, 'code').to.be.a('string').and.not.equal('');
    expect(a.datatype, `${a.code} datatype`).to.be.a('string');
    if (a.variable && /valuelist$/.test(a.datatype)) {
      expect(a.values.length, `${a.code} has choices`).to.be.greaterThan(0);
      for (const v of a.values) {
        expect(v.key, `${a.code} key`).to.be.a('string').and.not.equal('');
        expect(v.name, `${a.code} name`).to.be.a('string').and.not.equal('');
        expect(v.name, `${a.code} name`).not.to.contain('[object');
      }
    }
  }
}

const NEW_REQUEST = { service_code: '2', address_string: 'Stationsplein 9', attributes: { BRAND: '410' } };

// --- Eindhoven open311-api (Node + MySQL) ----------------------------------------------------------------------

describe('real servers: Eindhoven open311-api', () => {
  it('lists its services with numeric codes', async () => {
    const { backend } = serve({ 'GET services.json': { fixture: 'eindhoven-open311-api/services.json' } });
    const services = await backend.services();
    expect(services.map((s) => [s.service_code, s.service_name, s.metadata])).to.deep.equal([
      ['1', 'Loose paving stone', false],
      ['2', 'Abandoned car', true],
      ['3', 'Overgrown hedge', true],
    ]);
  });

  it('reads values sent as {key: {key, name}, name: {key, name}}, and skips (and reports) what cannot be read', async () => {
    const { backend } = serve({
      'GET services/2.json': { fixture: 'eindhoven-open311-api/definition-nested-values.json' },
    });
    const { value: def, warned } = await warnings(() => backend.serviceDefinition('2'));
    expectUsable(def);
    expect(def.attributes.map((a) => a.code)).to.deep.equal(['BRAND', 'COLOUR', 'PLATE']);
    expect(plain(def.attributes[0]!.values)).to.deep.equal([
      { key: '410', name: 'Saab' },
      { key: '411', name: 'Volvo' },
      { key: '412', name: 'Other' },
    ]);
    expect(plain(def.attributes[1]!.values)).to.deep.equal([
      { key: 'blue', name: 'blue' },
      { key: 'grey', name: 'grey' },
    ]);
    // The two questions that could not be read: one with no usable choice, one without a code.
    expect(warned.length).to.equal(2);
    expect(warned[0]).to.contain('DAMAGE');
    expect(warned.join('\n')).to.match(/citizen-portal/);
  });

  it('reads a 400 "service has no attributes" as a category without questions', async () => {
    const { backend } = serve({
      'GET services/1.json': { fixture: 'eindhoven-open311-api/definition-no-attributes-400.json', status: 400 },
    });
    expect(plain(await backend.serviceDefinition('1'))).to.deep.equal({ service_code: '1', attributes: [] });
  });

  it('still reports a 404 for an unknown service as not found', async () => {
    const { backend } = serve({
      'GET services/9.json': { fixture: 'eindhoven-open311-api/definition-unknown-404.json', status: 404 },
    });
    const e = await rejection(backend.serviceDefinition('9'));
    expect([e.kind, e.details.serverMessage]).to.deep.equal([
      'not-found',
      "ServiceError -- The requested service isn't available",
    ]);
  });

  it('shows a request without service_code or service_name, its coordinates without float noise', async () => {
    const { backend } = serve({ 'GET requests/5071.json': { fixture: 'eindhoven-open311-api/request.json' } });
    const r = await backend.request('5071');
    expect(r.service_request_id).to.equal('5071');
    expect(r.status).to.equal('open');
    expect(r.statusFamily).to.equal('open');
    expect(r.service_code).to.equal(undefined);
    expect(r.service_name).to.equal(undefined);
    expect(r.agency_responsible).to.equal('Public Works North');
    expect(r.requested_datetime).to.equal('2026-03-04T09:15:00.000Z');
    expect(r.updated_datetime).to.equal('2026-03-05T07:02:11.000Z');
    expect([r.lat, r.long]).to.deep.equal([51.443, 5.48]);
    expect(r.media_urls).to.deep.equal([
      'https://open311.eindhoven.example/media/2026/3/4/b1c2d3.jpg',
      'https://open311.eindhoven.example/media/2026/3/4/b1c2d4.jpg',
    ]);
  });

  it('reads a missing request answered with HTTP 200 and [] as not found', async () => {
    const { backend } = serve({
      'GET requests/404404.json': { fixture: 'eindhoven-open311-api/request-missing.json' },
    });
    expect((await rejection(backend.request('404404'))).kind).to.equal('not-found');
  });

  it('reads <service_request> items and literal "null" text in XML', async () => {
    const { backend } = serve(
      { 'GET requests.xml': { fixture: 'eindhoven-open311-api/requests.xml' } },
      { format: 'xml' },
    );
    const list = await backend.requests({ ids: ['5071', '5072'] });
    expect(list.map((r) => [r.service_request_id, r.statusFamily, r.service_name])).to.deep.equal([
      ['5071', 'open', undefined],
      ['5072', 'closed', 'Overgrown hedge'],
    ]);
    const second = list[1]!;
    expect(second.description).to.equal(undefined);
    expect(second.status_notes).to.equal(undefined);
    expect(second.expected_datetime).to.equal(undefined);
    expect(second.zipcode).to.equal(undefined);
    expect([second.lat, second.long]).to.deep.equal([51.438, -0.12]);
  });

  it('reads its POST answers, in JSON and in XML (an inner <service_requests>)', async () => {
    const json = serve({ 'POST requests.json': { fixture: 'eindhoven-open311-api/post.json' } });
    expect(await json.backend.submit(NEW_REQUEST)).to.deep.equal({
      serviceRequestId: '5073',
      notice: 'Your report has been sent to Public Works North.',
    });
    const xml = serve({ 'POST requests.xml': { fixture: 'eindhoven-open311-api/post.xml' } }, { format: 'xml' });
    expect(await xml.backend.submit(NEW_REQUEST)).to.deep.equal({
      serviceRequestId: '5073',
      notice: 'Your report has been sent to Public Works North.',
    });
  });

  it('reads its {type, code: "middleware_26", message} error object', async () => {
    const { backend } = serve({
      'POST requests.json': { fixture: 'eindhoven-open311-api/error-api-key-403.json', status: 403 },
    });
    const e = await rejection(backend.submit(NEW_REQUEST));
    expect([e.kind, e.details.status, e.details.serverMessage]).to.deep.equal([
      'forbidden',
      403,
      'No api_key was provided',
    ]);
  });

  it('reads the same error object sent with HTTP 200 as the server’s message, not as an unreadable answer', async () => {
    const { backend } = serve({ 'POST requests.json': { fixture: 'eindhoven-open311-api/error-api-key-403.json' } });
    const e = await rejection(backend.submit(NEW_REQUEST));
    expect(e.kind).not.to.equal('invalid-response');
    expect(e.details.serverMessage).to.equal('No api_key was provided');
  });

  it('asks again without page/page_size when paging fails with a database error', async () => {
    const { backend, calls } = serve({
      'GET requests.json': (url) =>
        url.searchParams.has('page')
          ? { fixture: 'eindhoven-open311-api/error-paging-400.json', status: 400 }
          : { fixture: 'eindhoven-open311-api/request.json' },
    });
    const list = await backend.requests({ status: ['open'], limit: 50 });
    expect(list.map((r) => r.service_request_id)).to.deep.equal(['5071']);
    expect(calls.map((c) => c.url.searchParams.has('page'))).to.deep.equal([true, false]);
  });

  it('reads its XML <errors> as the error it names', async () => {
    const { backend } = serve(
      { 'GET services.xml': { fixture: 'eindhoven-open311-api/error-jurisdiction-400.xml', status: 400 } },
      { format: 'xml' },
    );
    const e = await rejection(backend.services());
    expect([e.kind, e.details.status, e.details.serverMessage]).to.deep.equal([
      'http',
      400,
      'JurisdictionError -- The jurisdiction_id is not known here',
    ]);
  });

  it('sends the language as ?lang= with locale-param', async () => {
    const server = serve({ 'GET services.json': { fixture: 'eindhoven-open311-api/services.json' } });
    const backend = createOpen311Backend({
      endpoint: ENDPOINT,
      fetch: (async (i: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(String(i));
        expect(url.searchParams.get('lang')).to.equal('nl');
        return new Response(texts.get('eindhoven-open311-api/services.json'), { status: 200 });
      }) as typeof fetch,
      retries: 0,
      lang: 'nl',
      localeParam: 'lang',
    });
    expect((await backend.services()).length).to.equal(3);
    expect(server.calls.length).to.equal(0);
  });
});

// --- Washington DC / San Francisco, the spec-era servers the Ruby client was tested against --------------------

describe('real servers: spec-era XML (Washington DC, San Francisco)', () => {
  const xml = (routes: Routes) => serve(routes, { format: 'xml' });

  it('reads a definition whose <attribute>s stand directly in <service_definition>', async () => {
    const { backend } = xml({ 'GET services/033.xml': { fixture: 'spec-era-dc-sf/definition.xml' } });
    const def = await backend.serviceDefinition('033');
    expectUsable(def);
    expect(def.service_code).to.equal('033');
    expect(def.attributes.map((a) => [a.code, a.variable, a.required])).to.deep.equal([
      ['VEHTYPE', true, true],
      ['NOTE', false, false],
    ]);
    expect(def.attributes[0]!.datatype_description).to.equal(undefined);
    expect(plain(def.attributes[0]!.values)).to.deep.equal([
      { key: '21', name: 'Car' },
      { key: '22', name: 'Van or truck' },
    ]);
  });

  it('reads requests with leading-zero codes, empty elements and a media_url with a trailing space', async () => {
    const { backend } = xml({ 'GET requests.xml': { fixture: 'spec-era-dc-sf/requests.xml' } });
    const [first, second] = await backend.requests({ ids: ['700101', '700102'] });
    expect(first!.service_code).to.equal('033');
    expect(first!.status_notes).to.equal('Duplicate request.');
    expect(first!.agency_responsible).to.equal(undefined);
    expect(first!.requested_datetime).to.equal('2026-02-10T15:12:00.000Z');
    expect(first!.media_urls).to.deep.equal(['http://open311.city.example/requests/media/700101.jpg']);
    expect(second!.media_urls).to.deep.equal([]);
    expect(second!.statusFamily).to.equal('open');
  });

  it('reads an empty <service_requests> as no requests', async () => {
    const { backend } = xml({ 'GET requests.xml': { fixture: 'spec-era-dc-sf/requests-empty.xml' } });
    expect(await backend.requests({ ids: ['1'] })).to.deep.equal([]);
  });

  it('reads <errors> with code 404 as not found, with HTTP 404 and with HTTP 200', async () => {
    for (const status of [404, 200]) {
      const { backend } = xml({
        'GET requests/99999999.xml': { fixture: 'spec-era-dc-sf/request-not-found.xml', status },
      });
      const e = await rejection(backend.request('99999999'));
      expect([status, e.kind]).to.deep.equal([status, 'not-found']);
      expect(e.details.serverMessage).to.equal('Service request not found with id or token 99999999');
    }
  });

  it('reads a POST answer with a multi-line notice and an empty <account_id/>', async () => {
    const { backend } = xml({ 'POST requests.xml': { fixture: 'spec-era-dc-sf/post.xml' } });
    expect(await backend.submit(NEW_REQUEST)).to.deep.equal({
      serviceRequestId: '700103',
      notice: 'A crew will look at the vehicle within three working days.',
    });
  });

  it('reads a token answer', async () => {
    const { backend } = xml({ 'GET tokens/8812.xml': { fixture: 'spec-era-dc-sf/token.xml' } });
    expect(await backend.resolveToken('8812')).to.equal('700104');
  });

  it('reads a bare <error>text</error> with HTTP 403 as forbidden, with its text', async () => {
    const { backend } = xml({ 'POST requests.xml': { fixture: 'spec-era-dc-sf/error-api-key-403.xml', status: 403 } });
    const e = await rejection(backend.submit(NEW_REQUEST));
    expect([e.kind, e.details.serverMessage]).to.deep.equal([
      'forbidden',
      'The api_key was not accepted -- the request was not filed.',
    ]);
  });
});

// --- FixMyStreet and mySociety's open311-adapter ----------------------------------------------------------------

describe('real servers: FixMyStreet / open311-adapter', () => {
  const xml = (routes: Routes) => serve(routes, { format: 'xml' });

  it('does not ask residents the questions the server fills itself (automated server_set, hidden_field)', async () => {
    const { backend } = xml({ 'GET services/POT.xml': { fixture: 'fixmystreet-open311-adapter/definition.xml' } });
    const def = await backend.serviceDefinition('POT');
    expectUsable(def);
    expect(def.attributes.map((a) => [a.code, a.variable])).to.deep.equal([
      ['depth', true],
      ['safety_note', false],
    ]);
  });

  it('reads extended statuses and an agency_responsible <recipient>', async () => {
    const { backend } = xml({ 'GET requests/1001.xml': { fixture: 'fixmystreet-open311-adapter/requests.xml' } });
    const r = await backend.request('1001');
    expect([r.status, r.statusFamily, r.agency_responsible, r.status_notes]).to.deep.equal([
      'action_scheduled',
      'in-progress',
      'Highways Team',
      'Repair booked for next week',
    ]);
    expect([r.lat, r.long]).to.deep.equal([51.401, 0.015]);
  });

  it('reads a POST answer with only an id, and its <errors>', async () => {
    const ok = xml({ 'POST requests.xml': { fixture: 'fixmystreet-open311-adapter/post.xml' } });
    expect(await ok.backend.submit(NEW_REQUEST)).to.deep.equal({ serviceRequestId: '1002' });
    const bad = xml({ 'POST requests.xml': { fixture: 'fixmystreet-open311-adapter/error-400.xml', status: 400 } });
    const e = await rejection(bad.backend.submit(NEW_REQUEST));
    expect([e.kind, e.details.serverMessage]).to.deep.equal(['http', 'Invalid service_code: NOPE']);
  });
});

// --- Boston 311, Klarschiff (German cities, CitySDK) --------------------------------------------------------------

describe('real servers: Boston 311 and Klarschiff', () => {
  it('Boston: media as a list of {id, url, tags}, dates with milliseconds, description null', async () => {
    const { backend } = serve({ 'GET requests/101004012345.json': { fixture: 'boston-311/request.json' } });
    const r = await backend.request('101004012345');
    expect(r.media_urls).to.deep.equal([
      'https://res.cloudinary.example/boston/req/one.jpg',
      'https://res.cloudinary.example/boston/req/two.jpg',
    ]);
    expect(r.media_url).to.equal('https://res.cloudinary.example/boston/req/one.jpg');
    expect(r.requested_datetime).to.equal('2026-04-01T13:05:09.000Z');
    expect(r.description).to.equal(undefined);
    // Full-precision coordinates are kept as they are: only 32-bit float noise is cleaned.
    expect([r.lat, r.long]).to.deep.equal([42.34870012345678, -71.05780012345678]);
  });

  it('Klarschiff: a 401 <errors> in German reads as forbidden, with the city’s words', async () => {
    const { backend } = serve(
      { 'POST requests.xml': { fixture: 'klarschiff-citysdk/error-401.xml', status: 401 } },
      { format: 'xml' },
    );
    const e = await rejection(backend.submit(NEW_REQUEST));
    expect([e.kind, e.details.serverMessage]).to.deep.equal(['forbidden', 'Der übergebene API-Key ist nicht bekannt.']);
  });
});

// --- Every fixture, one way or another, is understood ---------------------------------------------------------

describe('real servers: no fixture is "could not read"', () => {
  for (const name of FIXTURES) {
    it(name, async () => {
      const isXml = name.endsWith('.xml');
      const ext = isXml ? 'xml' : 'json';
      const error = /error|missing|not-found|400|404/.test(name);
      const kind = /definition/.test(name)
        ? 'definition'
        : /post/.test(name)
          ? 'post'
          : /token/.test(name)
            ? 'token'
            : /services/.test(name)
              ? 'services'
              : 'requests';
      const status = /-400/.test(name)
        ? 400
        : /-404|not-found/.test(name)
          ? 404
          : /-403/.test(name)
            ? 403
            : /-401/.test(name)
              ? 401
              : 200;
      const { backend } = serve(
        {
          [`GET services.${ext}`]: { fixture: name, status },
          [`GET services/X.${ext}`]: { fixture: name, status },
          [`GET requests.${ext}`]: { fixture: name, status },
          [`GET tokens/T.${ext}`]: { fixture: name, status },
          [`POST requests.${ext}`]: { fixture: name, status },
        },
        { format: isXml ? 'xml' : 'json' },
      );
      const run = (): Promise<unknown> => {
        if (kind === 'definition') return backend.serviceDefinition('X');
        if (kind === 'post') return backend.submit(NEW_REQUEST);
        if (kind === 'token') return backend.resolveToken('T');
        if (kind === 'services') return backend.services();
        return backend.requests({ ids: ['1'] });
      };
      try {
        const { value } = await warnings(run);
        if (kind === 'definition') expectUsable(value as ServiceDefinition);
        expect(error && status !== 200 && kind !== 'definition', `${name} should have failed`).to.equal(false);
      } catch (e) {
        if (!isBackendError(e)) throw e;
        expect(e.kind, `${name}: ${e.message}`).not.to.equal('invalid-response');
      }
    });
  }
});
