/**
 * Property-based tests of the Open311 client: whatever a server answers (any JSON value, Open311-shaped documents
 * with fields of random types and case, XML-ish text, any HTTP status from 100 to 599, any content type), every
 * call either resolves to a model that keeps the model's promises or rejects with a BackendError — never a
 * TypeError, never a half-parsed value.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createOpen311Backend } from '../../src/backend/open311';
import { isBackendError, BackendError, type BackendErrorKind } from '../../src/backend/types';

const ENDPOINT = 'https://city.example/open311/v2';
const RUNS = 150;

type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

interface ServerReply {
  status: number;
  contentType: string;
  retryAfter: string | undefined;
  body: string;
}

/** Statuses a fetch Response never carries a body with. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A Response with any status 100–599. The Response constructor takes 200–599 only; a final 1xx cannot come from a
 * real fetch, but a proxy-ish fetch (the `fetch` option) could hand one over, so it is faked on a 200.
 */
function responseOf(reply: ServerReply): Response {
  const headers = new Headers();
  if (reply.contentType) headers.set('Content-Type', reply.contentType);
  if (reply.retryAfter !== undefined) headers.set('Retry-After', reply.retryAfter);
  const body = NULL_BODY.has(reply.status) || reply.status < 200 ? null : reply.body;
  if (reply.status >= 200) return new Response(body, { status: reply.status, headers });
  const res = new Response(null, { status: 200, headers });
  Object.defineProperties(res, { status: { value: reply.status }, ok: { value: false }, statusText: { value: '' } });
  return res;
}

function backendFor(reply: ServerReply, format: 'json' | 'xml' | undefined) {
  const stub: FetchLike = async () => responseOf(reply);
  const options: {
    endpoint: string;
    fetch: FetchLike;
    format?: 'json' | 'xml';
    retries: number;
    retryBaseMs: number;
    timeoutMs: number;
    tokenPollMs: number;
    jurisdiction: string;
    apiKey: string;
    lang: string;
  } = {
    endpoint: ENDPOINT,
    fetch: stub,
    retries: 0,
    retryBaseMs: 0,
    timeoutMs: 2000,
    tokenPollMs: 0,
    jurisdiction: 'city.example',
    apiKey: 'k',
    lang: 'en',
  };
  if (format) options.format = format;
  return createOpen311Backend(options);
}

// --- Invariants ----------------------------------------------------------------------------------------------------

const KINDS: BackendErrorKind[] = [
  'network',
  'timeout',
  'http',
  'rate-limited',
  'not-found',
  'forbidden',
  'invalid-response',
  'aborted',
];

function checkFailure(e: unknown): void {
  if (!isBackendError(e) || !(e instanceof BackendError)) {
    throw new Error(
      `rejected with something else than a BackendError: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`,
    );
  }
  expect(KINDS, 'kind').to.include(e.kind);
  const { status, serverMessage, retryAfterSeconds } = e.details;
  if (status !== undefined) expect(Number.isInteger(status), 'details.status').to.equal(true);
  if (serverMessage !== undefined) {
    expect(serverMessage, 'serverMessage').to.be.a('string');
    expect(serverMessage.length, 'serverMessage length').to.be.within(1, 300);
  }
  if (retryAfterSeconds !== undefined) {
    expect(Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0, 'retryAfterSeconds').to.equal(true);
  }
}

const nonEmpty = (v: unknown, what: string) => {
  expect(v, what).to.be.a('string');
  expect((v as string).length, `${what} is empty`).to.be.greaterThan(0);
};
const optionalString = (v: unknown, what: string) => {
  if (v !== undefined) expect(v, what).to.be.a('string');
};
const optionalDate = (v: unknown, what: string) => {
  if (v === undefined) return;
  expect(v, what).to.be.a('string');
  expect(new Date(v as string).toISOString(), what).to.equal(v);
};
const optionalFinite = (v: unknown, what: string) => {
  if (v !== undefined) expect(Number.isFinite(v), `${what}: ${String(v)}`).to.equal(true);
};

