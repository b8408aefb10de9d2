/**
 * An Open311 GeoReport v2 server (JSON format) as msw request handlers, for the demo page and the tests.
 *
 * It follows the specification strictly, so every response validates against the official schemas: ids, codes
 * and keys are strings, lat/long numbers, status only "open" or "closed", errors `[{code, description}]`.
 * Tolerance for the dialects of real servers belongs in the client and its tests, not here.
 */
import { http, HttpResponse, delay } from 'msw';
import type { PathParams, RequestHandler } from 'msw';
import {
  CITY_NAME,
  JURISDICTION_ID,
  findCatalogueEntry,
  formatCityDateTime,
  seededRequests,
  services,
} from './catalogue';
import type { Open311Attribute, Open311ServiceRequest } from './catalogue';
import { createMemoryStore } from './store';
import type { AttributeAnswers, NewServiceRequest, RequestStore, StoredServiceRequest } from './store';

export interface Open311HandlerOptions {
  /** Where the endpoints live: a path on the page's origin (default '/open311/v2') or an absolute URL. */
  base?: string;
  /** Where submitted requests are kept; a fresh memory store by default. */
  store?: RequestStore;
  /** The server's clock; inject one to make status changes deterministic. */
  now?: () => Date;
  /** Latency added to every response, in milliseconds (default 0). */
  delayMs?: number;
  /** The jurisdiction_id this server answers to (default 'demo.city'). */
  jurisdiction?: string;
}

export const DEFAULT_BASE = '/open311/v2';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MAX_DESCRIPTION_LENGTH = 4000;
/** requests.json without dates covers the last 90 days and at most 1000 requests, as the spec suggests. */
const DEFAULT_SEARCH_WINDOW_MS = 90 * DAY;
const MAX_SEARCH_RESULTS = 1000;
const CATALOGUE_CHANGESET = '2024-03-01T09:00:00-05:00';

/**
 * How a submitted request moves along: each stage starts `afterMs` after submission. Derived at read time from
 * the clock, so nothing needs a timer and tests can jump forward by injecting `now`.
 */
export const STATUS_STAGES = [
  { afterMs: 0, status: 'open', notes: 'Received. Your report is in the queue and will be reviewed shortly.' },
  { afterMs: 2 * MINUTE, status: 'open', notes: 'A crew has been assigned and will visit the location soon.' },
  { afterMs: 10 * MINUTE, status: 'closed', notes: 'Fixed. The crew finished the work. Thank you for your report.' },
] as const;

/** Text fields of a POST that are stored as sent (trimmed; empty means absent). */
const TEXT_FIELDS = [
  'address_string',
  'address_id',
  'description',
  'email',
  'first_name',
  'last_name',
  'phone',
  'device_id',
  'account_id',
  'media_url',
] as const;

/** A failure with an Open311 error body; thrown from anywhere inside a route and answered by `endpoint`. */
class Open311Error extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (description: string) => new Open311Error(400, description);

const errorResponse = (status: number, description: string) =>
  HttpResponse.json([{ code: status, description }], { status });

interface Call {
  url: URL;
  params: PathParams;
  /** The query string for GET; for POST the form body, plus query parameters the body lacks. */
  input: URLSearchParams;
}

