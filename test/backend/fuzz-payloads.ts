/**
 * Hostile backend payloads for fuzzing the Open311 client (issue #15), and the properties every call must keep.
 * Shared by test/backend/fuzz.test.ts (Chromium, a few hundred runs in `npm test`) and scripts/check/fuzz.mjs
 * (Node, bundled with esbuild, ≥ 10,000 runs: `npm run fuzz`). No test framework in here: a broken promise throws.
 *
 * Unlike open311-properties.test.ts (random but well-meaning servers), these servers are out to get us: every
 * string may be markup, a `javascript:` URL, 100,000 characters, an RTL override or a NUL; every object may carry
 * `__proto__`, `constructor`, `toString` keys; numbers come where strings belong; documents nest thousands deep,
 * come cut off, as HTML pages or as megabytes; the network fails, hangs or breaks off mid-body. Documents are built
 * as our own trees (Obj) and written out as JSON or XML text ourselves, so that `__proto__` reaches the client as
 * the key a server sends, never as a prototype set by the generator.
 */
import fc from 'fast-check';
import type { Open311Options } from '../../src/backend/open311-options';
import type { createOpen311Backend } from '../../src/backend/open311';
import { BackendError } from '../../src/backend/types';

// --- Documents as a server writes them --------------------------------------------------------------------------

/** An object with its entries as sent: any key, repeated keys, in order. */
export class Obj {
  constructor(readonly entries: Array<[string, Doc]>) {}
}
/** A JSON token written as is (`1e999`, `-0`, a 30-digit integer). */
export class Raw {
  constructor(readonly json: string) {}
}
export type Doc = string | number | boolean | null | Raw | Obj | Doc[];