function checkServices(list: unknown): void {
  expect(list, 'services').to.be.an('array');
  for (const s of list as Array<Record<string, unknown>>) {
    nonEmpty(s.service_code, 'service_code');
    nonEmpty(s.service_name, 'service_name');
    expect(s.metadata, 'metadata').to.be.a('boolean');
    expect(s.type, 'type').to.be.a('string');
    for (const k of ['description', 'keywords', 'group']) optionalString(s[k], k);
  }
}

function checkDefinition(def: unknown): void {
  expect(def, 'definition').to.be.an('object');
  const d = def as { service_code?: unknown; attributes: Array<Record<string, unknown>> };
  optionalString(d.service_code, 'service_code');
  expect(d.attributes, 'attributes').to.be.an('array');
  let seenUnordered = false;
  let last = -Infinity;
  for (const a of d.attributes) {
    nonEmpty(a.code, 'attribute code');
    expect(a.variable, 'variable').to.be.a('boolean');
    expect(a.required, 'required').to.be.a('boolean');
    expect(a.datatype, 'datatype').to.be.a('string');
    expect(a.datatype, 'datatype lower-cased').to.equal((a.datatype as string).toLowerCase());
    if (a.datatype === 'informational') expect(a.variable, 'informational is not a question').to.equal(false);
    optionalString(a.description, 'description');
    optionalString(a.datatype_description, 'datatype_description');
    optionalFinite(a.order, 'order');
    // Sorted by order, numerically; attributes without an order come last.
    if (a.order === undefined) seenUnordered = true;
    else {
      expect(seenUnordered, 'an ordered attribute after an unordered one').to.equal(false);
      expect(a.order as number, 'order sorted').to.be.at.least(last);
      last = a.order as number;
    }
    expect(a.values, 'values').to.be.an('array');
    for (const v of a.values as Array<Record<string, unknown>>) {
      nonEmpty(v.key, 'value key');
      expect(v.name, 'value name').to.be.a('string');
    }
  }
}

const FAMILIES = ['open', 'in-progress', 'closed'];

function checkRequest(r: unknown): void {
  expect(r, 'request').to.be.an('object');
  const q = r as Record<string, unknown>;
  nonEmpty(q.service_request_id, 'service_request_id');
  nonEmpty(q.status, 'status');
  expect(FAMILIES, 'statusFamily').to.include(q.statusFamily);
  expect(q.media_urls, 'media_urls').to.be.an('array');
  for (const u of q.media_urls as unknown[]) {
    expect(u, 'media url').to.be.a('string');
    expect(/^https?:\/\//i.test(u as string), `media url ${String(u)}`).to.equal(true);
  }
  expect(q.media_url, 'media_url is the first of media_urls').to.equal((q.media_urls as unknown[])[0]);
  optionalString(q.service_code, 'service_code');
  if (q.service_code !== undefined) nonEmpty(q.service_code, 'service_code');
  for (const k of [
    'status_notes',
    'service_name',
    'description',
    'agency_responsible',
    'service_notice',
    'address',
    'address_id',
    'zipcode',
  ]) {
    optionalString(q[k], k);
  }
  for (const k of ['requested_datetime', 'updated_datetime', 'expected_datetime']) optionalDate(q[k], k);
  optionalFinite(q.lat, 'lat');
  optionalFinite(q.long, 'long');
}

function checkRequests(list: unknown): void {
  expect(list, 'requests').to.be.an('array');
  for (const r of list as unknown[]) checkRequest(r);
}

function checkSubmit(result: unknown): void {
  expect(result, 'submit result').to.be.an('object');
  const r = result as Record<string, unknown>;
  for (const k of ['serviceRequestId', 'token', 'notice']) if (r[k] !== undefined) nonEmpty(r[k], k);
}

// --- The calls -----------------------------------------------------------------------------------------------------

type Backend = ReturnType<typeof createOpen311Backend>;

const NEW_REQUEST = {
  service_code: 'Graffiti / Flyposting',
  lat: 51.75,
  long: -1.25,
  description: 'Tags on the bus shelter',
  attributes: { SIZE: 'large', WHERE: ['wall', 'door'] },
};

const CALLS: Array<{ name: string; run: (b: Backend) => Promise<unknown>; check: (v: unknown) => void }> = [
  { name: 'services()', run: (b) => b.services(), check: checkServices },
  { name: 'serviceDefinition()', run: (b) => b.serviceDefinition('Graffiti / Flyposting'), check: checkDefinition },
  { name: 'request()', run: (b) => b.request('638344'), check: checkRequest },
  { name: 'submit()', run: (b) => b.submit(NEW_REQUEST), check: checkSubmit },
  { name: 'requests()', run: (b) => b.requests!({ ids: ['638344', '638349'] }), check: checkRequests },
];

async function resolvesOrFailsCleanly(
  call: (typeof CALLS)[number],
  reply: ServerReply,
  format: 'json' | 'xml' | undefined,
) {
  let value: unknown;
  try {
    value = await call.run(backendFor(reply, format));
  } catch (e) {
    checkFailure(e);
    return;
  }
  call.check(value);
}

// --- Arbitraries ---------------------------------------------------------------------------------------------------

const formatArb = fc.constantFrom<'json' | 'xml' | undefined>(undefined, 'json', 'xml');

const statusArb = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(200, 200, 200, 201) },
  { weight: 2, arbitrary: fc.constantFrom(204, 400, 401, 403, 404, 406, 415, 429, 500, 501, 502, 503) },
  { weight: 3, arbitrary: fc.integer({ min: 100, max: 599 }) },
);

