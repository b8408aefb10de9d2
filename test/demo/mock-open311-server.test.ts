/**
 * The in-browser Open311 GeoReport v2 mock server: every response must validate against the official schemas,
 * and POST must validate its input the way the specification describes.
 */
import { expect } from '@open-wc/testing';
import { Validator } from '@cfworker/json-schema';
import type { Schema } from '@cfworker/json-schema';
import { http } from 'msw';
import { useMockBackend } from '../helpers/mock-backend';
import type { MockBackend } from '../helpers/mock-backend';
import {
  CITY_CENTRE,
  STATUS_STAGES,
  createLocalStorageStore,
  createMemoryStore,
  createOpen311Handlers,
  serviceDefinitions,
  services as catalogueServices,
} from '../../demo/backend/index';
import type {
  NewServiceRequest,
  Open311Service,
  Open311ServiceDefinition,
  Open311ServiceRequest,
} from '../../demo/backend/index';

// ---------------------------------------------------------------------------------------------------------------
// The official schemas

const SCHEMA_NAMES = [
  'service.json',
  'services.json',
  'service-definition.json',
  'request.json',
  'requests.json',
] as const;
type SchemaName = (typeof SCHEMA_NAMES)[number];

/**
 * The schemas have no $id and refer to each other by bare file name ("$ref": "request.json"). A relative $ref
 * resolves against the referring schema's base URI, which by default is the test page's URL; giving every schema
 * an absolute $id under one made-up directory makes "request.json" resolve to that directory on any page.
 */
const SCHEMA_DIR = 'https://schemas.open311.example/georeport-v2/';
/** No $schema keyword in the files; they are written for draft 4 (where $ref replaces its siblings). */
const SCHEMA_DRAFT = '4';

let schemaFiles: Record<SchemaName, Schema>;
const validators = new Map<SchemaName, Validator>();

async function loadSchemas(): Promise<void> {
  const entries = await Promise.all(
    SCHEMA_NAMES.map(async (name) => {
      const response = await fetch(`/test/fixtures/open311-schemas/${name}`);
      return [name, (await response.json()) as Schema] as const;
    }),
  );
  schemaFiles = Object.fromEntries(entries) as Record<SchemaName, Schema>;
}

function validator(name: SchemaName): Validator {
  let v = validators.get(name);
  if (!v) {
    v = new Validator({ ...schemaFiles[name], $id: SCHEMA_DIR + name }, SCHEMA_DRAFT, false);
    for (const other of SCHEMA_NAMES) if (other !== name) v.addSchema(schemaFiles[other], SCHEMA_DIR + other);
    validators.set(name, v);
  }
  return v;
}

function expectValid(name: SchemaName, document: unknown): void {
  const result = validator(name).validate(document);
  const problems = result.errors.map((e) => `${e.instanceLocation}: ${e.error}`).join('\n');
  expect(result.valid, `${name}:\n${problems}`).to.equal(true);
}

function expectInvalid(name: SchemaName, document: unknown): void {
  expect(validator(name).validate(document).valid, `${name} should reject ${JSON.stringify(document)}`).to.equal(false);
}

// ---------------------------------------------------------------------------------------------------------------
// Calling the server

const T0 = new Date('2024-06-03T15:00:00Z');
let clock: Date;
let backend: MockBackend;

interface Reply {
  status: number;
  body: unknown;
}

async function call(path: string, init?: RequestInit): Promise<Reply> {
  const response = await fetch(path.startsWith('http') ? path : backend.base + path, init);
  return { status: response.status, body: await response.json() };
}

const get = (path: string) => call(path);

type Form = Record<string, string | string[]>;

function formBody(form: Form): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body;
}

const post = (form: Form, query = '') => call(`/requests.json${query}`, { method: 'POST', body: formBody(form) });

async function getRequest(id: string): Promise<Open311ServiceRequest> {
  const { status, body } = await get(`/requests/${id}.json`);
  expect(status).to.equal(200);
  expectValid('requests.json', body);
  const list = body as Open311ServiceRequest[];
  expect(list).to.have.length(1);
  return list[0]!;
}

