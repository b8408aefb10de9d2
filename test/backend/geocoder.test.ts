/**
 * The geocoder client (Nominatim and Photon dialects, kind detection, every failure a BackendError) and the demo
 * town's fake Nominatim. Issue #5.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { createGeocoder, type Place } from '../../src/backend/geocoder';
import { seededRequests } from '../../demo/backend/catalogue';
import { DEMO_STREETS, createGeocoderHandlers } from '../../demo/backend/geocoder';
import { useMockBackend } from '../helpers/mock-backend';
import { failure } from '../helpers/failure';

/** Serves `answer` at `path` and keeps the URLs asked for. */
async function serve(path: string, answer: (url: URL) => Response | Promise<Response>) {
  const { worker } = await useMockBackend();
  const urls: URL[] = [];
  const requests: Request[] = [];
  worker.use(
    http.get(path, ({ request }) => {
      urls.push(new URL(request.url));
      requests.push(request);
      return answer(new URL(request.url));
    }),
  );
  return { urls, requests };
}

const query = (url: URL | undefined) => Object.fromEntries(url!.searchParams);

/** Metres between two points (good enough across a town). */
const metresBetween = (a: { lat: number; long: number }, b: { lat: number; long: number }) =>
  Math.hypot((a.lat - b.lat) * 111_320, (a.long - b.long) * 111_320 * Math.cos((a.lat * Math.PI) / 180));

/** Metres from a [long, lat] point to a line of them. */
function metresToLine(p: ReadonlyArray<number>, line: ReadonlyArray<ReadonlyArray<number>>): number {
  const k = Math.cos((41.5 * Math.PI) / 180);
  const xy = (q: ReadonlyArray<number>) => [q[0]! * 111_320 * k, q[1]! * 111_320] as const;
  const [px, py] = xy(p);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = xy(line[i - 1]!);
    const [bx, by] = xy(line[i]!);
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
  }
  return best;
}

describe('Geocoder: Nominatim', () => {
  it('searches with jsonv2 and reads display_name and string coordinates', async () => {
    const { urls, requests } = await serve('/nominatim/search', () =>
      HttpResponse.json([
        { place_id: 1, display_name: '120, Main Street, Springfield, 62701', lat: '41.5', lon: '-90.5' },
        { place_id: 2, display_name: 'Main Street, Springfield', lat: 41.51, lon: -90.49 },
        { place_id: 3, display_name: 'Main Street, Springfield', lat: '41.52', lon: '-90.48' }, // same label
        { place_id: 4, display_name: 'No coordinates' },
        { place_id: 5, display_name: 'Off the planet', lat: '91', lon: '0' },
      ]),
    );
    const places = await createGeocoder('/nominatim').search('  120 main  ');
    expect(places).to.deep.equal([
      { label: '120, Main Street, Springfield, 62701', lat: 41.5, long: -90.5 },
      { label: 'Main Street, Springfield', lat: 41.51, long: -90.49 },
    ]);
    expect(query(urls[0])).to.deep.equal({ q: '120 main', format: 'jsonv2', limit: '5', addressdetails: '0' });
    // CORS-safelisted only: no preflight, which many geocoders never answer.
    expect(requests[0]!.headers.get('accept')).to.equal('application/json');
    expect(requests[0]!.headers.get('content-type')).to.equal(null);
  });

  it('biases to the bounds with viewbox (west,north,east,south), not bounded; sends the language and limit', async () => {
    const { urls } = await serve('/nominatim/search', () => HttpResponse.json([]));
    const places = await createGeocoder('/nominatim/').search('oak', {
      bounds: [-90.5252, 41.476, -90.4766, 41.5228],
      lang: 'es-MX',
      limit: 3,
    });
    expect(places).to.deep.equal([]);
    expect(query(urls[0])).to.deep.include({
      viewbox: '-90.5252,41.5228,-90.4766,41.476',
      bounded: '0',
      'accept-language': 'es-MX',
      limit: '3',
    });
  });

  it('keeps the URL’s own parameters (an API key) and strips a trailing /search', async () => {
    const { urls } = await serve('/keyed/v1/search', () => HttpResponse.json([]));
    await createGeocoder(`${location.origin}/keyed/v1/search?key=abc&email=webmaster%40city.example`).search('x');
    expect(query(urls[0])).to.deep.include({ key: 'abc', email: 'webmaster@city.example', q: 'x' });
  });

  it('asks nothing for an empty query', async () => {
    const { urls } = await serve('/nominatim/search', () => HttpResponse.json([]));
    expect(await createGeocoder('/nominatim').search('   ')).to.deep.equal([]);
    expect(urls).to.have.length(0);
  });

  it('reverse-geocodes at zoom 18, coordinates rounded to 6 decimals', async () => {
    const { urls } = await serve('/nominatim/reverse', () =>
      HttpResponse.json({ place_id: 9, display_name: '310, Founders Way, Demo City', lat: '41.4988', lon: '-90.5021' }),
    );
    const place = await createGeocoder('/nominatim').reverse(41.49880012345, -90.50210098765, { lang: 'fr' });
    expect(place).to.deep.equal({ label: '310, Founders Way, Demo City', lat: 41.4988, long: -90.5021 });
    expect(query(urls[0])).to.deep.equal({
      lat: '41.4988',
      lon: '-90.502101',
      format: 'jsonv2',
      zoom: '18',
      'accept-language': 'fr',
    });
  });

  it('takes {error: "Unable to geocode"} as no place', async () => {
    await serve('/nominatim/reverse', () => HttpResponse.json({ error: 'Unable to geocode' }));
    expect(await createGeocoder('/nominatim').reverse(0, -150)).to.equal(undefined);
  });

  it('calls a reverse answer without a label invalid', async () => {
    await serve('/nominatim/reverse', () => HttpResponse.json({ lat: '1', lon: '2' }));
    expect((await failure(createGeocoder('/nominatim').reverse(1, 2))).kind).to.equal('invalid-response');
  });
});