const contentTypeArb = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/xml',
  'application/xml; charset=UTF-8',
  'text/html; charset=iso-8859-1',
  'text/plain',
  'application/problem+json',
  'application/octet-stream',
  '',
);

/** Header-safe text (printable ASCII). */
const headerText = fc.string({ unit: fc.constantFrom(...' 0123456789abcGMT,:-+.'.split('')), maxLength: 12 });
const retryAfterArb = fc.option(
  fc.oneof(
    fc.nat(100_000).map(String),
    headerText,
    fc.constantFrom('Wed, 21 Oct 2015 07:28:00 GMT', 'Fri, 01 Jan 2100 00:00:00 GMT', '-5', '1.5', '7'),
  ),
  { nil: undefined },
);

const replyArb = (bodyArb: fc.Arbitrary<string>) =>
  fc.record({ status: statusArb, contentType: contentTypeArb, retryAfter: retryAfterArb, body: bodyArb });

// Scalars of every JSON type, and the odd strings servers send.
const scalar = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('', ' ', 'null', 'true', 'FALSE', 'yes', '1.00', '0', 'NaN', 'Infinity', '1e999', '<b>x</b>'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const wild: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: scalar },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
/** Mostly the typical value of a field, sometimes anything at all. */
const some = <T>(typical: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: typical }, { weight: 1, arbitrary: wild });