export function toJson(d: Doc): string {
  if (d instanceof Raw) return d.json;
  if (d instanceof Obj) return `{${d.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  if (Array.isArray(d)) return `[${d.map(toJson).join(',')}]`;
  return JSON.stringify(d) ?? 'null';
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const xmlName = (k: string) => (/^[A-Za-z_][\w.-]*$/.test(k) ? k : `x_${k.replace(/[^\w.-]/g, '_')}`);

/** Objects are elements, lists repeated elements, text escaped (or in CDATA, markup intact). */
export function toXml(name: string, d: Doc, cdata = false): string {
  const tag = xmlName(name);
  if (Array.isArray(d)) return d.map((x) => toXml(name, x, cdata)).join('');
  if (d instanceof Obj) return `<${tag}>${d.entries.map(([k, v]) => toXml(k, v, cdata)).join('')}</${tag}>`;
  if (d === null) return `<${tag}/>`;
  const text = d instanceof Raw ? d.json : String(d);
  return cdata && !text.includes(']]>')
    ? `<${tag}><![CDATA[${text}]]></${tag}>`
    : `<${tag}>${escapeXml(text)}</${tag}>`;
}

// --- Hostile values -------------------------------------------------------------------------------------------

/** What a payload does if it ever runs: the tests check that it never did. */
export const PWNED = 'window.__pwned=1';
export const MARKUP = [
  `<img src=x onerror=${PWNED}>`,
  `<script>${PWNED}</script>`,
  `"><svg onload=${PWNED}>`,
  `'><iframe srcdoc="<script>parent.${PWNED}</script>">`,
  `<a href="javascript:${PWNED}">click</a>`,
  `<style>*{display:none}</style>`,
  `<template shadowrootmode=open><img src=x onerror=${PWNED}></template>`,
  `{{constructor.constructor('${PWNED}')()}}`,
  '${' + PWNED + '}',
  '<!--',
  ']]>',
  '&lt;b&gt;',
  '<b>bold</b>',
];
export const BAD_URLS = [
  `javascript:${PWNED}`,
  ` JavaScript:${PWNED}`,
  `java\tscript:${PWNED}`,
  `\u0000javascript:${PWNED}`,
  `javascript&colon;${PWNED}`,
  `data:text/html,<script>${PWNED}</script>`,
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://city.example/1',
  '//evil.example/x.png',
  '/relative/x.png',
  `https://evil.example/x.png" onerror="${PWNED}`,
  `http://evil.example/<script>${PWNED}</script>.jpg`,
];
const GOOD_URLS = ['https://city.example/photos/1.jpg', 'http://city.example/a.png', ' https://city.example/b.jpeg '];
const WEIRD = [
  '\u202Egnp.exe',
  '\u2067مرحبا\u2069 RTL',
  '\u200F\u200E',
  'a\u0000b',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDFFFx',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍🔧',
  'e\u0301\u0301\u0301',
  '\r\n\t',
  ' ',
  '',
  'null',
  'undefined',
  'NaN',
  'true',
  '-0',
  '__proto__',
  'constructor',
];
/** 100,000-character strings, made once. */
const HUGE = [
  'x'.repeat(100_000),
  MARKUP[0]!.repeat(Math.ceil(100_000 / MARKUP[0]!.length)),
  '\u202E'.repeat(100_000),
  `https://city.example/${'a'.repeat(100_000)}.jpg`,
];
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__PROTO__',
  'Constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineSetter__',
  'toJSON',
  'then',
  'length',
  'polluted',
  '0',
  '',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom(...MARKUP, ...BAD_URLS, ...WEIRD) },
  { weight: 20, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 20,
    arbitrary: fc
      .array(fc.constantFrom(...MARKUP, ...WEIRD, ...BAD_URLS, 'Pothole', ' '), { minLength: 2, maxLength: 4 })
      .map((a) => a.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
);
/** Numbers where strings belong, and JSON numbers no double holds. */
const hostileNumber: fc.Arbitrary<Doc> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 2 ** 53 + 1, 1e308),
  fc.constantFrom('1e999', '-1e999', '-0', '1e-400', '123456789012345678901234567890', '0.1e1').map((j) => new Raw(j)),
);
const hostileScalar: fc.Arbitrary<Doc> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const keyArb = (known: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
    { weight: 2, arbitrary: fc.constantFrom(...known, ...known.map((k) => k.toUpperCase())) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
const ALL_FIELDS = [
  'service_code',
  'service_name',
  'service_request_id',
  'url',
  'media_url',
  'mimetype',
  'key',
  'name',
  'code',
  'description',
  'message',
  'values',
  'attributes',
  'token',
];
/** Any tree of hostile values and keys, a few levels deep. */
export const hostileTree: fc.Arbitrary<Doc> = fc.letrec<{ tree: Doc }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileScalar,
    fc.array(tie('tree'), { maxLength: 3 }),
    fc.array(fc.tuple(keyArb(ALL_FIELDS), tie('tree')), { maxLength: 3 }).map((e) => new Obj(e)),
  ),
})).tree;

/** Pollution attempts in the shapes that have worked against other libraries. */
const pollution: fc.Arbitrary<[string, Doc]> = fc.constantFrom<[string, Doc]>(
  ['__proto__', new Obj([['polluted', 'yes']])],
  [
    '__proto__',
    new Obj([
      ['service_code', 'FROM_PROTO'],
      ['polluted', 'yes'],
    ]),
  ],
  ['constructor', new Obj([['prototype', new Obj([['polluted', 'yes']])]])],
  ['__PROTO__', new Obj([['polluted', 'yes']])],
  ['prototype', new Obj([['polluted', 'yes']])],
  ['toString', 'not a function'],
  ['valueOf', new Obj([['polluted', 'yes']])],
  ['hasOwnProperty', 1],
  ['then', 'x'],
);

// --- Open311 documents, shaped as each endpoint's, filled with hostility ---------------------------------------

