/**
 * The Open311 client against the dialects real GeoReport v2 servers speak (../shared/open311/README.md, "Dialects
 * seen on real servers"). Every case serves a fixture from test/fixtures/dialects/ through a stub `fetch` and checks
 * the normalised model field by field; dialects written in both JSON and XML must give the same model.
 */
// The test server's own fetch, taken before anything can wrap it: it loads the fixtures, never the client's calls.
const realFetch: typeof fetch = globalThis.fetch.bind(globalThis);

import { expect } from '@open-wc/testing';
import { createOpen311Backend } from '../../src/backend/open311';
import { isBackendError, BackendError } from '../../src/backend/types';

const ENDPOINT = 'https://city.example/open311/v2';
const BASE_PATH = '/open311/v2/';

const FIXTURES = [
  'services-bare.json',
  'services-bare.xml',
  'services-wrapped.json',
  'services-single.json',
  'services-single.xml',
  'services-types.json',
  'services-invalid-json-001.json',
  'services-invalid-json-001.xml',
  'services-uppercase.json',
  'services-codes.json',
  'definition-standard.json',
  'definition-standard.xml',
  'definition-types.json',
  'definition-datatypes.json',
  'definition-single.json',
  'definition-single.xml',
  'definition-uppercase.json',
  'requests-bare.json',
  'requests-bare.xml',
  'requests-wrapped.json',
  'requests-single.json',
  'requests-single.xml',
  'request-object.json',
  'request-agency-recipient-fms.json',
  'request-agency-recipient-fms.xml',
  'request-extended-status-fms.json',
  'request-media-string.json',
  'request-media-array.json',
  'request-media-null.json',
  'request-media-unsafe.json',
  'requests-dates.json',
  'requests-without-id.json',
  'request-types.json',
  'request-uppercase.json',
  'request-extensions.json',
  'post-realtime.json',
  'post-realtime.xml',
  'post-token.json',
  'post-wrapped-201.json',
  'post-blackbox.json',
  'tokens.json',
  'tokens-pending.json',
  'tokens-single.json',
  'tokens-single.xml',
  'error-code-description.json',
  'error-code-description.xml',
  'error-object.json',
  'error-description-only.json',
  'error-message.json',
  'error-not-found.json',
  'error-wrong-jurisdiction.json',
] as const;
type FixtureName = (typeof FIXTURES)[number];

const fixtures = new Map<string, string>();

function fixture(name: FixtureName): string {
  const text = fixtures.get(name);
  if (text === undefined) throw new Error(`fixture ${name} was not loaded`);
  return text;
}