describe('Geocoder: Photon', () => {
  const feature = (properties: Record<string, unknown>, coordinates: unknown = [-90.5, 41.5]) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties,
  });

  it('searches /api with lang and bbox (west,south,east,north) and builds readable labels', async () => {
    const { urls } = await serve('/photon/api', () =>
      HttpResponse.json({
        type: 'FeatureCollection',
        features: [
          feature({
            housenumber: '120',
            street: 'Main Street',
            city: 'Springfield',
            postcode: '62701',
            countrycode: 'US',
          }),
          feature({ housenumber: 12, street: 'Hauptstraße', city: 'Berlin', countrycode: 'DE' }, [13.4, 52.5]),
          feature({ name: 'Town Hall', housenumber: '1', street: 'Main Street', city: 'Springfield' }),
          feature({ name: 'Main Street', type: 'street', city: 'Springfield', countrycode: 'US' }),
          feature({ name: 'Springfield', type: 'city', state: 'Illinois', countrycode: 'US' }),
          feature({ name: 'Elm Street', district: 'Old Town', county: 'Sangamon County' }),
          feature({ name: 'No geometry' }, null),
          feature({}),
        ],
      }),
    );
    const places = await createGeocoder('/photon').search('main', {
      bounds: [-90.53, 41.47, -90.47, 41.53],
      lang: 'de-CH',
      limit: 10,
    });
    expect(places.map((p) => p.label)).to.deep.equal([
      '120 Main Street, Springfield',
      'Hauptstraße 12, Berlin',
      'Town Hall, 1 Main Street, Springfield',
      'Main Street, Springfield',
      'Springfield, Illinois',
      'Elm Street, Old Town',
    ]);
    expect(places[1]).to.deep.equal({ label: 'Hauptstraße 12, Berlin', lat: 52.5, long: 13.4 });
    expect(query(urls[0])).to.deep.equal({ q: 'main', limit: '10', lang: 'de', bbox: '-90.53,41.47,-90.47,41.53' });
  });

  it('asks again without a language Photon has no index for (HTTP 400)', async () => {
    const { urls } = await serve('/photon/api', (url) =>
      url.searchParams.has('lang')
        ? HttpResponse.json(
            { message: 'Language is not supported. Supported are: default, en, de, fr' },
            { status: 400 },
          )
        : HttpResponse.json({ features: [feature({ name: 'Plaza Mayor', city: 'Demo' })] }),
    );
    const places = await createGeocoder('/photon').search('plaza', { lang: 'es' });
    expect(places.map((p) => p.label)).to.deep.equal(['Plaza Mayor, Demo']);
    expect(urls.map((u) => u.searchParams.get('lang'))).to.deep.equal(['es', null]);
  });

  it('reverse-geocodes with /reverse: the first feature, or undefined', async () => {
    const { urls } = await serve('/photon/reverse', (url) =>
      HttpResponse.json({
        features:
          url.searchParams.get('lat') === '41.5'
            ? [
                feature({ housenumber: '310', street: 'Founders Way', city: 'Demo City', countrycode: 'US' }),
                feature({ name: 'Second' }),
              ]
            : [],
      }),
    );
    const photon = createGeocoder('/photon');
    expect(await photon.reverse(41.5, -90.5)).to.deep.equal({
      label: '310 Founders Way, Demo City',
      lat: 41.5,
      long: -90.5,
    });
    expect(query(urls[0])).to.deep.equal({ lat: '41.5', lon: '-90.5', limit: '1' });
    expect(await photon.reverse(10, 10)).to.equal(undefined);
  });

  it('calls a collection of nothing but broken features invalid', async () => {
    await serve('/photon/api', () => HttpResponse.json({ features: [{ type: 'Feature', properties: {} }] }));
    const e = await failure(createGeocoder('/photon').search('x'));
    expect(e.kind).to.equal('invalid-response');
  });
});