/** Mostly the field's typical value, often hostile, sometimes a whole tree. */
const field = (typical: fc.Arbitrary<Doc>): fc.Arbitrary<Doc> =>
  fc.oneof(
    { weight: 3, arbitrary: typical },
    { weight: 3, arbitrary: hostileScalar },
    { weight: 1, arbitrary: hostileTree },
  );

/** An object with some of `fields` (any order) and some hostile entries (before or after them). */
function objOf(fields: Record<string, fc.Arbitrary<Doc>>, required: string[] = []): fc.Arbitrary<Obj> {
  const names = Object.keys(fields);
  return fc
    .tuple(
      fc.tuple(
        ...names.map((n) =>
          required.includes(n) ? fields[n]!.map((v) => [v]) : fc.array(fields[n]!, { maxLength: 1 }),
        ),
      ),
      fc.array(fc.oneof(pollution, fc.tuple(keyArb(names), hostileTree)), { maxLength: 3 }),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([values, extra, extraFirst, upper]) => {
      const own: Array<[string, Doc]> = names.flatMap((n, i) =>
        values[i]!.map((v): [string, Doc] => [upper ? n.toUpperCase() : n, v]),
      );
      return new Obj(extraFirst ? [...extra, ...own] : [...own, ...extra]);
    });
}

/** A list the ways servers send one: bare, wrapped once or twice, one object. */
const listShape = (item: fc.Arbitrary<Doc>, outer: string, inner: string): fc.Arbitrary<Doc> =>
  fc.oneof(
    fc.array(item, { maxLength: 4 }),
    fc.array(item, { maxLength: 4 }).map((a) => new Obj([[outer, a]])),
    fc.array(item, { maxLength: 4 }).map((a) => new Obj([[outer, new Obj([[inner, a]])]])),
    item.map((o) => new Obj([[outer, new Obj([[inner, o]])]])),
    item,
  );

const id = fc.oneof(fc.nat(1_000_000), fc.constantFrom('POT', '101', ' 7 ', 'tok-1'), hostileString);
const bool = fc.constantFrom<Doc>(true, false, 'true', 'FALSE', 1, 0, 'yes', '');
const date = fc.constantFrom<Doc>('2024-03-05T14:30:00Z', '2024-03-05 14:30:00', '2024-13-45T99:99:99Z', 'soon');
const url = fc.constantFrom<Doc>(...BAD_URLS, ...GOOD_URLS);
const text = fc.oneof(fc.constantFrom<Doc>('Pothole', 'Streetlight out', 'open', 'closed'), hostileString);