export function createOpen311Handlers(options: Open311HandlerOptions = {}): RequestHandler[] {
  const base = (options.base ?? DEFAULT_BASE).replace(/\/+$/, '');
  const store = options.store ?? createMemoryStore();
  const now = options.now ?? (() => new Date());
  const delayMs = options.delayMs ?? 0;
  const jurisdiction = options.jurisdiction ?? JURISDICTION_ID;

  /** The pieces every route shares: latency, reading the input, the jurisdiction check, and error bodies. */
  const endpoint =
    (route: (call: Call) => Response | Promise<Response>) =>
    async ({ request, params }: { request: Request; params: PathParams }): Promise<Response> => {
      if (delayMs > 0) await delay(delayMs);
      const url = new URL(request.url);
      const input = request.method === 'POST' ? await readForm(request, url) : url.searchParams;
      try {
        const jurisdictionId = field(input, 'jurisdiction_id');
        if (jurisdictionId !== undefined && jurisdictionId !== jurisdiction) {
          throw new Open311Error(404, 'jurisdiction_id not found');
        }
        return await route({ url, params, input });
      } catch (error) {
        if (error instanceof Open311Error) return errorResponse(error.status, error.message);
        throw error;
      }
    };

  /** Absolute URL of `base`, whether it was given as a path or a full URL. */
  const absoluteBase = (url: URL) => new URL(base, url).href;

  /** The seeded requests and the submitted ones, as GeoReport v2 documents at this moment. */
  const allRequests = (url: URL): Open311ServiceRequest[] => {
    const at = now();
    return [...seededRequests(at, `${absoluteBase(url)}/media`), ...store.list().map((r) => toOpen311(r, at))];
  };

  return [
    http.get(
      `${base}/discovery.json`,
      endpoint(({ url }) =>
        HttpResponse.json({
          changeset: CATALOGUE_CHANGESET,
          contact: `${CITY_NAME} 311: dial 311 or (555) 010-0311.`,
          key_service: 'This demonstration server needs no API key.',
          endpoints: [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url: absoluteBase(url),
              changeset: CATALOGUE_CHANGESET,
              type: 'test',
              formats: ['application/json'],
            },
          ],
        }),
      ),
    ),

    http.get(
      `${base}/services.json`,
      endpoint(() => HttpResponse.json(services)),
    ),

    // msw has already URL-decoded :code, so "Graffiti%20%2F%20Private" arrives as "Graffiti / Private".
    http.get(
      `${base}/services/:code.json`,
      endpoint(({ params }) => {
        const code = pathParam(params, 'code');
        const entry = findCatalogueEntry(code);
        if (!entry) throw new Open311Error(404, `There is no service with the code "${code}".`);
        if (!entry.definition) {
          throw new Open311Error(404, `The service "${code}" has no service definition (its metadata is false).`);
        }
        return HttpResponse.json(entry.definition);
      }),
    ),

    http.post(
      `${base}/requests.json`,
      endpoint(({ input }) => {
        const stored = store.add(parseNewRequest(input, now()));
        return HttpResponse.json([
          {
            service_request_id: stored.service_request_id,
            service_notice: findCatalogueEntry(stored.service_code)?.notice ?? null,
            account_id: null,
          },
        ]);
      }),
    ),

    // Every service here is "realtime", so POST already returns the id; tokens resolve at once anyway.
    http.get(
      `${base}/tokens/:token.json`,
      endpoint(({ params }) => {
        const stored = store.findByToken(pathParam(params, 'token'));
        if (!stored) throw new Open311Error(404, 'No service request with that token was found.');
        return HttpResponse.json([{ service_request_id: stored.service_request_id, token: stored.token }]);
      }),
    ),

    http.get(
      `${base}/requests.json`,
      endpoint(({ url, input }) => HttpResponse.json(searchRequests(allRequests(url), input, now()))),
    ),

    http.get(
      `${base}/requests/:id.json`,
      endpoint(({ url, params }) => {
        const id = pathParam(params, 'id');
        const found = allRequests(url).find((r) => r.service_request_id === id);
        if (!found) throw new Open311Error(404, 'No service request with that number was found.');
        return HttpResponse.json([found]);
      }),
    ),

    // Stand-in photos for the seeded requests' media_url, so the demo shows pictures without any server.
    http.get(
      `${base}/media/:id.svg`,
      endpoint(({ url, params }) => {
        const found = allRequests(url).find((r) => r.service_request_id === pathParam(params, 'id'));
        if (!found?.media_url) throw new Open311Error(404, 'No photo with that name was found.');
        return new HttpResponse(placeholderPhoto(found), { headers: { 'Content-Type': 'image/svg+xml' } });
      }),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Reading input

async function readForm(request: Request, url: URL): Promise<URLSearchParams> {
  let form: URLSearchParams;
  if ((request.headers.get('content-type') ?? '').includes('multipart/form-data')) {
    // Not what GeoReport v2 asks for, but FormData bodies are an easy mistake; take their text fields.
    form = new URLSearchParams();
    for (const [name, value] of await request.formData()) if (typeof value === 'string') form.append(name, value);
  } else {
    form = new URLSearchParams(await request.text());
  }
  // Some clients put api_key or jurisdiction_id in the query string of a POST.
  for (const [name, value] of url.searchParams) if (!form.has(name)) form.append(name, value);
  return form;
}

/** A single input value, trimmed; empty counts as absent, as the spec says for optional fields. */
function field(input: URLSearchParams, name: string): string | undefined {
  const value = input.get(name)?.trim();
  return value ? value : undefined;
}

/** A comma-separated list parameter, or undefined when absent. */
function listField(input: URLSearchParams, name: string): string[] | undefined {
  const items = field(input, name)
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

function pathParam(params: PathParams, name: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : (value?.join('/') ?? '');
}

// ---------------------------------------------------------------------------------------------------------------
// POST requests.json

/** Validates a POSTed form; throws a 400 naming the first field that is wrong. */
function parseNewRequest(input: URLSearchParams, submittedAt: Date): NewServiceRequest {
  const code = field(input, 'service_code');
  if (code === undefined) throw badRequest('service_code is required.');
  const entry = findCatalogueEntry(code);
  if (!entry) throw badRequest(`service_code "${code}" is not one of the services offered by ${CITY_NAME}.`);

  const request: NewServiceRequest = {
    service_code: code,
    attributes: {},
    submitted_at: submittedAt.toISOString(),
  };
  for (const name of TEXT_FIELDS) {
    const value = field(input, name);
    if (value !== undefined) request[name] = value;
  }

  const lat = field(input, 'lat');
  const long = field(input, 'long');
  if (lat !== undefined || long !== undefined) {
    if (lat === undefined || long === undefined) {
      throw badRequest(`${lat === undefined ? 'lat' : 'long'} is missing: lat and long must be sent together.`);
    }
    request.lat = coordinate('lat', lat, 90);
    request.long = coordinate('long', long, 180);
  } else if (request.address_string === undefined && request.address_id === undefined) {
    throw badRequest('A location is required: send lat and long, address_string, or address_id.');
  }

  if (request.description && request.description.length > MAX_DESCRIPTION_LENGTH) {
    throw badRequest(
      `description is ${request.description.length} characters long; the limit is ${MAX_DESCRIPTION_LENGTH}.`,
    );
  }
  // The schema types media_url as a URI; a bare file name would make our own responses invalid.
  if (request.media_url && !isWebUrl(request.media_url)) {
    throw badRequest('media_url must be a full web address starting with https:// or http://.');
  }
  if (request.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(request.email)) {
    throw badRequest('email must be a valid email address, such as name@example.com.');
  }

  request.attributes = parseAttributes(input, entry.definition?.attributes ?? []);
  return request;
}

function coordinate(name: 'lat' | 'long', raw: string, limit: number): number {
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw badRequest(`${name} must be a number in decimal degrees, such as ${name === 'lat' ? '41.5' : '-90.5'}.`);
  }
  if (Math.abs(value) > limit) throw badRequest(`${name} must be between -${limit} and ${limit}.`);
  return value;
}

function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Reads `attribute[CODE]=v` and `attribute[CODE][]=v` (repeated for a multivaluelist) and checks them against
 * the service definition. Answers to unknown codes or to informational attributes are ignored, as most servers do.
 */
function parseAttributes(input: URLSearchParams, attributes: readonly Open311Attribute[]): AttributeAnswers {
  const sent = new Map<string, string[]>();
  for (const [name, raw] of input) {
    const code = /^attribute\[([^\]]+)\](?:\[\])?$/.exec(name)?.[1];
    const value = raw.trim();
    if (code !== undefined && value) sent.set(code, [...(sent.get(code) ?? []), value]);
  }

  const answers: AttributeAnswers = {};
  for (const attribute of attributes) {
    if (!attribute.variable) continue;
    const label = `attribute[${attribute.code}] ("${attribute.description}")`;
    const values = [...new Set(sent.get(attribute.code))];
    if (values.length === 0) {
      if (attribute.required) throw badRequest(`${label} is required.`);
      continue;
    }
    answers[attribute.code] = checkAnswer(attribute, values, label);
  }
  return answers;
}

function checkAnswer(attribute: Open311Attribute, values: string[], label: string): string | string[] {
  const keys = attribute.values?.map((v) => v.key) ?? [];
  const notAChoice = (value: string) =>
    badRequest(`${label} cannot be "${value}"; the choices are: ${keys.join(', ')}.`);

  if (attribute.datatype === 'multivaluelist') {
    const wrong = values.find((v) => !keys.includes(v));
    if (wrong !== undefined) throw notAChoice(wrong);
    return values;
  }
  const [value] = values;
  if (value === undefined || values.length > 1) {
    throw badRequest(`${label} takes a single value, but ${values.length} were sent.`);
  }
  if (attribute.datatype === 'number' && !Number.isFinite(Number(value))) {
    throw badRequest(`${label} must be a number.`);
  }
  if (attribute.datatype === 'datetime' && Number.isNaN(Date.parse(value))) {
    throw badRequest(`${label} must be a date and time, such as 2024-06-01T14:30:00-05:00.`);
  }
  if (attribute.datatype === 'singlevaluelist' && !keys.includes(value)) throw notAChoice(value);
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading requests

/** A stored submission as the GeoReport v2 document it is at `now`. */
function toOpen311(stored: StoredServiceRequest, now: Date): Open311ServiceRequest {
  const entry = findCatalogueEntry(stored.service_code);
  const submitted = new Date(stored.submitted_at);
  const age = now.getTime() - submitted.getTime();
  const stage = STATUS_STAGES.findLast((s) => age >= s.afterMs) ?? STATUS_STAGES[0];
  const later = (ms: number) => formatCityDateTime(new Date(submitted.getTime() + ms));
  return {
    service_request_id: stored.service_request_id,
    status: stage.status,
    status_notes: stage.notes,
    service_name: entry?.service.service_name ?? null,
    service_code: stored.service_code,
    description: stored.description ?? null,
    agency_responsible: entry?.agency ?? null,
    service_notice: entry?.notice ?? null,
    requested_datetime: later(0),
    updated_datetime: stage.afterMs > 0 ? later(stage.afterMs) : null,
    expected_datetime: entry ? later(entry.expectedDays * DAY) : null,
    address: stored.address_string ?? null,
    address_id: stored.address_id ?? null,
    zipcode: null,
    lat: stored.lat ?? null,
    long: stored.long ?? null,
    media_url: stored.media_url ?? null,
  };
}

/** GET requests.json: filters as in the spec, newest first. */
function searchRequests(all: Open311ServiceRequest[], input: URLSearchParams, now: Date): Open311ServiceRequest[] {
  const time = (r: Open311ServiceRequest) => Date.parse(r.requested_datetime);
  const newestFirst = (a: Open311ServiceRequest, b: Open311ServiceRequest) =>
    time(b) - time(a) || Number(b.service_request_id) - Number(a.service_request_id);

  // A list of ids overrides every other filter.
  const ids = listField(input, 'service_request_id');
  if (ids) return all.filter((r) => ids.includes(r.service_request_id)).sort(newestFirst);

  const codes = listField(input, 'service_code');
  const statuses = listField(input, 'status')?.map((s) => s.toLowerCase());
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) {
    throw badRequest('status must be open, closed, or both separated by a comma.');
  }
  const end = dateField(input, 'end_date');
  const start = dateField(input, 'start_date') ?? (end ?? now.getTime()) - DEFAULT_SEARCH_WINDOW_MS;

  return all
    .filter(
      (r) =>
        (!codes || codes.includes(r.service_code)) &&
        (!statuses || statuses.includes(r.status)) &&
        time(r) >= start &&
        (end === undefined || time(r) <= end),
    )
    .sort(newestFirst)
    .slice(0, MAX_SEARCH_RESULTS);
}

/** A date filter as epoch milliseconds. */
function dateField(input: URLSearchParams, name: 'start_date' | 'end_date'): number | undefined {
  const raw = field(input, name);
  if (raw === undefined) return undefined;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) {
    throw badRequest(`${name} must be a date and time in ISO 8601 format, such as 2024-06-01T00:00:00-05:00.`);
  }
  return time;
}

// ---------------------------------------------------------------------------------------------------------------
// Media

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A simple picture card standing in for a resident's photo. */
function placeholderPhoto(request: Open311ServiceRequest): string {
  const title = escapeXml(request.service_name ?? request.service_code);
  const caption = escapeXml(`Photo sent with request #${request.service_request_id}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc4e4"/><stop offset="1" stop-color="#e9f2f9"/></linearGradient></defs>
<rect width="640" height="480" fill="url(#sky)"/>
<rect y="300" width="640" height="180" fill="#6b6f73"/>
<rect y="384" width="640" height="8" fill="#f2c94c"/>
<text x="320" y="170" font-family="system-ui, sans-serif" font-size="36" text-anchor="middle" fill="#1d2a36">${title}</text>
<text x="320" y="215" font-family="system-ui, sans-serif" font-size="20" text-anchor="middle" fill="#1d2a36">${caption}</text>
</svg>`;
}