describe('Geocoder: which kind', () => {
  const kinds: Array<[string, 'nominatim' | 'photon']> = [
    ['https://nominatim.openstreetmap.org', 'nominatim'],
    ['https://geo.city.example/search', 'nominatim'],
    ['https://us1.locationiq.com/v1?key=abc', 'nominatim'],
    ['/geocoder', 'nominatim'],
    ['https://photon.komoot.io', 'photon'],
    ['https://geo.city.example/api/', 'photon'],
    ['https://geo.city.example/photon', 'photon'],
    ['photon:https://geo.city.example/geocode', 'photon'],
    ['Photon: /geo', 'photon'],
    ['nominatim:https://photon.city.example/api', 'nominatim'],
  ];
  for (const [spec, kind] of kinds) {
    it(`${spec} → ${kind}`, () => {
      expect(createGeocoder(spec).kind).to.equal(kind);
    });
  }

  it('calls the paths of the kind given by a prefix', async () => {
    const { worker } = await useMockBackend();
    const seen: string[] = [];
    worker.use(
      http.get('/geo/*', ({ request }) => {
        seen.push(new URL(request.url).pathname);
        return HttpResponse.json(new URL(request.url).pathname.endsWith('/api') ? { features: [] } : []);
      }),
    );
    await createGeocoder('photon:/geo').search('a');
    await createGeocoder('nominatim:/geo/api').search('a');
    expect(seen).to.deep.equal(['/geo/api', '/geo/api/search']);
  });
});