const service = objOf(
  {
    service_code: field(id),
    service_name: field(text),
    description: field(text),
    metadata: field(bool),
    type: field(fc.constantFrom('realtime', 'batch', 'blackbox')),
    keywords: field(text),
    group: field(text),
  },
  ['service_code', 'service_name'],
);
const value = objOf({ key: field(id), name: field(text) }, ['key']);
const attribute = objOf(
  {
    variable: field(bool),
    code: field(id),
    datatype: field(
      fc.constantFrom('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist', 'informational'),
    ),
    required: field(bool),
    datatype_description: field(text),
    order: field(fc.oneof(fc.integer({ min: -3, max: 30 }), fc.constant('1.00'))),
    description: field(text),
    values: field(listShape(value, 'values', 'value')),
    automated: field(fc.constantFrom('server_set', 'hidden_field')),
  },
  ['code'],
);
const definition = objOf({
  service_code: field(id),
  attributes: field(listShape(attribute, 'attributes', 'attribute')),
}).chain((d) => fc.constantFrom<Doc>(d, new Obj([['service_definition', d]]), [d]));
const attachment = objOf({ url: field(url), mimetype: field(fc.constantFrom('image/jpeg', 'text/html')) });
const request = objOf(
  {
    service_request_id: field(id),
    status: field(fc.constantFrom('open', 'closed', 'in_progress', 'fixed')),
    status_notes: field(text),
    service_name: field(text),
    service_code: field(id),
    description: field(text),
    agency_responsible: field(fc.oneof(text, objOf({ recipient: field(text) }))),
    service_notice: field(text),
    requested_datetime: field(date),
    updated_datetime: field(date),
    expected_datetime: field(date),
    address: field(text),
    zipcode: field(text),
    lat: field(fc.double({ min: -90, max: 90, noNaN: true })),
    long: field(fc.double({ min: -180, max: 180, noNaN: true })),
    media_url: field(fc.oneof(url, fc.array(url, { maxLength: 3 }), objOf({ url: field(url) }))),
    extended_attributes: field(objOf({ attachments: field(fc.array(attachment, { maxLength: 3 })) })),
  },
  ['service_request_id'],
);
const postResult = objOf({
  service_request_id: field(id),
  token: field(id),
  service_notice: field(text),
  account_id: field(id),
  message: field(text),
  description: field(text),
});
const tokenResult = objOf({ service_request_id: field(id), token: field(id) });
const errorItem = objOf({
  code: field(fc.constantFrom<Doc>(400, 403, 404, 429, 500, '404', 'middleware_26')),
  description: field(text),
  message: field(text),
  error: field(text),
  type: field(text),
});
const discovery = objOf({
  changeset: field(date),
  contact: field(text),
  endpoints: field(
    listShape(
      objOf({
        specification: field(text),
        url: field(url),
        type: field(text),
        formats: field(fc.array(text, { maxLength: 2 })),
      }),
      'endpoints',
      'endpoint',
    ),
  ),
  gateway: field(
    objOf({
      formtoken: field(url),
      captcha: field(objOf({ provider: field(fc.constantFrom('turnstile', 'hcaptcha')), sitekey: field(text) })),
    }),
  ),
});

export const DOCS = {
  services: listShape(service, 'services', 'service'),
  definition,
  requests: listShape(request, 'service_requests', 'request'),
  post: listShape(postResult, 'service_requests', 'request'),
  tokens: listShape(tokenResult, 'tokens', 'token'),
  errors: listShape(errorItem, 'errors', 'error'),
  discovery: fc.oneof(
    discovery,
    discovery.map((d) => new Obj([['discovery', d]])),
  ),
};
type DocName = keyof typeof DOCS;

/** Each document's XML root and item element, when it is a bare list. */
const XML_ROOT: Record<DocName, [string, string]> = {
  services: ['services', 'service'],
  definition: ['service_definition', 'attribute'],
  requests: ['service_requests', 'request'],
  post: ['service_requests', 'request'],
  tokens: ['tokens', 'token'],
  errors: ['errors', 'error'],
  discovery: ['discovery', 'endpoint'],
};

function asXml(doc: Doc, name: DocName, cdata: boolean): string {
  const [root, item] = XML_ROOT[name];
  return doc instanceof Obj && doc.entries.length === 1
    ? toXml(doc.entries[0]![0], doc.entries[0]![1], cdata)
    : `<${root}>${toXml(item, doc, cdata)}</${root}>`;
}

/** Made once: about 2 MB of JSON (5,000 services with long names), a server that dumps its whole database. */
let megabytes: string | undefined;
export const megabytesOfJson = () =>
  (megabytes ??= JSON.stringify(
    Array.from({ length: 5000 }, (_, i) => ({
      service_code: `S${i}`,
      service_name: `${MARKUP[i % MARKUP.length]} ${'Service '.repeat(40)}${i}`,
      description: 'd'.repeat(200),
      metadata: i % 2 === 0,
      type: 'realtime',
      group: `G${i % 50}`,
    })),
  ));

const HTML_PAGES = [
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
  `<html><body><script>${PWNED}</script><img src=x onerror=${PWNED}></body></html>`,
  '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Maintenance</p></body></html>',
];