const idArb = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{24}$/),
  fc.nat(10_000_000).map(String),
  fc.nat(10_000_000),
  fc.constantFrom('638344', '638349', 'Graffiti / Flyposting', 'Roads/Highways & Pavements?', ' 7 ', '001', 'SR-1'),
);
const boolArb = fc.constantFrom<unknown>(
  true,
  false,
  'true',
  'false',
  'TRUE',
  'False',
  '1',
  '0',
  1,
  0,
  'yes',
  null,
  '',
);
const dateArb = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2024-03-05T14:30:00',
    '2024-03-05 14:30:00',
    '2024-03-05T14:30:00+01:00',
    '2024-03-05T14:30:00.123Z',
    '2010-04-14T06:37:38-08:00',
    'next week',
    '0000-00-00 00:00:00',
    '2024-13-45T99:99:99Z',
  ),
);
const statusValueArb = fc.constantFrom(
  'open',
  'closed',
  'OPEN',
  'Closed',
  'in_progress',
  'action scheduled',
  'investigating',
  'fixed',
  'duplicate',
  'not councils responsibility',
  'no further action',
  'internal referral',
  'cancelled',
  'reopen',
  'Received',
  'something new',
);
const urlArb = fc.oneof(
  fc.webUrl(),
  fc.webUrl().map((u) => `${u} `),
  fc.constantFrom(
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:image/png;base64,AAAA',
    'ftp://x.example/a.jpg',
    '//cdn.example/a.jpg',
    '/photo/1.jpeg',
    ' ',
  ),
);
const mediaArb = fc.oneof(
  urlArb,
  fc.array(
    fc.record(
      { id: wild, url: urlArb, tags: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }) },
      { requiredKeys: [] },
    ),
    { maxLength: 3 },
  ),
  fc.array(urlArb, { maxLength: 3 }),
  fc.record({ url: urlArb }),
  fc.constant(null),
);
const agencyArb = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.record({
    recipient: fc.oneof(fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 })),
  }),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.constant(null),
);
const coordArb = fc.oneof(
  fc.double(),
  fc.double({ min: -180, max: 180, noNaN: true }).map(String),
  fc.constantFrom('', ' 51.5 ', '1,5'),
);
const orderArb = fc.oneof(
  fc.integer({ min: -3, max: 30 }),
  fc.integer({ min: 1, max: 30 }).map((n) => n.toFixed(2)),
  fc.constantFrom<unknown>(null, '', '1e400', 'first', 1.5, -0),
);
const datatypeArb = fc.constantFrom(
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
  'informational',
  'boolean (checkbox)',
  'date',
  'Geolocation',
  'STRING',
  'Informational',
);

/** Unknown fields: kept, never fatal. */
const extrasArb = fc.dictionary(fc.string({ maxLength: 8 }), wild, { maxKeys: 2 });
const withExtras = (record: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(extrasArb, record).map(([extra, r]) => ({ ...extra, ...r }));

/** A list the ways servers send one: bare, wrapped, a single object (wrapped or not). */
const listShape = (item: fc.Arbitrary<unknown>, outer: string, inner: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.array(item, { maxLength: 4 }),
    fc.array(item, { maxLength: 4 }).map((a) => ({ [outer]: a })),
    fc.array(item, { maxLength: 4 }).map((a) => ({ [outer]: { [inner]: a } })),
    item.map((o) => ({ [outer]: { [inner]: o } })),
    item,
  );

const serviceArb = withExtras(
  fc.record(
    {
      service_code: some(idArb),
      service_name: some(fc.constantFrom('Pothole', 'Graffiti / Flyposting', 'Dog fouling', ' Noise ')),
      description: wild,
      metadata: some(boolArb),
      type: some(fc.constantFrom('realtime', 'batch', 'blackbox', 'REALTIME')),
      keywords: wild,
      group: wild,
    },
    { requiredKeys: ['service_code', 'service_name'] },
  ),
);
const valueArb = withExtras(fc.record({ key: some(idArb), name: wild }, { requiredKeys: ['key'] }));
const attributeArb = withExtras(
  fc.record(
    {
      variable: some(boolArb),
      code: some(idArb),
      datatype: some(datatypeArb),
      required: some(boolArb),
      datatype_description: wild,
      order: some(orderArb),
      description: wild,
      values: some(listShape(valueArb, 'values', 'value')),
    },
    { requiredKeys: ['code'] },
  ),
);
const definitionArb = withExtras(
  fc.record(
    { service_code: some(idArb), attributes: some(listShape(attributeArb, 'attributes', 'attribute')) },
    { requiredKeys: [] },
  ),
).chain((d) => fc.constantFrom<unknown>(d, { service_definition: d }, [d]));
const requestArb = withExtras(
  fc.record(
    {
      service_request_id: some(idArb),
      status: some(statusValueArb),
      status_notes: wild,
      service_name: wild,
      service_code: some(idArb),
      description: wild,
      agency_responsible: some(agencyArb),
      service_notice: wild,
      requested_datetime: some(dateArb),
      updated_datetime: some(dateArb),
      expected_datetime: some(dateArb),
      address: wild,
      address_id: wild,
      zipcode: wild,
      lat: some(coordArb),
      long: some(coordArb),
      media_url: some(mediaArb),
      token: wild,
    },
    { requiredKeys: ['service_request_id'] },
  ),
);
const postResultArb = withExtras(
  fc.record(
    { service_request_id: some(idArb), token: some(idArb), service_notice: wild, account_id: wild },
    { requiredKeys: [] },
  ),
);
const errorBodyArb = listShape(
  withExtras(
    fc.record(
      {
        code: some(fc.constantFrom(400, 403, 404, 429, 500, '400', 'E_BAD')),
        description: some(fc.string({ maxLength: 400 })),
        message: some(fc.string({ maxLength: 40 })),
      },
      { requiredKeys: [] },
    ),
  ),
  'errors',
  'error',
);

const shapedDocs = {
  services: listShape(serviceArb, 'services', 'service'),
  definition: definitionArb,
  requests: listShape(requestArb, 'service_requests', 'request'),
  post: listShape(postResultArb, 'service_requests', 'request'),
  errors: errorBodyArb,
};
/** The document the call expects, most of the time; any other Open311 document otherwise. */
const shapedFor = (main: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: main }, { weight: 1, arbitrary: fc.oneof(...Object.values(shapedDocs)) });

function upperKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(upperKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toUpperCase(), upperKeys(x)]));
  return v;
}
/** One city sends SERVICE_CODE: sometimes every key in capitals. */
const maybeUpper = (doc: fc.Arbitrary<unknown>) =>
  fc.tuple(doc, fc.boolean()).map(([d, up]) => (up ? upperKeys(d) : d));

const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const xmlName = (k: string) => (/^[A-Za-z_][\w.-]*$/.test(k) ? k : `x_${k.replace(/[^\w.-]/g, '_')}`);

/** A plain value as GeoReport XML: objects are elements, arrays repeated elements, scalars text. */
function toXml(name: string, v: unknown, sanitize: boolean): string {
  const tag = sanitize ? xmlName(name) : name;
  if (Array.isArray(v)) return v.map((x) => toXml(name, x, sanitize)).join('');
  if (v !== null && typeof v === 'object') {
    return `<${tag}>${Object.entries(v)
      .map(([k, x]) => toXml(k, x, sanitize))
      .join('')}</${tag}>`;
  }
  return v === null ? `<${tag}/>` : `<${tag}>${escapeXml(String(v))}</${tag}>`;
}

/** The shaped documents, as an XML server would write them (root = the wrapper, or a list element). */
const shapedXml = (doc: fc.Arbitrary<unknown>, root: string, item: string) =>
  fc.tuple(doc, fc.boolean(), fc.boolean()).map(([d, sanitize, prolog]) => {
    const body =
      d !== null && typeof d === 'object' && !Array.isArray(d) && Object.keys(d).length === 1
        ? toXml(Object.keys(d)[0]!, Object.values(d)[0], sanitize)
        : `<${root}>${toXml(item, d, sanitize)}</${root}>`;
    return `${prolog ? '<?xml version="1.0" encoding="utf-8"?>\n' : ''}${body}`;
  });