describe('Geocoder: failures are BackendErrors', () => {
  const nominatim = (options = {}) => createGeocoder('/nominatim', options);

  it('HTTP 500, with the server’s message', async () => {
    await serve('/nominatim/search', () =>
      HttpResponse.json({ error: { code: 500, message: 'Database unavailable' } }, { status: 500 }),
    );
    const e = await failure(nominatim().search('x'));
    expect(e.kind).to.equal('http');
    expect(e.details).to.deep.include({ status: 500, serverMessage: 'Database unavailable' });
  });

  it('HTTP 429 is rate-limited, with Retry-After, and not retried', async () => {
    const { urls } = await serve(
      '/nominatim/search',
      () => new HttpResponse('Too many requests', { status: 429, headers: { 'Retry-After': '30' } }),
    );
    const e = await failure(nominatim().search('x'));
    expect(e.kind).to.equal('rate-limited');
    expect(e.details).to.deep.include({ status: 429, retryAfterSeconds: 30 });
    expect(urls).to.have.length(1);
  });

  it('an HTML page (a login portal, a proxy’s error) is invalid-response', async () => {
    await serve('/nominatim/search', () => HttpResponse.html('<!doctype html><title>Sign in</title>'));
    expect((await failure(nominatim().search('x'))).kind).to.equal('invalid-response');
  });

  it('malformed JSON is invalid-response', async () => {
    await serve('/nominatim/search', () => new HttpResponse('[{"display_name": "A", "lat": ', { status: 200 }));
    expect((await failure(nominatim().search('x'))).kind).to.equal('invalid-response');
  });

  it('JSON of another shape is invalid-response, with where', async () => {
    await serve('/nominatim/search', () => HttpResponse.json({ results: 'none' }));
    const e = await failure(nominatim().search('x'));
    expect(e.kind).to.equal('invalid-response');
    expect(e.details.path).to.be.a('string');
  });

  it('a network failure is network', async () => {
    await serve('/nominatim/reverse', () => HttpResponse.error());
    expect((await failure(nominatim().reverse(41.5, -90.5))).kind).to.equal('network');
  });

  it('no answer in time is timeout', async () => {
    await serve('/nominatim/search', async () => {
      await delay(1000);
      return HttpResponse.json([]);
    });
    expect((await failure(nominatim({ timeoutMs: 50 }).search('x'))).kind).to.equal('timeout');
  });

  it('the caller’s abort is aborted, before or during the call', async () => {
    await serve('/nominatim/search', async () => {
      await delay(1000);
      return HttpResponse.json([]);
    });
    const during = new AbortController();
    const pending = nominatim().search('x', { signal: during.signal });
    setTimeout(() => during.abort(), 20);
    expect((await failure(pending)).kind).to.equal('aborted');
    expect((await failure(nominatim().search('x', { signal: AbortSignal.abort() }))).kind).to.equal('aborted');
    expect((await failure(nominatim().reverse(1, 2, { signal: AbortSignal.abort() }))).kind).to.equal('aborted');
  });

  it('an address that is no URL fails every call, as network', async () => {
    const e = await failure(createGeocoder('https://').search('x'));
    expect(e.kind).to.equal('network');
  });

  it('a custom fetch that throws is network', async () => {
    const broken = createGeocoder('/nominatim', { fetch: () => Promise.reject(new TypeError('offline')) });
    expect((await failure(broken.search('x'))).kind).to.equal('network');
  });
});