/** Thousands of levels deep: of lists, of wrappers, of XML elements. */
const deepBody = fc
  .tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom('[', '{"services":', '{"__proto__":', '<service>'))
  .map(([n, open]) => {
    if (open === '<service>') return `<services>${'<service>'.repeat(n)}x${'</service>'.repeat(n)}</services>`;
    return `${open.repeat(n)}null${(open === '[' ? ']' : '}').repeat(n)}`;
  });

/** The body of an answer meant to be the `name` document: the document (JSON or XML), or garbage. */
export const bodyFor = (name: DocName): fc.Arbitrary<string> => {
  const doc = fc.oneof(
    { weight: 5, arbitrary: DOCS[name] },
    { weight: 1, arbitrary: DOCS.errors },
    { weight: 1, arbitrary: hostileTree },
  );
  return fc.oneof(
    { weight: 40, arbitrary: doc.map(toJson) },
    { weight: 25, arbitrary: fc.tuple(doc, fc.boolean()).map(([d, cdata]) => asXml(d, name, cdata)) },
    // Truncated: cut anywhere.
    {
      weight: 10,
      arbitrary: fc.tuple(doc, fc.boolean(), fc.nat()).map(([d, xml, n]) => {
        const t = xml ? asXml(d, name, false) : toJson(d);
        return t.slice(0, n % Math.max(1, t.length));
      }),
    },
    { weight: 1, arbitrary: deepBody },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        ...HTML_PAGES,
        '',
        ' ',
        'null',
        '[]',
        '{}',
        '"a string"',
        '42',
        'true',
        '\u0000\u0000',
      ),
    },
    { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constant(0).map(() => megabytesOfJson()) },
  );
};

// --- Answers and network failures ---------------------------------------------------------------------------

export interface Reply {
  /** answer: a response; reject: DNS or CORS (fetch rejects); hang: never answers (timeout); broken: the body stream fails midway. */
  transport: 'answer' | 'reject' | 'hang' | 'broken';
  status: number;
  contentType: string;
  retryAfter: string | undefined;
  body: string;
}

export const replyFor = (name: DocName): fc.Arbitrary<Reply> =>
  fc.record({
    transport: fc.oneof(
      { weight: 40, arbitrary: fc.constant('answer' as const) },
      { weight: 1, arbitrary: fc.constantFrom('reject' as const, 'hang' as const, 'broken' as const) },
    ),
    status: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(200, 200, 201) },
      { weight: 3, arbitrary: fc.constantFrom(400, 401, 403, 404, 406, 429, 500, 502, 503, 504) },
      { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
    ),
    contentType: fc.constantFrom('application/json', 'text/xml', 'text/html', 'text/plain; charset=utf-8', ''),
    retryAfter: fc.option(fc.constantFrom('0', '1', '30', '86400', '-5', 'soon', 'Fri, 01 Jan 2100 00:00:00 GMT'), {
      nil: undefined,
    }),
    body: fc.oneof({ weight: 3, arbitrary: bodyFor(name) }, { weight: 1, arbitrary: bodyFor('errors') }),
  });

const NULL_BODY = new Set([204, 205, 304]);

/** A fetch that answers every URL with `reply`. */
export function fetchFor(reply: Reply): typeof fetch {
  return async (_input, init) => {
    if (reply.transport === 'reject') throw new TypeError('Failed to fetch');
    if (reply.transport === 'hang') {
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    const headers = new Headers();
    if (reply.contentType) headers.set('Content-Type', reply.contentType);
    if (reply.retryAfter !== undefined) headers.set('Retry-After', reply.retryAfter);
    const status = NULL_BODY.has(reply.status) ? 200 : reply.status;
    if (reply.transport === 'broken') {
      const bytes = new TextEncoder().encode(reply.body.slice(0, 100));
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes);
          c.error(new TypeError('network error: connection reset'));
        },
      });
      return new Response(stream, { status, headers });
    }
    return new Response(reply.body, { status, headers });
  };
}

// --- The calls and what they promise ------------------------------------------------------------------------