/** An error page as a proxy or a framework sends it: no GeoReport message in it. */
const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>502 Bad Gateway</title></head>
<body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p>
<hr><address>Apache/2.4.57 (Debian) Server at city.example Port 443</address></body>
</html>
`;
const HTML_NOT_FOUND_PAGE =
  '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>';

// --- The stub server ------------------------------------------------------------------------------------------

interface Reply {
  fixture?: FixtureName;
  body?: string;
  status?: number;
  type?: string;
  headers?: Record<string, string>;
}
/** Keys: a path under the endpoint, as sent (percent-encoded), e.g. `services.json`, optionally `POST requests.json`. */
type Routes = Record<string, Reply | Reply[]>;

interface Call {
  method: string;
  url: URL;
  /** Under the endpoint, percent-encoded, without the query. */
  path: string;
  headers: Headers;
  body: string | undefined;
}

type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

const contentTypeOf = (name: string) =>
  name.endsWith('.xml')
    ? 'text/xml; charset=utf-8'
    : name.endsWith('.json')
      ? 'application/json; charset=utf-8'
      : 'text/plain';

/** A fetch that answers from `routes`; a reply list is served in order, its last entry from then on. */
function stubServer(routes: Routes): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const served = new Map<string, number>();
  const stubFetch: FetchLike = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : url.pathname;
    const body = init?.body !== undefined && init.body !== null ? String(init.body) : undefined;
    calls.push({ method, url, path, headers: new Headers(init?.headers ?? request?.headers), body });
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');

    const key = `${method} ${path}` in routes ? `${method} ${path}` : path in routes ? path : undefined;
    if (key === undefined) {
      return new Response(HTML_NOT_FOUND_PAGE, { status: 404, headers: { 'Content-Type': 'text/html' } });
    }
    const entry = routes[key]!;
    const list = Array.isArray(entry) ? entry : [entry];
    const n = served.get(key) ?? 0;
    served.set(key, n + 1);
    const reply = list[Math.min(n, list.length - 1)]!;
    const text = reply.fixture ? fixture(reply.fixture) : (reply.body ?? '');
    const type = reply.type ?? contentTypeOf(reply.fixture ?? '');
    return new Response(text, { status: reply.status ?? 200, headers: { 'Content-Type': type, ...reply.headers } });
  };
  return { fetch: stubFetch, calls };
}

/** The options of the contract (src/backend/open311.ts), as the tests use them. */
interface TestOptions {
  endpoint: string;
  format?: 'json' | 'xml';
  fetch: FetchLike;
  retries: number;
  retryBaseMs: number;
  timeoutMs: number;
  tokenPollMs: number;
  /** How long resolveToken keeps polling; short, so that a failing case fails fast. */
  tokenTimeoutMs?: number;
  jurisdiction?: string;
  apiKey?: string;
  lang?: string;
}

function backendFor(routes: Routes, extra: Partial<TestOptions> = {}) {
  const server = stubServer(routes);
  const options: TestOptions = {
    endpoint: ENDPOINT,
    fetch: server.fetch,
    retries: 0,
    retryBaseMs: 0,
    timeoutMs: 2000,
    tokenPollMs: 0,
    tokenTimeoutMs: 500,
    ...extra,
  };
  const backend = createOpen311Backend(options);
  return { backend, calls: server.calls };
}

/** The same routes with `.json` replaced by `.xml` in every key, for the XML twin of a dialect. */
function asXmlRoutes(routes: Routes): Routes {
  return Object.fromEntries(Object.entries(routes).map(([k, v]) => [k.replace(/\.json$/, '.xml'), v]));
}

/** JSON's view of a model: keys whose value is undefined are the same as absent ("optional" means that). */
const plain = <T>(value: T): unknown => JSON.parse(JSON.stringify(value ?? null));

async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (e) {
    expect(isBackendError(e), `expected a BackendError, got ${String(e)}`).to.equal(true);
    expect(e).to.be.instanceOf(BackendError);
    return e as BackendError;
  }
  throw new Error(`expected the call to fail, it gave ${JSON.stringify(value)}`);
}

const errorView = (e: BackendError) => ({
  kind: e.kind,
  status: e.details.status,
  serverMessage: e.details.serverMessage,
});

/** The ISO string of a zone-less local time, as the resident's browser reads it. */
const local = (s: string) => new Date(s).toISOString();

const NEW_REQUEST = {
  service_code: 'POTHOLE',
  address_string: '225 Church St',
  description: 'Deep pothole in the right lane',
  attributes: { SIZE: 'large' },
};

// --- Expected models, by fixture ---------------------------------------------------------------------------------

const EXPECTED = {
  'services-bare': [
    {
      service_code: '117',
      service_name: 'Pothole',
      description: 'A hole in the road surface',
      metadata: true,
      type: 'realtime',
      keywords: 'road, street, hole',
      group: 'Streets',
    },
    {
      service_code: '121',
      service_name: 'Graffiti',
      description: 'Paint or markings on public property',
      metadata: false,
      type: 'batch',
      group: 'Parks and public spaces',
    },
    {
      service_code: '126',
      service_name: 'Streetlight out',
      metadata: false,
      type: 'blackbox',
      keywords: 'light, lamp',
      group: 'Streets',
    },
  ],
  'services-single': [
    {
      service_code: 'DOG',
      service_name: 'Dog fouling',
      description: 'Dog mess on a pavement or in a park',
      metadata: true,
      type: 'realtime',
      keywords: 'dog, mess',
      group: 'Street cleaning',
    },
  ],
  'definition-standard': {
    service_code: '4fd3b167e750846744000005',
    attributes: [
      {
        variable: true,
        code: 'SIZE',
        datatype: 'singlevaluelist',
        required: true,
        order: 1,
        description: 'How large is the pothole?',
        values: [
          { key: 'small', name: 'Smaller than a dinner plate' },
          { key: 'large', name: 'Larger than a dinner plate' },
        ],
      },
      {
        variable: true,
        code: 'LANES',
        datatype: 'multivaluelist',
        required: false,
        order: 2,
        description: 'Which lanes are affected?',
        values: [
          { key: 'N', name: 'Northbound' },
          { key: 'S', name: 'Southbound' },
        ],
      },
      {
        variable: true,
        code: 'DEPTH',
        datatype: 'number',
        required: false,
        datatype_description: 'Depth in centimetres',
        order: 3,
        description: 'How deep is it?',
        values: [],
      },
      {
        variable: true,
        code: 'FIRST_SEEN',
        datatype: 'datetime',
        required: false,
        order: 4,
        description: 'When did you first notice it?',
        values: [],
      },
      {
        variable: true,
        code: 'DETAILS',
        datatype: 'text',
        required: false,
        order: 5,
        description: 'Anything else the crew should know?',
        values: [],
      },
    ],
  },
  'definition-single': {
    service_code: 'DOG',
    attributes: [
      {
        variable: true,
        code: 'DOG_PRESENT',
        datatype: 'singlevaluelist',
        required: true,
        order: 1,
        description: 'Is the dog still there?',
        values: [{ key: 'yes', name: 'Yes' }],
      },
    ],
  },
  'requests-bare': [
    {
      service_request_id: '638344',
      status: 'closed',
      statusFamily: 'closed',
      status_notes: 'Duplicate request.',
      service_name: 'Sidewalk and Curb Issues',
      service_code: '4fd3b167e750846744000005',
      agency_responsible: 'Department of Transportation',
      requested_datetime: '2010-04-14T14:37:38.000Z',
      updated_datetime: '2010-04-14T14:37:38.000Z',
      expected_datetime: '2010-04-15T14:37:38.000Z',
      address: '8TH AVE and JUDAH ST',
      address_id: '545483',
      zipcode: '94122',
      lat: 37.762221815,
      long: -122.4651145,
      media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg',
      media_urls: ['http://city.gov.s3.amazonaws.com/requests/media/638344.jpg'],
    },
    {
      service_request_id: '638349',
      status: 'open',
      statusFamily: 'open',
      service_name: 'Sidewalk and Curb Issues',
      service_code: '4fd3b167e750846744000005',
      agency_responsible: 'Department of Transportation',
      requested_datetime: '2010-04-19T14:37:38.000Z',
      updated_datetime: '2010-04-19T14:37:38.000Z',
      expected_datetime: '2010-04-19T14:37:38.000Z',
      address: '8TH AVE and JUDAH ST',
      address_id: '545483',
      zipcode: '94122',
      lat: 37.762221815,
      long: -122.4651145,
      media_urls: [],
    },
  ],
  'requests-single': {
    service_request_id: '2048577',
    status: 'open',
    statusFamily: 'open',
    service_name: 'Potholes',
    service_code: 'Potholes',
    description: 'Large pothole outside number 12',
    requested_datetime: '2024-05-02T08:14:07.000Z',
    updated_datetime: '2024-05-03T15:20:45.000Z',
    lat: 51.752045,
    long: -1.255839,
    zipcode: 'OX1 1AA',
    media_urls: [],
  },
  'request-agency-recipient-fms': [
    {
      service_request_id: '2048577',
      status: 'open',
      statusFamily: 'open',
      agency_responsible: 'Borsetshire County Council, Trumpton Town Council',
      description: 'Large pothole outside number 12, about 30cm across.',
      detail: 'Large pothole outside number 12, about 30cm across.',
      interface_used: 'Web interface',
      lat: 51.752045,
      long: -1.255839,
      media_url: 'https://www.fixmystreet.com/photo/2048577.0.jpeg',
      media_urls: ['https://www.fixmystreet.com/photo/2048577.0.jpeg'],
      requested_datetime: '2024-05-02T08:14:07.000Z',
      updated_datetime: '2024-05-03T15:20:45.000Z',
      service_code: 'Potholes',
      service_name: 'Potholes',
      title: 'Pothole on Church Road',
      zipcode: 'OX1 1AA',
    },
    {
      service_request_id: '2048601',
      status: 'action scheduled',
      statusFamily: 'in-progress',
      agency_responsible: 'Trumpton Town Council',
      description: 'Street light flickering all night.',
      detail: 'Street light flickering all night.',
      interface_used: 'iOS app',
      lat: 51.7521,
      long: -1.2577,
      media_urls: [],
      requested_datetime: '2024-05-04T21:01:00.000Z',
      updated_datetime: '2024-05-06T08:00:00.000Z',
      service_code: 'Street lighting',
      service_name: 'Street lighting',
      title: 'Flickering street light',
    },
  ],
  'post-realtime': {
    serviceRequestId: '293944',
    notice: 'The City will inspect and require the responsible party to correct within 24 hours.',
  },
  'tokens-single': '638344',
  'error-code-description': { kind: 'http', status: 400, serverMessage: 'service_code UNKNOWN is not a valid service' },
};

// --- The tests -----------------------------------------------------------------------------------------------------

before(async () => {
  await Promise.all(
    FIXTURES.map(async (name) => {
      const res = await realFetch(`/test/fixtures/dialects/${name}`);
      if (!res.ok) throw new Error(`fixture ${name}: HTTP ${res.status}`);
      fixtures.set(name, await res.text());
    }),
  );
});

describe('Open311 dialects: services', () => {
  it('bare array (SeeClickFix-like): every field, "" and null as absent', async () => {
    const { backend, calls } = backendFor({ 'services.json': { fixture: 'services-bare.json' } });
    expect(plain(await backend.services())).to.deep.equal(EXPECTED['services-bare']);
    expect(calls[0]!.url.href).to.equal(`${ENDPOINT}/services.json`);
    expect(calls[0]!.method).to.equal('GET');
  });

  it('wrapped {"services": [...]} (FixMyStreet-like), codes that are category names', async () => {
    const { backend } = backendFor({ 'services.json': { fixture: 'services-wrapped.json' } });
    expect(plain(await backend.services())).to.deep.equal([
      {
        service_code: 'Abandoned vehicles',
        service_name: 'Abandoned vehicles',
        description: 'Abandoned vehicles',
        metadata: true,
        type: 'realtime',
        group: 'Street cleaning',
      },
      {
        service_code: 'Potholes',
        service_name: 'Potholes',
        description: 'Potholes',
        metadata: false,
        type: 'realtime',
        group: 'Roads',
      },
    ]);
  });

  it('a single object where a list was expected ({"services": {"service": {...}}}, XML→JSON)', async () => {
    const { backend } = backendFor({ 'services.json': { fixture: 'services-single.json' } });
    expect(plain(await backend.services())).to.deep.equal(EXPECTED['services-single']);
  });

  it('numbers for codes, metadata "true"/"TRUE"/"false", type in capitals or empty, null and "", extra fields kept; an item without a code is dropped', async () => {
    const { backend } = backendFor({ 'services.json': { fixture: 'services-types.json' } });
    const services = await backend.services();
    expect(services.map((s) => s.service_code)).to.deep.equal(['1', '1001', '42']);
    expect(services.map((s) => s.metadata)).to.deep.equal([true, false, true]);
    expect(services.map((s) => s.type)).to.deep.equal(['realtime', 'realtime', 'realtime']);
    expect(plain(services)).to.deep.equal([
      {
        service_code: '1',
        service_name: 'Pothole',
        metadata: true,
        type: 'realtime',
        sla_days: 5,
        icon: 'https://city.example/icons/pothole.svg',
      },
      {
        service_code: '1001',
        service_name: 'Missed bin collection',
        metadata: false,
        type: 'realtime',
        department: { name: 'Waste', phone: '311' },
      },
      { service_code: '42', service_name: 'Noise', metadata: true, type: 'realtime' },
    ]);
    for (const s of services) {
      expect(s.description, s.service_code).to.equal(undefined);
      expect(s.keywords, s.service_code).to.equal(undefined);
      expect(s.group, s.service_code).to.equal(undefined);
    }
  });

  it('UPPERCASE keys, with a wrapper in capitals and typos (unknown keys kept, lower-cased)', async () => {
    const { backend } = backendFor({ 'services.json': { fixture: 'services-uppercase.json' } });
    expect(plain(await backend.services())).to.deep.equal([
      {
        service_code: 'SLO',
        service_name: 'Street Light Out',
        description: 'A single street light is not working',
        metadata: true,
        type: 'realtime',
        keywords: 'light',
        group: 'Electrical',
      },
      {
        service_code: 'ABV',
        service_name: 'Abandoned Vehicle',
        descripton: 'A vehicle that has not moved for 7 days',
        metadata: false,
        type: 'realtime',
        keyword: 'car, vehicle',
        group: 'Streets',
      },
    ]);
  });

  it("the spec's own example is invalid JSON (001): no XML to fall back to is an invalid response", async () => {
    const { backend } = backendFor({ 'services.json': { fixture: 'services-invalid-json-001.json' } });
    const e = await rejection(backend.services());
    expect(e.kind).to.equal('invalid-response');
  });

  it('the spec\'s own example is invalid JSON (001): the server\'s XML gives code "001"', async () => {
    const { backend, calls } = backendFor({
      'services.json': { fixture: 'services-invalid-json-001.json' },
      'services.xml': { fixture: 'services-invalid-json-001.xml' },
    });
    expect(plain(await backend.services())).to.deep.equal([
      {
        service_code: '001',
        service_name: 'Cans left out 24x7',
        description:
          'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.',
        metadata: true,
        type: 'realtime',
        keywords: 'lorem, ipsum, dolor',
        group: 'sanitation',
      },
    ]);
    expect(calls.map((c) => c.path)).to.include('services.xml');
  });

  it('service codes with spaces, slashes, "&", "?" and 24-hex ids are kept verbatim and encoded in paths', async () => {
    const codes = ['4fd3b167e750846744000005', 'Graffiti / Flyposting', 'Roads/Highways & Pavements?'];
    const routes: Routes = { 'services.json': { fixture: 'services-codes.json' } };
    for (const code of codes)
      routes[`services/${encodeURIComponent(code)}.json`] = { fixture: 'definition-single.json' };
    const { backend, calls } = backendFor(routes);
    expect((await backend.services()).map((s) => s.service_code)).to.deep.equal(codes);
    for (const code of codes) {
      calls.length = 0;
      const def = await backend.serviceDefinition(code);
      expect(
        def.attributes.map((a) => a.code),
        code,
      ).to.deep.equal(['DOG_PRESENT']);
      expect(calls[0]!.path, code).to.equal(`services/${encodeURIComponent(code)}.json`);
    }
  });
});

describe('Open311 dialects: service definitions', () => {
  it('the standard shape: attributes sorted by order, six datatypes, null/"" datatype_description absent', async () => {
    const { backend, calls } = backendFor({
      'services/4fd3b167e750846744000005.json': { fixture: 'definition-standard.json' },
    });
    const def = await backend.serviceDefinition('4fd3b167e750846744000005');
    expect(plain(def)).to.deep.equal(EXPECTED['definition-standard']);
    expect(def.attributes[0]!.datatype_description).to.equal(undefined);
    expect(calls[0]!.url.href).to.equal(`${ENDPOINT}/services/4fd3b167e750846744000005.json`);
  });

  it('numbers for codes and keys, "true"/"false"/1/0/null for booleans, order "1.00"/"10"/null/missing: numeric, stable, unordered last', async () => {
    const { backend } = backendFor({ 'services/311.json': { fixture: 'definition-types.json' } });
    const def = await backend.serviceDefinition('311');
    expect(def.service_code).to.equal('311');
    expect(def.attributes.map((a) => a.code)).to.deep.equal([
      'NOTE',
      '1',
      'SIGN_FACING',
      'CROSS_STREET',
      'COMMENTS',
      'PHONE_OK',
    ]);
    expect(def.attributes.map((a) => a.order)).to.deep.equal([1, 2, 2, 10, undefined, undefined]);
    expect(def.attributes.map((a) => a.variable)).to.deep.equal([false, true, true, true, true, true]);
    expect(def.attributes.map((a) => a.required)).to.deep.equal([false, true, false, true, false, false]);
    expect(def.attributes.map((a) => a.datatype)).to.deep.equal([
      'string',
      'singlevaluelist',
      'string',
      'string',
      'text',
      'string',
    ]);
    expect(def.attributes.map((a) => a.datatype_description)).to.deep.equal(Array(6).fill(undefined));
    expect(def.attributes[1]!.values).to.deep.equal([
      { key: '1', name: 'Stop sign' },
      { key: '2', name: 'Yield sign' },
      { key: '3', name: '' },
    ]);
    expect(def.attributes.map((a) => a.values.length)).to.deep.equal([0, 3, 0, 0, 0, 0]);
    expect(plain(def.attributes[4])).to.deep.equal({
      variable: true,
      code: 'COMMENTS',
      datatype: 'text',
      required: false,
      description: 'Comments',
      values: [],
    });
  });

  it('datatypes beyond the six: informational (becomes variable: false), boolean (checkbox), date, unknown kept lower-cased; dependencies kept', async () => {
    const { backend } = backendFor({ 'services/Bins.json': { fixture: 'definition-datatypes.json' } });
    const def = await backend.serviceDefinition('Bins');
    expect(plain(def)).to.deep.equal({
      service_code: 'Bins',
      attributes: [
        {
          variable: false,
          code: 'notice',
          datatype: 'informational',
          required: false,
          order: 1,
          description: 'Missed collections must be reported within 2 working days.',
          values: [],
        },
        {
          variable: true,
          code: 'bin_type',
          datatype: 'singlevaluelist',
          required: true,
          order: 2,
          description: 'Which bin was missed?',
          values: [
            { key: 'general', name: 'General waste' },
            { key: 'recycling', name: 'Recycling' },
            { key: 'garden', name: 'Garden waste' },
          ],
        },
        {
          variable: true,
          code: 'garden_subscription',
          datatype: 'boolean (checkbox)',
          required: false,
          order: 3,
          description: 'I have a garden waste subscription',
          depends_on: { code: 'bin_type', values: ['garden'] },
          values: [],
        },
        {
          variable: true,
          code: 'collection_date',
          datatype: 'date',
          required: true,
          datatype_description: 'dd/mm/yyyy',
          order: 4,
          description: 'Date of the missed collection',
          values: [],
        },
        {
          variable: true,
          code: 'bin_location',
          datatype: 'geolocation',
          required: false,
          order: 5,
          description: 'Where was the bin left?',
          values: [],
        },
      ],
    });
  });

  it('single attribute and single value as objects ({"service_definition": {"attributes": {"attribute": {...}}}})', async () => {
    const { backend } = backendFor({ 'services/DOG.json': { fixture: 'definition-single.json' } });
    expect(plain(await backend.serviceDefinition('DOG'))).to.deep.equal(EXPECTED['definition-single']);
  });

  it('UPPERCASE keys all the way down (values keep their case), a typo kept as an unknown field', async () => {
    const { backend } = backendFor({ 'services/SLO.json': { fixture: 'definition-uppercase.json' } });
    expect(plain(await backend.serviceDefinition('SLO'))).to.deep.equal({
      service_code: 'SLO',
      attributes: [
        {
          variable: true,
          code: 'POLE_NUMBER',
          datatype: 'string',
          required: false,
          datatype_descripton: 'The number on the pole',
          order: 1,
          description: 'Pole number',
          values: [],
        },
        {
          variable: true,
          code: 'LIGHTS_OUT',
          datatype: 'singlevaluelist',
          required: true,
          order: 2,
          description: 'How many lights are out?',
          values: [
            { key: '1', name: 'One' },
            { key: 'ALL', name: 'All on the block' },
          ],
        },
      ],
    });
  });
});

describe('Open311 dialects: service requests', () => {
  it('bare array (the spec example): dates with zone to UTC, zipcode number as text, "" media_url absent; lookup by id', async () => {
    const { backend, calls } = backendFor({
      'requests.json': { fixture: 'requests-bare.json' },
      'requests/638349.json': { fixture: 'requests-bare.json' },
    });
    const list = await backend.requests!({ ids: ['638344', '638349'] });
    expect(plain(list)).to.deep.equal(EXPECTED['requests-bare']);
    expect(calls[0]!.path).to.equal('requests.json');
    expect(calls[0]!.url.searchParams.get('service_request_id')).to.equal('638344,638349');

    // requests/{id} answers an array: the one with that id is the answer.
    const one = await backend.request('638349');
    expect(plain(one)).to.deep.equal(EXPECTED['requests-bare'][1]);
    expect(calls.at(-1)!.path).to.equal('requests/638349.json');
  });

  it('wrapped {"service_requests": [...]} (SeeClickFix-like)', async () => {
    const { backend } = backendFor({ 'requests/14237859.json': { fixture: 'requests-wrapped.json' } });
    expect(plain(await backend.request('14237859'))).to.deep.equal({
      service_request_id: '14237859',
      status: 'open',
      statusFamily: 'open',
      service_name: 'Pothole',
      service_code: '117',
      description: 'Deep pothole in the right lane near the bus stop',
      agency_responsible: 'Public Works',
      requested_datetime: '2024-06-11T19:02:41.000Z',
      updated_datetime: '2024-06-12T12:10:00.000Z',
      address: '225 Church St New Haven, CT 06510, USA',
      lat: 41.3066,
      long: -72.9254,
      media_url: 'https://seeclickfix.com/files/issue_images/0142/3785/pothole.jpg',
      media_urls: ['https://seeclickfix.com/files/issue_images/0142/3785/pothole.jpg'],
    });
  });

  it('a single request as {"service_requests": {"request": {...}}}, lat/long as strings', async () => {
    const { backend } = backendFor({
      'requests/2048577.json': { fixture: 'requests-single.json' },
      'requests.json': { fixture: 'requests-single.json' },
    });
    expect(plain(await backend.request('2048577'))).to.deep.equal(EXPECTED['requests-single']);
    expect(plain(await backend.requests!({ ids: ['2048577'] }))).to.deep.equal([EXPECTED['requests-single']]);
  });

  it('requests/{id} answering one object instead of an array, with a numeric id', async () => {
    const { backend } = backendFor({ 'requests/4521.json': { fixture: 'request-object.json' } });
    expect(plain(await backend.request('4521'))).to.deep.equal({
      service_request_id: '4521',
      status: 'open',
      statusFamily: 'open',
      service_code: 'Graffiti / Flyposting',
      service_name: 'Graffiti / Flyposting',
      description: 'Tags sprayed on the bus shelter',
      requested_datetime: '2024-04-01T08:00:00.000Z',
      lat: 50.7374,
      long: 7.0982,
      media_urls: [],
    });
  });

  it('agency_responsible as {"recipient": [...]} (FixMyStreet), media_url with a trailing space, extra fields kept', async () => {
    const { backend } = backendFor({ 'requests.json': { fixture: 'request-agency-recipient-fms.json' } });
    const list = await backend.requests!({ ids: ['2048577', '2048601'] });
    expect(list.map((r) => r.agency_responsible)).to.deep.equal([
      'Borsetshire County Council, Trumpton Town Council',
      'Trumpton Town Council',
    ]);
    expect(list[0]!.media_url).to.equal('https://www.fixmystreet.com/photo/2048577.0.jpeg');
    expect(plain(list)).to.deep.equal(EXPECTED['request-agency-recipient-fms']);
  });

  it('extended statuses (FixMyStreet and others) map to open / in-progress / closed; the raw value is kept', async () => {
    const families: Array<[string, string]> = [
      ['OPEN', 'open'],
      ['Closed', 'closed'],
      ['in_progress', 'in-progress'],
      ['action scheduled', 'in-progress'],
      ['investigating', 'in-progress'],
      ['fixed', 'closed'],
      ['duplicate', 'closed'],
      ['not councils responsibility', 'closed'],
      ['no further action', 'closed'],
      ['internal referral', 'closed'],
      ['closed', 'closed'],
      ['cancelled', 'closed'],
      ['reopen', 'open'],
      ['Received', 'open'],
    ];
    const ids = families.map((_, i) => String(3001 + i));
    const { backend } = backendFor({
      'requests.json': { fixture: 'request-extended-status-fms.json' },
      'requests/3004.json': { fixture: 'request-extended-status-fms.json' },
    });
    const list = await backend.requests!({ ids });
    expect(list.map((r) => r.service_request_id)).to.deep.equal(ids);
    expect(list.map((r) => [r.status, r.statusFamily])).to.deep.equal(families);
    const one = await backend.request('3004');
    expect([one.service_request_id, one.status, one.statusFamily]).to.deep.equal([
      '3004',
      'action scheduled',
      'in-progress',
    ]);
  });

  it('media_url as a string with a trailing space', async () => {
    const { backend } = backendFor({ 'requests/5101.json': { fixture: 'request-media-string.json' } });
    const r = await backend.request('5101');
    expect(r.media_url).to.equal('https://seeclickfix.com/files/issue_images/0051/0100/IMG_2231.jpg');
    expect(r.media_urls).to.deep.equal(['https://seeclickfix.com/files/issue_images/0051/0100/IMG_2231.jpg']);
  });

  it('media_url as an array of {id, url, tags}', async () => {
    const { backend } = backendFor({ 'requests/5102.json': { fixture: 'request-media-array.json' } });
    const r = await backend.request('5102');
    expect(r.media_url).to.equal('https://img.example.org/reports/5102/before.jpg');
    expect(r.media_urls).to.deep.equal([
      'https://img.example.org/reports/5102/before.jpg',
      'https://img.example.org/reports/5102/after.jpg',
    ]);
  });

  it('media_url null: no photo', async () => {
    const { backend } = backendFor({ 'requests/5103.json': { fixture: 'request-media-null.json' } });
    const r = await backend.request('5103');
    expect(r.media_url).to.equal(undefined);
    expect(r.media_urls).to.deep.equal([]);
  });

  it('media_url that is not a web address (javascript:) is dropped', async () => {
    const { backend } = backendFor({ 'requests/5104.json': { fixture: 'request-media-unsafe.json' } });
    const r = await backend.request('5104');
    expect(r.media_url).to.equal(undefined);
    expect(r.media_urls).to.deep.equal([]);
  });

  it('dates with and without zone, with milliseconds, with Z, a space for T, in the future; unreadable ones absent', async () => {
    const { backend } = backendFor({ 'requests.json': { fixture: 'requests-dates.json' } });
    const list = await backend.requests!({ ids: ['7001', '7002', '7003', '7004'] });
    const dates = list.map((r) => [
      r.service_request_id,
      r.requested_datetime,
      r.updated_datetime,
      r.expected_datetime,
    ]);
    expect(dates).to.deep.equal([
      ['7001', '2024-03-05T13:30:00.000Z', '2024-03-05T14:30:00.000Z', '2031-12-01T14:00:00.000Z'],
      ['7002', local('2024-03-05T14:30:00'), '2024-03-05T14:30:00.123Z', '2024-03-05T13:30:00.123Z'],
      ['7003', local('2024-03-05T14:30:00'), '2024-03-05T13:30:00.000Z', undefined],
      ['7004', '2024-03-05T20:30:00.000Z', undefined, undefined],
    ]);
  });

  it('requests listed without any id (null, "", only a token) are dropped', async () => {
    const { backend } = backendFor({ 'requests.json': { fixture: 'requests-without-id.json' } });
    expect(plain(await backend.requests!({ ids: ['88213'] }))).to.deep.equal([
      {
        service_request_id: '88213',
        status: 'open',
        statusFamily: 'open',
        service_code: 'Potholes',
        description: 'Pothole by the school gate',
        media_urls: [],
      },
    ]);
  });

  it('numbers for ids and codes, lat/long as strings, null and "" everywhere, empty status is open, padded id trimmed', async () => {
    const { backend } = backendFor({
      'requests.json': { fixture: 'request-types.json' },
      'requests/103.json': { fixture: 'request-types.json' },
    });
    const list = await backend.requests!({ ids: ['101', '102', '103'] });
    expect(plain(list)).to.deep.equal([
      {
        service_request_id: '101',
        status: 'Open',
        statusFamily: 'open',
        service_code: '42',
        description: 'Streetlight flickering',
        requested_datetime: '2024-01-10T14:00:00.000Z',
        zipcode: '60601',
        lat: 41.8857,
        long: -87.6228,
        media_urls: [],
        priority: 'medium',
        ward: 42,
      },
      { service_request_id: '102', status: 'open', statusFamily: 'open', media_urls: [] },
      { service_request_id: '103', status: 'open', statusFamily: 'open', media_urls: [] },
    ]);
    const first = list[0]!;
    for (const key of [
      'status_notes',
      'service_name',
      'agency_responsible',
      'service_notice',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
    ] as const) {
      expect(first[key], key).to.equal(undefined);
    }
    expect(list[1]!.service_code).to.equal(undefined);
    expect(list[1]!.lat).to.equal(undefined);
    expect((await backend.request('103')).service_request_id).to.equal('103');
  });

  it('UPPERCASE keys (one city), wrapper in capitals, a typo kept as an unknown field', async () => {
    const { backend } = backendFor({ 'requests/SR24-00012345.json': { fixture: 'request-uppercase.json' } });
    expect(plain(await backend.request('SR24-00012345'))).to.deep.equal({
      service_request_id: 'SR24-00012345',
      status: 'OPEN',
      statusFamily: 'open',
      status_notess: 'Crew assigned',
      service_code: 'SLO',
      service_name: 'Street Light Out',
      requested_datetime: '2024-02-01T16:00:00.000Z',
      address: '100 W RANDOLPH ST',
      lat: 41.8847,
      long: -87.6324,
      agency_responsible: 'CDOT',
      media_urls: [],
    });
  });

  it('extensions=true fields (notes[], extended_attributes) are kept as they came', async () => {
    const { backend } = backendFor({ 'requests/4522.json': { fixture: 'request-extensions.json' } });
    expect(plain(await backend.request('4522'))).to.deep.equal({
      service_request_id: '4522',
      status: 'in_progress',
      statusFamily: 'in-progress',
      service_code: 'Bins',
      service_name: 'Missed bin collection',
      requested_datetime: '2024-04-01T08:00:00.000Z',
      media_urls: [],
      extended_attributes: { title: 'Recycling not collected', x: 365432.1, y: 5621345.6 },
      notes: [
        { datetime: '2024-04-01T10:00:00+02:00', summary: 'Report received', type: 'status' },
        { datetime: '2024-04-02T08:30:00+02:00', summary: 'Passed to the waste crew', type: 'status' },
      ],
    });
  });
});

describe('Open311 dialects: filing a request and tokens', () => {
  it('realtime POST: a bare array with the id and the notice', async () => {
    const { backend, calls } = backendFor({ 'POST requests.json': { fixture: 'post-realtime.json' } });
    expect(plain(await backend.submit(NEW_REQUEST))).to.deep.equal(EXPECTED['post-realtime']);
    expect(calls).to.have.length(1);
    expect(calls[0]!.method).to.equal('POST');
    expect(calls[0]!.path).to.equal('requests.json');
    expect(new URLSearchParams(calls[0]!.body).get('service_code')).to.equal('POTHOLE');
  });

  it('batch POST: a token only', async () => {
    const { backend } = backendFor({ 'POST requests.json': { fixture: 'post-token.json' } });
    expect(plain(await backend.submit(NEW_REQUEST))).to.deep.equal({ token: '12345' });
  });

  it('older module: HTTP 201 with {"service_requests": {"request": {...}}}, a numeric id, "" notice absent', async () => {
    const { backend } = backendFor({ 'POST requests.json': { fixture: 'post-wrapped-201.json', status: 201 } });
    expect(plain(await backend.submit(NEW_REQUEST))).to.deep.equal({ serviceRequestId: '2048602' });
  });

  it('blackbox POST: a notice, neither id nor token', async () => {
    const { backend } = backendFor({ 'POST requests.json': { fixture: 'post-blackbox.json' } });
    expect(plain(await backend.submit(NEW_REQUEST))).to.deep.equal({
      notice: 'Thank you. Your report has been passed to the council.',
    });
  });

  it('tokens/{token}: pending (id null) first, then the id', async () => {
    const { backend, calls } = backendFor({
      'tokens/12345.json': [{ fixture: 'tokens-pending.json' }, { fixture: 'tokens.json' }],
    });
    expect(await backend.resolveToken!('12345')).to.equal('638344');
    const polls = calls.filter((c) => c.path === 'tokens/12345.json');
    expect(polls.length).to.be.greaterThanOrEqual(2);
  });

  it('tokens/{token} as {"service_requests": {"request": {service_request_id, token}}} (one object)', async () => {
    const { backend } = backendFor({ 'tokens/12345.json': { fixture: 'tokens-single.json' } });
    expect(await backend.resolveToken!('12345')).to.equal(EXPECTED['tokens-single']);
  });
});

describe('Open311 dialects: errors', () => {
  it('[{code, description}] with HTTP 400: http, the description as serverMessage', async () => {
    const { backend } = backendFor({ 'POST requests.json': { fixture: 'error-code-description.json', status: 400 } });
    const e = await rejection(backend.submit(NEW_REQUEST));
    expect(errorView(e)).to.deep.equal(EXPECTED['error-code-description']);
  });

  it('one {code, description} object, the code as a string', async () => {
    const { backend } = backendFor({ 'POST requests.json': { fixture: 'error-object.json', status: 400 } });
    const e = await rejection(backend.submit(NEW_REQUEST));
    expect(errorView(e)).to.deep.equal({
      kind: 'http',
      status: 400,
      serverMessage: 'A location (lat/long or address_string) is required',
    });
  });

  it('{description} without code, HTTP 404: not-found', async () => {
    const { backend } = backendFor({ 'services/999.json': { fixture: 'error-description-only.json', status: 404 } });
    const e = await rejection(backend.serviceDefinition('999'));
    expect(errorView(e)).to.deep.equal({
      kind: 'not-found',
      status: 404,
      serverMessage: 'Service definition not found for service_code 999',
    });
  });

  it("404 for an unknown request: not-found with the server's words", async () => {
    const { backend } = backendFor({ 'requests/999999.json': { fixture: 'error-not-found.json', status: 404 } });
    const e = await rejection(backend.request('999999'));
    expect(errorView(e)).to.deep.equal({
      kind: 'not-found',
      status: 404,
      serverMessage: 'Service request 999999 not found',
    });
  });

  it('403 for a wrong jurisdiction (where 404 was due; the body says 404): forbidden', async () => {
    const { backend, calls } = backendFor(
      { 'services.json': { fixture: 'error-wrong-jurisdiction.json', status: 403 } },
      { jurisdiction: 'springfield' },
    );
    const e = await rejection(backend.services());
    expect(errorView(e)).to.deep.equal({
      kind: 'forbidden',
      status: 403,
      serverMessage: 'jurisdiction_id springfield is not served by this endpoint',
    });
    expect(calls[0]!.url.searchParams.get('jurisdiction_id')).to.equal('springfield');
  });

  it('{message} with 429 and Retry-After: 7 on POST: rate-limited, 7 s', async () => {
    const { backend, calls } = backendFor({
      'POST requests.json': { fixture: 'error-message.json', status: 429, headers: { 'Retry-After': '7' } },
    });
    const e = await rejection(backend.submit(NEW_REQUEST));
    expect(errorView(e)).to.deep.equal({
      kind: 'rate-limited',
      status: 429,
      serverMessage: 'Rate limit exceeded: 5 reports per minute',
    });
    expect(e.details.retryAfterSeconds).to.equal(7);
    expect(calls).to.have.length(1);
  });

  it('429 with Retry-After: 7 on GET with retries: 0: rate-limited, 7 s', async () => {
    const { backend } = backendFor({
      'services.json': { fixture: 'error-message.json', status: 429, headers: { 'Retry-After': '7' } },
    });
    const e = await rejection(backend.services());
    expect(e.kind).to.equal('rate-limited');
    expect(e.details.status).to.equal(429);
    expect(e.details.retryAfterSeconds).to.equal(7);
  });

  it('an HTML error page: http with the status, no serverMessage', async () => {
    const { backend } = backendFor({ 'services.json': { body: HTML_ERROR_PAGE, status: 502, type: 'text/html' } });
    const e = await rejection(backend.services());
    expect(errorView(e)).to.deep.equal({ kind: 'http', status: 502, serverMessage: undefined });
  });

  it('an HTML 404 page everywhere: not-found, no serverMessage', async () => {
    const { backend } = backendFor({});
    const e = await rejection(backend.request('424242'));
    expect(e.kind).to.equal('not-found');
    expect(e.details.status).to.equal(404);
    expect(e.details.serverMessage).to.equal(undefined);
  });

  it('an HTML page on POST with HTTP 500: http, no serverMessage', async () => {
    const { backend } = backendFor({
      'POST requests.json': {
        body: HTML_ERROR_PAGE.replace(/502 Bad Gateway|Bad Gateway/g, 'Internal Server Error'),
        status: 500,
        type: 'text/html',
      },
    });
    const e = await rejection(backend.submit(NEW_REQUEST));
    expect(errorView(e)).to.deep.equal({ kind: 'http', status: 500, serverMessage: undefined });
  });
});

describe('Open311 dialects: XML-only servers, fallback and path spellings', () => {
  it('format: "xml" asks for .xml', async () => {
    const { backend, calls } = backendFor({ 'services.xml': { fixture: 'services-bare.xml' } }, { format: 'xml' });
    expect(plain(await backend.services())).to.deep.equal(EXPECTED['services-bare']);
    expect(calls.map((c) => c.path)).to.deep.equal(['services.xml']);
  });

  it('default format: JSON answered with XML (unreadable as JSON) falls back to .xml', async () => {
    const { backend } = backendFor({
      'services.json': { fixture: 'services-bare.xml', type: 'text/xml' },
      'services.xml': { fixture: 'services-bare.xml' },
    });
    expect(plain(await backend.services())).to.deep.equal(EXPECTED['services-bare']);
  });

  it('default format: JSON refused with 406 falls back to .xml', async () => {
    const { backend } = backendFor({
      'services.json': { body: 'Not Acceptable', status: 406, type: 'text/plain' },
      'services.xml': { fixture: 'services-bare.xml' },
    });
    expect(plain(await backend.services())).to.deep.equal(EXPECTED['services-bare']);
  });

  it('default format: an XML-only server (404 page for .json) is read in XML', async () => {
    const { backend } = backendFor({ 'services.xml': { fixture: 'services-bare.xml' } });
    expect(plain(await backend.services())).to.deep.equal(EXPECTED['services-bare']);
  });

  it('format: "json" given explicitly still falls back to XML when JSON is refused (the contract)', async () => {
    const { backend } = backendFor(
      {
        'services.json': { body: 'Not Acceptable', status: 406, type: 'text/plain' },
        'services.xml': { fixture: 'services-bare.xml' },
      },
      { format: 'json' },
    );
    expect(plain(await backend.services())).to.deep.equal(EXPECTED['services-bare']);
  });

  it('capitalised Services path', async () => {
    const { backend } = backendFor({ 'Services.json': { fixture: 'services-wrapped.json' } });
    expect((await backend.services()).map((s) => s.service_code)).to.deep.equal(['Abandoned vehicles', 'Potholes']);
  });

  it('singular request/{id} path', async () => {
    const { backend } = backendFor({ 'request/4521.json': { fixture: 'request-object.json' } });
    expect((await backend.request('4521')).service_request_id).to.equal('4521');
  });

  it('XML <errors> with HTTP 400: http, the description as serverMessage', async () => {
    const { backend } = backendFor(
      { 'POST requests.xml': { fixture: 'error-code-description.xml', status: 400 } },
      { format: 'xml' },
    );
    const e = await rejection(backend.submit(NEW_REQUEST));
    expect(errorView(e)).to.deep.equal(EXPECTED['error-code-description']);
  });
});

describe('Open311 dialects: JSON and XML twins give the same model', () => {
  const twins: Array<{
    name: keyof typeof EXPECTED;
    routes: Routes;
    run: (b: ReturnType<typeof backendFor>['backend']) => Promise<unknown>;
  }> = [
    { name: 'services-bare', routes: { 'services.json': { fixture: 'services-bare.json' } }, run: (b) => b.services() },
    {
      name: 'services-single',
      routes: { 'services.json': { fixture: 'services-single.json' } },
      run: (b) => b.services(),
    },
    {
      name: 'definition-standard',
      routes: { 'services/4fd3b167e750846744000005.json': { fixture: 'definition-standard.json' } },
      run: (b) => b.serviceDefinition('4fd3b167e750846744000005'),
    },
    {
      name: 'definition-single',
      routes: { 'services/DOG.json': { fixture: 'definition-single.json' } },
      run: (b) => b.serviceDefinition('DOG'),
    },
    {
      name: 'requests-bare',
      routes: { 'requests.json': { fixture: 'requests-bare.json' } },
      run: (b) => b.requests!({ ids: ['638344', '638349'] }),
    },
    {
      name: 'requests-single',
      routes: { 'requests/2048577.json': { fixture: 'requests-single.json' } },
      run: (b) => b.request('2048577'),
    },
    {
      name: 'request-agency-recipient-fms',
      routes: { 'requests.json': { fixture: 'request-agency-recipient-fms.json' } },
      run: (b) => b.requests!({ ids: ['2048577', '2048601'] }),
    },
    {
      name: 'post-realtime',
      routes: { 'POST requests.json': { fixture: 'post-realtime.json' } },
      run: (b) => b.submit(NEW_REQUEST),
    },
    {
      name: 'tokens-single',
      routes: { 'tokens/12345.json': { fixture: 'tokens-single.json' } },
      run: (b) => b.resolveToken!('12345'),
    },
    {
      name: 'error-code-description',
      routes: { 'POST requests.json': { fixture: 'error-code-description.json', status: 400 } },
      run: async (b) => errorView(await rejection(b.submit(NEW_REQUEST))),
    },
  ];

  for (const { name, routes, run } of twins) {
    it(`${name}.json and ${name}.xml`, async () => {
      const xmlRoutes = Object.fromEntries(
        Object.entries(asXmlRoutes(routes)).map(([k, v]) => [
          k,
          { ...(v as Reply), fixture: (v as Reply).fixture!.replace(/\.json$/, '.xml') as FixtureName },
        ]),
      );
      const json = backendFor(routes);
      const xml = backendFor(xmlRoutes, { format: 'xml' });
      const fromJson = plain(await run(json.backend));
      const fromXml = plain(await run(xml.backend));
      expect(
        xml.calls.every((c) => c.path.endsWith('.xml')),
        'the XML client asked for .xml',
      ).to.equal(true);
      expect(fromXml, 'XML').to.deep.equal(fromJson);
      expect(fromJson, 'JSON').to.deep.equal(plain(EXPECTED[name]));
    });
  }
});