describe('Demo geocoder (fake Nominatim of Demo City)', () => {
  async function demo(): Promise<ReturnType<typeof createGeocoder>> {
    const { worker } = await useMockBackend();
    worker.use(...createGeocoderHandlers());
    return createGeocoder('/geocoder');
  }
  const first = async (q: string) => (await (await demo()).search(q))[0];

  it('finds what residents type: "120 main", "maple ridge", "city hall", a crossing, a typo', async () => {
    const g = await demo();
    const labels = async (q: string) => (await g.search(q)).map((p) => p.label);
    expect((await labels('120 main'))[0]).to.equal('120 Founders Way, Demo City');
    expect((await labels('maple ridge'))[0]).to.equal('Maple Ridge Ave, Demo City');
    expect((await labels('mapel ridge avenue'))[0]).to.equal('Maple Ridge Ave, Demo City');
    expect((await labels('city hall'))[0]).to.equal('Town Hall, Founders Way & Center St, Demo City');
    expect((await labels('Juniper & Bluff'))[0]).to.equal('Juniper St & Bluff Rd, Demo City');
    expect(await labels('cedar')).to.deep.equal(['Cedar St, Demo City', 'Cedar Hollow Rd, Demo City']);
    expect(await labels('zzz nowhere')).to.deep.equal([]);
  });

  it('puts every seeded report’s address where its pin is', async () => {
    const g = await demo();
    const seeded = seededRequests(new Date(), location.origin).filter((r) => r.address && r.lat !== null);
    expect(seeded.length).to.be.greaterThan(5);
    for (const r of seeded) {
      const [place] = await g.search(r.address!);
      expect(place, r.address!).to.not.equal(undefined);
      const off = metresBetween(place!, { lat: r.lat!, long: r.long! });
      expect(off, `${r.address} is ${Math.round(off)} m from its pin`).to.be.below(80);
    }
  });

  it('interpolates house numbers along the street', async () => {
    const a = (await first('1420 Maple Ridge Ave'))!;
    const b = (await first('1517 maple ridge avenue'))!;
    expect(a.label).to.equal('1420 Maple Ridge Ave, Demo City');
    expect(a.lat).to.be.closeTo(41.5044, 1e-6);
    expect(b.long - a.long).to.be.greaterThan(0.0015); // 97 numbers ≈ 160 m east
    // A number the street does not have gives the street.
    expect((await first('99999 maple ridge'))!.label).to.equal('Maple Ridge Ave, Demo City');
  });

  it('reverse-geocodes to the nearest street address, a named place, or nothing', async () => {
    const g = await demo();
    const at = async (lat: number, long: number) => (await g.reverse(lat, long))?.label;
    expect(await at(41.5047, -90.4949)).to.equal('1517 Maple Ridge Ave, Demo City');
    expect(await at(41.4988, -90.5021)).to.equal('310 Founders Way, Demo City');
    expect(await at(41.500423, -90.501386)).to.equal('Town Hall, Founders Way & Center St, Demo City');
    expect(await at(41.4849, -90.4913)).to.equal('Riverside Park, 100 River Rd, Demo City');
    expect(await at(41.6, -90.5)).to.equal(undefined); // 9 km north: "Unable to geocode"
    // What a search finds, reverse names again.
    for (const q of ['87 Larkspur Ln', '2255 Harbor View Dr', '46 Willowbend Ct', '800 Quarry St']) {
      const place: Place = (await g.search(q))[0]!;
      expect(await at(place.lat, place.long)).to.equal(`${q}, Demo City`);
    }
  });

  it('answers like Nominatim: jsonv2 fields, limit, bounded viewbox, errors', async () => {
    await demo();
    const get = async (qs: string) => {
      const res = await fetch(`/geocoder/${qs}`);
      return { status: res.status, body: await res.json() };
    };
    const search = await get('search?q=cedar&format=jsonv2&limit=1');
    expect(search.body).to.have.length(1);
    expect(search.body[0]).to.include({ display_name: 'Cedar St, Demo City', category: 'highway' });
    expect(search.body[0].lat).to.match(/^41\.\d{7}$/);
    const outside = await get('search?q=cedar&format=jsonv2&viewbox=0,1,1,0&bounded=1');
    expect(outside.body).to.deep.equal([]);
    const reverse = await get('reverse?lat=41.4988&lon=-90.5021&format=jsonv2');
    expect(reverse.body.address).to.deep.include({ house_number: '310', road: 'Founders Way', city: 'Demo City' });
    expect(await get('reverse?lat=41.6&lon=-90.5&format=jsonv2')).to.deep.equal({
      status: 200,
      body: { error: 'Unable to geocode' },
    });
    expect((await get('reverse?lat=north&lon=-90.5&format=jsonv2')).status).to.equal(400);
    expect((await get('search?q=cedar&format=xml')).status).to.equal(400);
  });

  it('serves the streets of the basemap (demo/map/demo-town.geojson), within 3 m', async () => {
    const town = (await (await fetch('/demo/map/demo-town.geojson')).json()) as FeatureCollection;
    const roads = town.features.filter(
      (f): f is Feature<LineString> => f.properties?.['kind'] === 'road' && f.geometry.type === 'LineString',
    );
    expect(new Set(DEMO_STREETS.map((s) => s.name))).to.deep.equal(new Set(roads.map((r) => r.properties!['name'])));
    // Each vertex of either lies on a line of the other with that name (the demo's curves are simplified).
    const lines = (name: string, from: ReadonlyArray<{ name: string; line: ReadonlyArray<number[]> }>) =>
      from.filter((s) => s.name === name).map((s) => s.line);
    const basemap = roads.map((r) => ({ name: String(r.properties!['name']), line: r.geometry.coordinates }));
    for (const [these, those] of [
      [basemap, DEMO_STREETS],
      [DEMO_STREETS, basemap],
    ] as const) {
      for (const { name, line } of these) {
        for (const p of line) {
          const off = Math.min(...lines(name, those).map((l) => metresToLine(p, l)));
          expect(off, `${name} at ${p.join()}`).to.be.below(3.01);
        }
      }
    }
  });
});