type Open311 = ReturnType<typeof createOpen311Backend>;
export interface Env {
  createOpen311Backend: typeof createOpen311Backend;
  xmlParser?: Open311Options['xmlParser'];
}

const KINDS = ['network', 'timeout', 'http', 'rate-limited', 'not-found', 'forbidden', 'invalid-response', 'aborted'];

const fail = (what: string): never => {
  throw new Error(what);
};

/** A rejection must be a BackendError of a known kind with tidy details, and nothing else. */
export function checkFailure(e: unknown): void {
  if (!(e instanceof BackendError) || e.name !== 'BackendError') {
    fail(
      `rejected with something else than a BackendError: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`,
    );
  }
  const { kind, message, details } = e as BackendError;
  if (!KINDS.includes(kind)) fail(`unknown kind ${kind}`);
  if (typeof message !== 'string') fail('message is not a string');
  const { status, serverMessage, retryAfterSeconds } = details;
  if (status !== undefined && !Number.isInteger(status)) fail(`details.status ${String(status)}`);
  if (
    serverMessage !== undefined &&
    (typeof serverMessage !== 'string' || !serverMessage || serverMessage.length > 300)
  )
    fail(`details.serverMessage ${JSON.stringify(serverMessage)?.slice(0, 80)}`);
  if (retryAfterSeconds !== undefined && !(Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0))
    fail(`details.retryAfterSeconds ${retryAfterSeconds}`);
}

/**
 * The model is data and nothing else: plain objects and arrays (no `__proto__` key turned into a prototype, no
 * function smuggled in by a `constructor` or `toString` element), strings, finite numbers, booleans.
 */
export function checkPlainData(v: unknown, path = 'model', depth = 0): void {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') return Number.isNaN(v) ? fail(`${path} is NaN`) : undefined;
  if (typeof v !== 'object') fail(`${path} is a ${typeof v}: ${String(v).slice(0, 60)}`);
  const proto = Object.getPrototypeOf(v);
  if (Array.isArray(v) ? proto !== Array.prototype : proto !== Object.prototype && proto !== null) {
    fail(`${path} has a prototype of its own: ${JSON.stringify(proto)?.slice(0, 80)}`);
  }
  if (depth > 200) return; // kept unknown fields may nest deep; the model's own fields never do
  for (const k of Object.keys(v)) checkPlainData((v as Record<string, unknown>)[k], `${path}.${k}`, depth + 1);
}