const TAGS = [
  'services',
  'service',
  'service_code',
  'service_name',
  'metadata',
  'type',
  'service_definition',
  'attributes',
  'attribute',
  'code',
  'variable',
  'datatype',
  'required',
  'order',
  'values',
  'value',
  'key',
  'name',
  'service_requests',
  'request',
  'service_request_id',
  'status',
  'media_url',
  'url',
  'agency_responsible',
  'recipient',
  'requested_datetime',
  'lat',
  'long',
  'token',
  'service_notice',
  'errors',
  'error',
  'description',
  'message',
  'html',
  'body',
];
const tagArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TAGS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_][\w.-]{0,6}$/) },
);
const textArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'true',
    'false',
    '1.00',
    '',
    '  ',
    'open',
    'closed',
    'https://x.example/a.jpg',
    'javascript:alert(1)',
    '2024-01-01T00:00:00Z',
    '42',
  ),
);
const attrsArb = fc.constantFrom('', ' xsi:nil="true"', ' nil="true"', ' lang="en"', ' xmlns="http://open311.org/v2"');
const { tree: xmlTreeArb } = fc.letrec<{ tree: string; leaf: string; node: string }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('node')),
  leaf: fc
    .tuple(tagArb, attrsArb, textArb, fc.boolean())
    .map(([n, a, t, raw]) => `<${n}${a}>${raw ? t : escapeXml(t)}</${n}>`),
  node: fc
    .tuple(tagArb, attrsArb, fc.array(tie('tree'), { maxLength: 4 }))
    .map(([n, a, kids]) => `<${n}${a}>${kids.join('\n  ')}</${n}>`),
}));
/** Random element trees, sometimes truncated, with or without a prolog, sometimes with junk around. */
const xmlishArb = fc.oneof(
  xmlTreeArb,
  fc.tuple(xmlTreeArb, fc.nat()).map(([x, n]) => x.slice(0, n % (x.length + 1))),
  xmlTreeArb.map((x) => `<?xml version="1.0" encoding="utf-8"?>\n${x}`),
  fc.tuple(fc.string({ maxLength: 8 }), xmlTreeArb, fc.string({ maxLength: 8 })).map(([a, x, b]) => a + x + b),
  fc.constantFrom(
    '<?xml version="1.0"?><services/>',
    '<services></services>',
    '<service_requests><request/></service_requests>',
    '<errors><error><code>403</code><description>Invalid api_key</description></error></errors>',
    '<html><body><h1>Error</h1></body></html>',
    '<!DOCTYPE html><html><body><p>Server Error</p></body></html>',
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><services><service><service_code>&a;</service_code><service_name>&a;</service_name></service></services>',
  ),
);

/** Text that is neither: empty, junk, HTML, JSON scalars. */
const textBodyArb = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    '[]',
    '{}',
    '[null]',
    '[[]]',
    '"string"',
    'true',
    '0',
    '[{}]',
    '{"services":null}',
    '<!DOCTYPE html><html><head><title>Error</title></head><body>Oops</body></html>',
  ),
);

const jsonBody = (doc: fc.Arbitrary<unknown>) => doc.map((d) => JSON.stringify(d));

const SHAPED: Record<string, fc.Arbitrary<unknown>> = {
  'services()': shapedDocs.services,
  'serviceDefinition()': shapedDocs.definition,
  'request()': shapedDocs.requests,
  'submit()': shapedDocs.post,
  'requests()': shapedDocs.requests,
};
const XML_ROOTS: Record<string, [string, string]> = {
  'services()': ['services', 'service'],
  'serviceDefinition()': ['service_definition', 'attribute'],
  'request()': ['service_requests', 'request'],
  'submit()': ['service_requests', 'request'],
  'requests()': ['service_requests', 'request'],
};

// --- The properties ------------------------------------------------------------------------------------------------