const pothole: Form = {
  service_code: 'POTHOLE',
  lat: '41.50123',
  long: '-90.49876',
  description: 'Deep pothole next to the storm drain.',
  'attribute[SIZE]': 'medium',
};

function expectError(reply: Reply, status: number, mentions: string): void {
  expect(reply.status, JSON.stringify(reply.body)).to.equal(status);
  const body = reply.body as Array<{ code: unknown; description: unknown }>;
  expect(body).to.be.an('array').with.length(1);
  expect(body[0]!.code).to.equal(status);
  expect(body[0]!.description).to.be.a('string').that.includes(mentions);
}

// ---------------------------------------------------------------------------------------------------------------

describe('mock Open311 backend', () => {
  before(loadSchemas);

  beforeEach(async () => {
    clock = T0;
    backend = await useMockBackend({ now: () => clock });
  });

  describe('the schemas', () => {
    it('resolve their references and reject documents that break the spec', async () => {
      const { body } = await get('/requests/101.json');
      const good = (body as Open311ServiceRequest[])[0]!;
      expectValid('request.json', good);
      expectValid('requests.json', [good]);
      expectInvalid('requests.json', [{ ...good, status: 'in_progress' }]);
      expectInvalid('requests.json', [{ ...good, lat: '41.5' }]);
      expectInvalid('requests.json', [{ ...good, service_request_id: 101 }]);
      expectInvalid('requests.json', [{ ...good, requested_datetime: 'yesterday' }]);
      expectInvalid('requests.json', [{ ...good, media_url: 'photo.jpg' }]);
      expectInvalid('services.json', [{ ...catalogueServices[0], metadata: 'true' }]);
      const definition = serviceDefinitions.POTHOLE!;
      expectInvalid('service-definition.json', {
        ...definition,
        attributes: [{ ...definition.attributes[0], order: 1.5 }],
      });
    });
  });

  describe('GET discovery.json and services', () => {
    it('describes the endpoint with an absolute URL', async () => {
      const { status, body } = await get('/discovery.json');
      expect(status).to.equal(200);
      const discovery = body as { endpoints: Array<{ url: string; formats: string[]; specification: string }> };
      expect(discovery.endpoints[0]!.url).to.equal(`${location.origin}/open311/v2`);
      expect(discovery.endpoints[0]!.formats).to.include('application/json');
      expect(discovery.endpoints[0]!.specification).to.equal('http://wiki.open311.org/GeoReport_v2');
    });

    it('lists about 25 realtime services in 5 groups', async () => {
      const { status, body } = await get('/services.json');
      expect(status).to.equal(200);
      expectValid('services.json', body);
      const list = body as Open311Service[];
      expect(list).to.have.length(25);
      expect(new Set(list.map((s) => s.service_code)).size).to.equal(25);
      expect(new Set(list.map((s) => s.group))).to.have.property('size', 5);
      expect(list.every((s) => s.type === 'realtime')).to.equal(true);
      expect(list.map((s) => s.service_code)).to.include.members(['POTHOLE', 'STREETLIGHT', 'Graffiti / Private']);
    });

    it('serves a valid definition for every metadata:true service, and only for those', async () => {
      const withMetadata = catalogueServices.filter((s) => s.metadata);
      expect(withMetadata.length).to.be.at.least(6);
      expect(Object.keys(serviceDefinitions)).to.have.members(withMetadata.map((s) => s.service_code));
      for (const service of withMetadata) {
        const { status, body } = await get(`/services/${encodeURIComponent(service.service_code)}.json`);
        expect(status, service.service_code).to.equal(200);
        expectValid('service-definition.json', body);
        const definition = body as Open311ServiceDefinition;
        expect(definition.service_code).to.equal(service.service_code);
        const orders = definition.attributes.map((a) => a.order);
        expect(new Set(orders).size, `${service.service_code} orders unique`).to.equal(orders.length);
        expect(orders.every((o) => Number.isInteger(o) && o > 0)).to.equal(true);
        for (const attribute of definition.attributes) {
          const isList = attribute.datatype.endsWith('valuelist');
          expect(Boolean(attribute.values?.length), `${attribute.code} values`).to.equal(isList);
        }
      }
    });

    it('covers every datatype, required and optional questions, and an informational attribute', () => {
      const attributes = Object.values(serviceDefinitions).flatMap((d) => d.attributes);
      expect(new Set(attributes.map((a) => a.datatype))).to.have.all.keys(
        'string',
        'number',
        'datetime',
        'text',
        'singlevaluelist',
        'multivaluelist',
      );
      expect(attributes.some((a) => !a.variable)).to.equal(true);
      expect(attributes.some((a) => a.variable && a.required)).to.equal(true);
      expect(attributes.some((a) => a.variable && !a.required)).to.equal(true);
      expect(attributes.some((a) => a.datatype_description)).to.equal(true);

      const find = (service: string, code: string) =>
        serviceDefinitions[service]!.attributes.find((a) => a.code === code);
      expect(find('POTHOLE', 'SIZE')).to.include({ datatype: 'singlevaluelist', required: true });
      expect(find('POTHOLE', 'HAZARDS')).to.include({ datatype: 'multivaluelist', required: false });
      expect(find('POTHOLE', 'HAZARDS')!.values!.map((v) => v.name)).to.include.members([
        'In a bike lane',
        'Near a school',
      ]);
      expect(find('STREETLIGHT', 'POLE_NUMBER')).to.include({ datatype: 'string', required: true });
    });

    it('decodes a service code with a space and a slash in the path', async () => {
      const { status, body } = await get('/services/Graffiti%20%2F%20Private.json');
      expect(status).to.equal(200);
      expect((body as Open311ServiceDefinition).service_code).to.equal('Graffiti / Private');
    });

    it('answers 404 for an unknown service and for one without metadata', async () => {
      expectError(await get('/services/NOPE.json'), 404, 'NOPE');
      expectError(await get('/services/CURB_RAMP.json'), 404, 'CURB_RAMP');
    });
  });

  describe('POST requests.json', () => {
    it('files a request and returns its new id and a service notice', async () => {
      const reply = await post(pothole);
      expect(reply.status).to.equal(200);
      expect(reply.body).to.deep.equal([
        {
          service_request_id: '1001',
          service_notice: 'Pothole reports are usually inspected within 3 business days.',
          account_id: null,
        },
      ]);
      expect(((await post(pothole)).body as Array<{ service_request_id: string }>)[0]!.service_request_id).to.equal(
        '1002',
      );

      const filed = await getRequest('1001');
      expect(filed).to.include({
        service_request_id: '1001',
        service_code: 'POTHOLE',
        service_name: 'Pothole',
        status: 'open',
        description: 'Deep pothole next to the storm drain.',
        lat: 41.50123,
        long: -90.49876,
        address: null,
        media_url: null,
      });
      expect(Date.parse(filed.requested_datetime)).to.equal(T0.getTime());
      expect(Date.parse(filed.expected_datetime!)).to.equal(T0.getTime() + 3 * 24 * 3_600_000);
    });

    it('keeps what was posted, including contact fields and the photo URL', async () => {
      await post({
        service_code: 'STREETLIGHT',
        address_string: '310 Founders Way',
        email: 'pat@example.com',
        first_name: 'Pat',
        last_name: 'Lee',
        phone: '555-010-4477',
        device_id: 'device-1',
        account_id: 'acct-9',
        media_url: 'https://photos.example/lamp.jpg',
        'attribute[POLE_NUMBER]': 'DC-04127',
        'attribute[PROBLEM]': 'flicker',
      });
      expect(backend.store.get('1001')).to.deep.include({
        service_code: 'STREETLIGHT',
        address_string: '310 Founders Way',
        email: 'pat@example.com',
        first_name: 'Pat',
        last_name: 'Lee',
        phone: '555-010-4477',
        device_id: 'device-1',
        account_id: 'acct-9',
        media_url: 'https://photos.example/lamp.jpg',
        attributes: { POLE_NUMBER: 'DC-04127', PROBLEM: 'flicker' },
        submitted_at: T0.toISOString(),
      } satisfies Partial<NewServiceRequest>);
      const filed = await getRequest('1001');
      expect(filed).to.include({
        address: '310 Founders Way',
        lat: null,
        media_url: 'https://photos.example/lamp.jpg',
      });
    });

    it('accepts address_id alone as the location', async () => {
      expect((await post({ service_code: 'CURB_RAMP', address_id: 'DC-ADDR-0046-WBC' })).status).to.equal(200);
      expect((await getRequest('1001')).address_id).to.equal('DC-ADDR-0046-WBC');
    });

    it('records the exact request body for tests to inspect', async () => {
      await post(pothole);
      const sent = backend.requests.find((r) => r.method === 'POST' && r.url.endsWith('/open311/v2/requests.json'));
      expect(sent, 'recorded POST').to.not.equal(undefined);
      expect(sent!.headers.get('content-type')).to.include('application/x-www-form-urlencoded');
      expect(await sent!.text()).to.equal(formBody(pothole).toString());
    });

    it('reads repeated attribute[CODE][] values as one multi-value answer', async () => {
      await post({ ...pothole, 'attribute[HAZARDS][]': ['bike_lane', 'school'] });
      expect(backend.store.get('1001')!.attributes).to.deep.equal({ SIZE: 'medium', HAZARDS: ['bike_lane', 'school'] });

      await post({ ...pothole, 'attribute[HAZARDS]': 'crosswalk' });
      expect(backend.store.get('1002')!.attributes.HAZARDS).to.deep.equal(['crosswalk']);

      await post({
        service_code: 'MISSED_TRASH',
        address_string: '87 Larkspur Ln',
        'attribute[MISSED][]': ['trash', 'recycling', 'yard'],
        'attribute[AT_CURB]': 'yes',
      });
      expect(backend.store.get('1003')!.attributes.MISSED).to.deep.equal(['trash', 'recycling', 'yard']);
    });

    it('accepts a service code with a space and a slash', async () => {
      const reply = await post({
        service_code: 'Graffiti / Private',
        address_string: '2255 Harbor View Dr',
        'attribute[SURFACE]': 'fence',
        'attribute[OFFENSIVE]': 'no',
        'attribute[AREA_SQFT]': '12.5',
      });
      expect(reply.status).to.equal(200);
      expect((await getRequest('1001')).service_code).to.equal('Graffiti / Private');
    });

    const { 'attribute[SIZE]': _size, ...potholeWithoutSize } = pothole;
    const { lat: _lat, long: _long, ...potholeWithoutLocation } = pothole;
    const failures: Array<{ why: string; form: Form; mentions: string }> = [
      { why: 'service_code is missing', form: { ...pothole, service_code: '' }, mentions: 'service_code' },
      { why: 'service_code is unknown', form: { ...pothole, service_code: 'UFO' }, mentions: 'service_code "UFO"' },
      { why: 'no location is given', form: potholeWithoutLocation, mentions: 'location' },
      { why: 'lat is not a number', form: { ...pothole, lat: 'north' }, mentions: 'lat must be a number' },
      { why: 'long is not a number', form: { ...pothole, long: '90W' }, mentions: 'long must be a number' },
      { why: 'long is missing', form: { ...potholeWithoutLocation, lat: '41.5' }, mentions: 'long is missing' },
      { why: 'lat is out of range', form: { ...pothole, lat: '141.5' }, mentions: 'lat must be between' },
      {
        why: 'the description is too long',
        form: { ...pothole, description: 'x'.repeat(4001) },
        mentions: 'description is 4001 characters long',
      },
      { why: 'a required answer is missing', form: potholeWithoutSize, mentions: 'attribute[SIZE]' },
      {
        why: 'a list answer is not a choice',
        form: { ...pothole, 'attribute[SIZE]': 'huge' },
        mentions: 'attribute[SIZE] ("About how big is the pothole?") cannot be "huge"',
      },
      {
        why: 'a single-value answer is sent twice',
        form: { ...pothole, 'attribute[SIZE]': ['small', 'large'] },
        mentions: 'attribute[SIZE]',
      },
      {
        why: 'a multi-value answer is not a choice',
        form: { ...pothole, 'attribute[HAZARDS][]': ['school', 'moon'] },
        mentions: 'attribute[HAZARDS]',
      },
      {
        why: 'a number answer is not a number',
        form: {
          service_code: 'sidewalk-repair',
          address_string: '46 Willowbend Ct',
          'attribute[DAMAGE]': 'raised',
          'attribute[LENGTH_FT]': 'twelve',
        },
        mentions: 'attribute[LENGTH_FT]',
      },
      {
        why: 'a datetime answer is not a date',
        form: {
          service_code: 'NOISE',
          address_string: '800 Quarry St',
          'attribute[SOURCE]': 'music',
          'attribute[STARTED]': 'last night',
        },
        mentions: 'attribute[STARTED]',
      },
      {
        why: 'the required pole number is missing',
        form: { service_code: 'STREETLIGHT', address_string: '310 Founders Way', 'attribute[POLE_NUMBER]': ' ' },
        mentions: 'attribute[POLE_NUMBER]',
      },
      { why: 'media_url is not a URL', form: { ...pothole, media_url: 'IMG_0042.jpg' }, mentions: 'media_url' },
      { why: 'email is not an address', form: { ...pothole, email: 'pat at example' }, mentions: 'email' },
    ];
    for (const { why, form, mentions } of failures) {
      it(`answers 400 when ${why}`, async () => {
        expectError(await post(form), 400, mentions);
        expect(backend.store.list()).to.have.length(0);
      });
    }

    it('checks jurisdiction_id when one is sent, in the body or the query string', async () => {
      expect((await post({ ...pothole, jurisdiction_id: 'demo.city' })).status).to.equal(200);
      const notFound = [{ code: 404, description: 'jurisdiction_id not found' }];
      expect(await post({ ...pothole, jurisdiction_id: 'other.city' })).to.deep.equal({ status: 404, body: notFound });
      expect(await post(pothole, '?jurisdiction_id=other.city')).to.deep.equal({ status: 404, body: notFound });
      expect(await get('/services.json?jurisdiction_id=other.city')).to.deep.equal({ status: 404, body: notFound });
      expect((await get('/services.json?jurisdiction_id=demo.city')).status).to.equal(200);
      expect(backend.store.list()).to.have.length(1);
    });
  });

  describe('GET requests', () => {
    it('returns each seeded request as a valid array of one, with its photo', async () => {
      for (let id = 101; id <= 110; id++) await getRequest(String(id));
      const withPhoto = await getRequest('104');
      expect(withPhoto.status).to.equal('open');
      expect(Date.parse(withPhoto.expected_datetime!)).to.be.below(clock.getTime());
      const photo = await fetch(withPhoto.media_url!);
      expect(photo.headers.get('content-type')).to.equal('image/svg+xml');
      expect(await photo.text()).to.include('Graffiti on Private Property');
    });

    it('answers 404 for an unknown request id', async () => {
      expect(await get('/requests/999999.json')).to.deep.equal({
        status: 404,
        body: [{ code: 404, description: 'No service request with that number was found.' }],
      });
    });

    it('lists requests newest first, near the city centre', async () => {
      await post(pothole);
      const { status, body } = await get('/requests.json');
      expect(status).to.equal(200);
      expectValid('requests.json', body);
      const list = body as Open311ServiceRequest[];
      expect(list.map((r) => r.service_request_id)).to.include.members(['101', '106', '109', '1001']);
      const times = list.map((r) => Date.parse(r.requested_datetime));
      expect(times).to.deep.equal([...times].sort((a, b) => b - a));
      expect(list[0]!.service_request_id).to.equal('1001');
      expect(new Set(list.map((r) => r.status))).to.have.all.keys('open', 'closed');
      for (const r of list.filter((r) => r.lat !== null)) {
        expect(Math.abs(r.lat! - CITY_CENTRE.lat)).to.be.below(0.05);
        expect(Math.abs(r.long! - CITY_CENTRE.long)).to.be.below(0.05);
      }
    });

    it('filters by service_request_id (overriding the rest), service_code, status and dates', async () => {
      const ids = async (query: string) => {
        const { status, body } = await get(`/requests.json?${query}`);
        expect(status, query).to.equal(200);
        expectValid('requests.json', body);
        return (body as Open311ServiceRequest[]).map((r) => r.service_request_id);
      };
      expect(await ids('service_request_id=105,101,999&status=closed')).to.deep.equal(['101', '105']);
      expect(await ids('service_code=POTHOLE')).to.deep.equal(['101']);
      expect(await ids('service_code=Graffiti%20%2F%20Private')).to.deep.equal(['104']);

      const closed = (await get('/requests.json?status=closed')).body as Open311ServiceRequest[];
      expect(closed.length).to.be.greaterThan(0);
      expect(closed.every((r) => r.status === 'closed')).to.equal(true);
      expect((await ids('status=open,closed')).length).to.equal((await ids('')).length);

      const day = 24 * 3_600_000;
      const iso = (ms: number) => new Date(clock.getTime() + ms).toISOString();
      // 103 was filed 3 days ago, 102 6 days ago, 109 4 days ago.
      expect(await ids(`start_date=${iso(-5 * day)}&end_date=${iso(-2 * day)}`)).to.deep.equal(['103', '109']);
      // Without dates, the last 90 days; 110 (45 days old) is in, and an explicit old window finds nothing.
      expect(await ids('')).to.include('110');
      expect(await ids(`end_date=${iso(-100 * day)}`)).to.deep.equal([]);

      expectError(await get('/requests.json?status=pending'), 400, 'status');
      expectError(await get('/requests.json?start_date=last%20week'), 400, 'start_date');
    });

    it('moves a submitted request along with the clock', async () => {
      await post(pothole);
      const minute = 60_000;
      const at = async (minutes: number) => {
        clock = new Date(T0.getTime() + minutes * minute);
        return getRequest('1001');
      };

      const received = await at(1);
      expect(received.status).to.equal('open');
      expect(received.status_notes).to.match(/^Received\./);
      expect(received.updated_datetime).to.equal(null);

      const assigned = await at(5);
      expect(assigned.status).to.equal('open');
      expect(assigned.status_notes).to.match(/crew has been assigned/);
      expect(Date.parse(assigned.updated_datetime!)).to.equal(T0.getTime() + STATUS_STAGES[1].afterMs);

      const fixed = await at(11);
      expect(fixed.status).to.equal('closed');
      expect(fixed.status_notes).to.match(/^Fixed\./);
      expect(Date.parse(fixed.updated_datetime!)).to.equal(T0.getTime() + STATUS_STAGES[2].afterMs);
      expect(Date.parse(fixed.requested_datetime)).to.equal(T0.getTime());

      const { body } = await get('/requests.json?status=closed&service_code=POTHOLE');
      expect((body as Open311ServiceRequest[]).map((r) => r.service_request_id)).to.include('1001');
    });

    it('resolves a token to its request id', async () => {
      await post(pothole);
      const { token } = backend.store.get('1001')!;
      expect(await get(`/tokens/${encodeURIComponent(token)}.json`)).to.deep.equal({
        status: 200,
        body: [{ service_request_id: '1001', token }],
      });
      expectError(await get('/tokens/nope.json'), 404, 'token');
    });
  });

  describe('options', () => {
    it('serves an absolute base URL on another origin', async () => {
      const base = 'https://open311.demo-city.example/georeport/v2';
      backend.worker.use(...createOpen311Handlers({ base, now: () => clock }));
      const { status, body } = await get(`${base}/services.json`);
      expect(status).to.equal(200);
      expectValid('services.json', body);
      const { body: requests } = await get(`${base}/requests/104.json`);
      expect((requests as Open311ServiceRequest[])[0]!.media_url).to.equal(`${base}/media/104.svg`);
    });

    it('adds the requested latency and honours a custom jurisdiction', async () => {
      backend.worker.use(...createOpen311Handlers({ base: '/slow/v2', delayMs: 150, jurisdiction: 'slow.town' }));
      const slow = `${location.origin}/slow/v2/services.json`;
      const started = performance.now();
      expect((await get(`${slow}?jurisdiction_id=slow.town`)).status).to.equal(200);
      expect(performance.now() - started).to.be.at.least(140);
      expect((await get(`${slow}?jurisdiction_id=demo.city`)).status).to.equal(404);
    });

    it('lets tests override an endpoint with worker.use()', async () => {
      backend.worker.use(
        http.post(`${backend.base}/requests.json`, () => new Response('Service Unavailable', { status: 503 })),
      );
      const response = await fetch(`${backend.base}/requests.json`, { method: 'POST', body: formBody(pothole) });
      expect(response.status).to.equal(503);
      // The next useMockBackend() call starts clean again.
      backend = await useMockBackend();
      expect((await post(pothole)).status).to.equal(200);
    });
  });
});