const str = (v: unknown, what: string, required = false) => {
  if (v === undefined && !required) return;
  if (typeof v !== 'string') fail(`${what} is not a string: ${String(v).slice(0, 60)}`);
  // Well-formed UTF-16: encodeURIComponent (deep links, paths) throws on a lone surrogate.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v as string))
    fail(`${what} has a lone surrogate: ${JSON.stringify(v).slice(0, 60)}`);
  if (required && !(v as string).length) fail(`${what} is empty`);
};
const httpUrl = (u: unknown, what: string) => {
  str(u, what, true);
  if (!/^https?:\/\//i.test(u as string)) fail(`${what} is not an http(s) URL: ${String(u).slice(0, 60)}`);
};
const list = (v: unknown, what: string): unknown[] => (Array.isArray(v) ? v : fail(`${what} is not a list`));

function checkService(s: Record<string, unknown>) {
  str(s.service_code, 'service_code', true);
  str(s.service_name, 'service_name', true);
  if (typeof s.metadata !== 'boolean') fail('metadata is not a boolean');
  for (const k of ['type', 'description', 'keywords', 'group']) str(s[k], k);
}
function checkDefinition(d: Record<string, unknown>) {
  str(d.service_code, 'service_code');
  for (const a of list(d.attributes, 'attributes') as Array<Record<string, unknown>>) {
    str(a.code, 'attribute code', true);
    str(a.datatype, 'datatype', true);
    for (const k of ['description', 'datatype_description']) str(a[k], k);
    if (typeof a.variable !== 'boolean' || typeof a.required !== 'boolean') fail('variable/required not boolean');
    for (const v of list(a.values, 'values') as Array<Record<string, unknown>>) {
      str(v.key, 'value key', true);
      str(v.name, 'value name');
    }
  }
}
function checkRequest(r: Record<string, unknown>) {
  str(r.service_request_id, 'service_request_id', true);
  str(r.status, 'status', true);
  for (const k of ['status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'address'])
    str(r[k], k);
  for (const k of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
    if (r[k] !== undefined && new Date(r[k] as string).toISOString() !== r[k]) fail(`${k} not ISO`);
  for (const k of ['lat', 'long']) if (r[k] !== undefined && !Number.isFinite(r[k])) fail(`${k} not finite`);
  list(r.media_urls, 'media_urls').forEach((u, i) => httpUrl(u, `media_urls[${i}]`));
  if (r.media_url !== undefined) httpUrl(r.media_url, 'media_url');
}

const NEW_REQUEST = {
  service_code: 'POT',
  lat: 41.5,
  long: -81.7,
  address_string: '1 Elm St',
  description: 'A hole',
  attributes: { SIZE: 'large', WHERE: ['wall', 'door'] },
};

export interface Call {
  name: string;
  doc: DocName;
  /** `arg`: the code, id or token the call is made with (from the resident or an earlier answer). */
  run(b: Open311, arg: string): Promise<unknown>;
  check(v: unknown): void;
}
export const CALLS: Call[] = [
  {
    name: 'services()',
    doc: 'services',
    run: (b) => b.services(),
    check: (v) => list(v, 'services').forEach((s) => checkService(s as Record<string, unknown>)),
  },
  {
    name: 'serviceDefinition()',
    doc: 'definition',
    run: (b, code) => b.serviceDefinition(code),
    check: (v) => checkDefinition(v as Record<string, unknown>),
  },
  {
    name: 'request()',
    doc: 'requests',
    run: (b, id) => b.request(id),
    check: (v) => checkRequest(v as Record<string, unknown>),
  },
  {
    name: 'requests()',
    doc: 'requests',
    run: (b) => b.requests({ status: ['open'], limit: 5 }),
    check: (v) => list(v, 'requests').forEach((r) => checkRequest(r as Record<string, unknown>)),
  },
  {
    name: 'submit()',
    doc: 'post',
    run: (b) => b.submit(NEW_REQUEST),
    check: (v) => {
      const r = v as Record<string, unknown>;
      for (const k of ['serviceRequestId', 'token', 'notice']) str(r[k], k);
      if (r.serviceRequestId === '' || r.token === '') fail('empty id or token');
    },
  },
  {
    name: 'resolveToken()',
    doc: 'tokens',
    run: (b, token) => b.resolveToken(token),
    check: (v) => (v === undefined ? undefined : str(v, 'id', true)),
  },
  {
    name: 'discovery()',
    doc: 'discovery',
    run: (b) => b.discovery(),
    check: (v) => list((v as { endpoints: unknown }).endpoints, 'endpoints'),
  },
];

// --- Nothing global changes ---------------------------------------------------------------------------------

const PROTOS: Array<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];
const snapshot = () => PROTOS.map(([n, p]) => `${n}: ${Reflect.ownKeys(p).map(String).sort().join(',')}`).join('\n');
const before = snapshot();

/** No prototype was touched, no payload ran. */
export function checkNothingGlobal(): void {
  const g = globalThis as { __pwned?: unknown };
  if (g.__pwned !== undefined) fail('a payload ran: window.__pwned is set');
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'service_code', 'toString'])
    if (k === 'toString' ? probe[k] !== Object.prototype.toString : probe[k] !== undefined)
      fail(`({}).${k} was polluted`);
  if (([] as unknown as Record<string, unknown>).polluted !== undefined) fail('[].polluted was polluted');
  const now = snapshot();
  if (now !== before) fail(`a prototype changed:\n${now}`);
}

// --- The property ---------------------------------------------------------------------------------------------

export interface Case {
  reply: Reply;
  format: 'json' | 'xml' | undefined;
  retries: number;
  arg: string;
}

export const caseFor = (call: Call): fc.Arbitrary<Case> =>
  fc.record({
    reply: replyFor(call.doc),
    format: fc.constantFrom<'json' | 'xml' | undefined>(undefined, undefined, 'xml'),
    retries: fc.constantFrom(0, 0, 1),
    arg: fc.oneof(fc.constantFrom('POT', '101', 'tok-1'), hostileString),
  });

/** One run: the call resolves to a model that keeps its promises, or rejects with a BackendError; nothing global changes. */
export async function runCase(env: Env, call: Call, c: Case): Promise<void> {
  const backend = env.createOpen311Backend({
    endpoint: 'https://city.example/open311/v2',
    jurisdiction: 'city.example',
    fetch: fetchFor(c.reply),
    ...(c.format ? { format: c.format } : {}),
    ...(env.xmlParser ? { xmlParser: env.xmlParser } : {}),
    retries: c.retries,
    retryBaseMs: 0,
    maxRetryAfterMs: 0,
    timeoutMs: 10,
    tokenPollMs: 1,
    tokenTimeoutMs: 0,
  });
  let value: unknown;
  let failed = false;
  const warn = console.warn;
  console.warn = () => {}; // skipped questions are reported there; thousands of them
  try {
    value = await call.run(backend, c.arg);
  } catch (e) {
    failed = true;
    checkFailure(e);
  } finally {
    console.warn = warn;
  }
  if (!failed) {
    checkPlainData(value);
    call.check(value);
  }
  checkNothingGlobal();
}

/** Counterexamples fuzzing found, kept as fixed cases (see the commits that fixed them). */
export const REGRESSIONS: Array<{ call: string; why: string; reply: Partial<Reply>; format?: 'xml'; arg?: string }> = [
  {
    call: 'request()',
    why: 'a lone surrogate in an id (typed, or from the server) made encodeURIComponent throw a URIError',
    reply: { body: '[{"service_request_id":"\\ud800","status":"open"}]' },
    arg: '\uD800',
  },
  {
    call: 'serviceDefinition()',
    why: 'a service code from services.json with a lone surrogate made encodeURIComponent throw a URIError',
    reply: { body: '{"service_code":"\\udfff","attributes":[]}' },
    arg: '\uDFFFx',
  },
  {
    call: 'services()',
    why: 'an XML element named like an Object.prototype member was merged with the inherited function',
    reply: {
      body: '<services><service><service_code>\u0000</service_code><service_name>Pothole</service_name><hasOwnProperty>1</hasOwnProperty></service></services>',
    },
  },
  {
    call: 'request()',
    why: 'an XML <__proto__> or <valueOf> element replaced a prototype or smuggled in a function',
    reply: {
      body: '<service_requests><request><service_request_id>7</service_request_id><valueOf><polluted>yes</polluted></valueOf><__proto__><polluted>yes</polluted></__proto__><constructor>x</constructor></request></service_requests>',
    },
    format: 'xml',
  },
  {
    call: 'request()',
    why: 'a lone surrogate inside a nested agency_responsible ({__proto__: [...]}) reached the model as it was',
    reply: {
      body: '{"service_requests":{"request":{"service_request_id":"7","agency_responsible":{"__proto__":["\\udfffx Roads"]},"media_url":["https://city.example/\\ud800.jpg"]}}}',
    },
    arg: '7',
  },
];

export const regressionCase = (r: (typeof REGRESSIONS)[number]): Case => ({
  reply: {
    transport: 'answer',
    status: 200,
    contentType: 'application/json',
    retryAfter: undefined,
    body: '',
    ...r.reply,
  },
  format: r.format,
  retries: 0,
  arg: r.arg ?? '101',
});