describe('Open311 client properties: any answer gives a valid model or a BackendError', function () {
  this.timeout(30_000);

  for (const call of CALLS) {
    describe(call.name, () => {
      it('any JSON value, any status and content type', async () => {
        await fc.assert(
          fc.asyncProperty(replyArb(jsonBody(fc.jsonValue({ maxDepth: 4 }))), formatArb, (reply, format) =>
            resolvesOrFailsCleanly(call, reply, format),
          ),
          { numRuns: RUNS },
        );
      });

      it('Open311-shaped JSON with fields of random types, any key case, bare/wrapped/single', async () => {
        const doc = maybeUpper(shapedFor(SHAPED[call.name]!));
        await fc.assert(
          fc.asyncProperty(replyArb(jsonBody(doc)), formatArb, (reply, format) =>
            resolvesOrFailsCleanly(call, reply, format),
          ),
          { numRuns: RUNS },
        );
      });

      it('XML: Open311-shaped documents and random element trees', async () => {
        const [root, item] = XML_ROOTS[call.name]!;
        const body = fc.oneof(shapedXml(maybeUpper(shapedFor(SHAPED[call.name]!)), root, item), xmlishArb);
        await fc.assert(
          fc.asyncProperty(replyArb(body), formatArb, (reply, format) => resolvesOrFailsCleanly(call, reply, format)),
          { numRuns: RUNS },
        );
      });

      it('random text, HTML pages and error bodies with any status 100–599', async () => {
        const body = fc.oneof(
          textBodyArb,
          jsonBody(maybeUpper(errorBodyArb)),
          shapedXml(errorBodyArb, 'errors', 'error'),
        );
        const reply = fc.record({
          status: fc.integer({ min: 100, max: 599 }),
          contentType: contentTypeArb,
          retryAfter: retryAfterArb,
          body,
        });
        await fc.assert(
          fc.asyncProperty(reply, formatArb, (r, format) => resolvesOrFailsCleanly(call, r, format)),
          { numRuns: RUNS },
        );
      });
    });
  }

  it('a valid document is never refused: the standard JSON shapes always parse', async () => {
    // The positive side: documents built from typical values only must resolve (no BackendError).
    const service = fc.record({
      service_code: idArb,
      service_name: fc.constantFrom('Pothole', 'Graffiti'),
      metadata: fc.boolean(),
      type: fc.constantFrom('realtime', 'batch', 'blackbox'),
    });
    const request = fc.record({
      service_request_id: idArb,
      status: statusValueArb,
      media_url: mediaArb,
      requested_datetime: dateArb,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(service, { minLength: 1, maxLength: 4 }),
        // requests() merges answers by id: one request per id here.
        fc.uniqueArray(request, { minLength: 1, maxLength: 4, selector: (r) => String(r.service_request_id).trim() }),
        fc.constantFrom<'json' | undefined>(undefined, 'json'),
        async (services, requests, format) => {
          const ok = (body: unknown): ServerReply => ({
            status: 200,
            contentType: 'application/json',
            retryAfter: undefined,
            body: JSON.stringify(body),
          });
          const list = await backendFor(ok(services), format).services();
          checkServices(list);
          expect(list.map((s) => s.service_code)).to.deep.equal(services.map((s) => String(s.service_code).trim()));
          const found = await backendFor(ok(requests), format).requests!({ ids: ['1'] });
          checkRequests(found);
          expect(found.map((r) => r.service_request_id)).to.deep.equal(
            requests.map((r) => String(r.service_request_id).trim()),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('Open311 client: counterexamples found by fuzzing (npm run fuzz), kept', () => {
  it('XML elements named like Object.prototype members stay data (__proto__, constructor, hasOwnProperty)', async () => {
    // Found by scripts/check/fuzz.mjs: `<hasOwnProperty>1</hasOwnProperty>` in a <service> became
    // [Object.prototype.hasOwnProperty, "1"] in the model (xml.ts asked `key in {}`), and <__proto__> replaced the
    // prototype of the parsed object.
    const body =
      '<services><service><service_code>A</service_code><service_name>Alpha</service_name>' +
      '<hasOwnProperty>1</hasOwnProperty><constructor>2</constructor><toString>3</toString>' +
      '<__proto__><polluted>yes</polluted></__proto__></service></services>';
    const reply: ServerReply = { status: 200, contentType: 'text/xml', retryAfter: undefined, body };
    const [service] = await backendFor(reply, 'xml').services();
    const s = service as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(s)).to.equal(Object.prototype);
    expect(s.polluted).to.equal(undefined);
    expect(s.hasownproperty).to.equal('1');
    expect(s.constructor).to.equal('2');
    expect(s.tostring).to.equal('3');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});

describe('Open311 client: lone surrogates, found by fuzzing (npm run fuzz), kept', () => {
  it('a lone surrogate in an id, typed or sent by the server, never throws a URIError', async () => {
    const reply: ServerReply = {
      status: 200,
      contentType: 'application/json',
      retryAfter: undefined,
      body: '[{"service_request_id":"\\ud800","status":"open","status_notes":"a\\udfffb"}]',
    };
    const found = await backendFor(reply, 'json').request('\uD800');
    expect(found.service_request_id).to.equal('\uFFFD');
    expect(found.status_notes).to.equal('a\uFFFDb');
    expect(() => encodeURIComponent(found.service_request_id)).not.to.throw();
    const def = await backendFor({ ...reply, body: '{"attributes":[]}' }, 'json').serviceDefinition('\uDFFFx');
    expect(def.attributes).to.deep.equal([]);
  });
});