describe('request stores', () => {
  const KEY = 'citizen-portal-test:requests';
  const draft = (code = 'POTHOLE'): NewServiceRequest => ({
    service_code: code,
    lat: 41.5,
    long: -90.5,
    attributes: { SIZE: 'small', HAZARDS: ['school'] },
    submitted_at: T0.toISOString(),
  });

  afterEach(() => localStorage.removeItem(KEY));

  it('the memory store numbers requests from 1001 and can be cleared', () => {
    const store = createMemoryStore();
    expect(store.add(draft()).service_request_id).to.equal('1001');
    expect(store.add(draft('NOISE')).service_request_id).to.equal('1002');
    expect(store.list().map((r) => r.service_code)).to.deep.equal(['POTHOLE', 'NOISE']);
    store.clear();
    expect(store.list()).to.deep.equal([]);
    expect(createMemoryStore().list(), 'stores are independent').to.deep.equal([]);
  });

  it('the localStorage store survives a new instance, as after a page reload', () => {
    const first = createLocalStorageStore(KEY);
    const saved = first.add(draft());
    const second = createLocalStorageStore(KEY);
    expect(second.get('1001')).to.deep.equal(saved);
    expect(second.findByToken(saved.token)).to.deep.equal(saved);
    expect(second.add(draft('NOISE')).service_request_id).to.equal('1002');
    expect(first.list()).to.have.length(2);
  });

  it('the localStorage store starts empty from a missing or corrupt value, without throwing', () => {
    expect(createLocalStorageStore(KEY).list()).to.deep.equal([]);
    for (const corrupt of ['{not json', '"a string"', '{"service_request_id":"1001"}', 'null']) {
      localStorage.setItem(KEY, corrupt);
      const store = createLocalStorageStore(KEY);
      expect(store.list(), corrupt).to.deep.equal([]);
      expect(store.add(draft()).service_request_id).to.equal('1001');
    }
    localStorage.setItem(KEY, JSON.stringify([{ service_request_id: 7 }, 'junk', null]));
    expect(createLocalStorageStore(KEY).list()).to.deep.equal([]);
  });

  it('requests filed through the server are still found by a new server and store', async () => {
    await useMockBackend({ store: createLocalStorageStore(KEY), now: () => T0 });
    const filed = await fetch('/open311/v2/requests.json', { method: 'POST', body: formBody(pothole) });
    expect(filed.status).to.equal(200);

    await useMockBackend({ store: createLocalStorageStore(KEY), now: () => T0 });
    const response = await fetch('/open311/v2/requests/1001.json');
    expect(response.status).to.equal(200);
    expect(((await response.json()) as Open311ServiceRequest[])[0]!.service_code).to.equal('POTHOLE');
  });
});
