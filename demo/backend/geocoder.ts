/**
 * A Nominatim-compatible geocoder of Demo City as msw request handlers, for the demo page and the tests (issue #5):
 * GET {base}/search?q=…&format=jsonv2 and GET {base}/reverse?lat=…&lon=…&format=jsonv2, answered like Nominatim 4.
 *
 * Its streets are those of the offline basemap, demo/map/demo-town.geojson (made by
 * scripts/build/make-demo-basemap.mjs; the curved ones simplified to within 3 m; test/backend/geocoder.test.ts checks
 * they still match). The basemap has no house numbers, so each street gets a range, numbered along the line from its
 * first point, and an address is interpolated along it. The ranges put the catalogue's seeded reports (1420 and 1517
 * Maple Ridge Ave, 310 Founders Way, 87 Larkspur Ln, 2255 Harbor View Dr, 46 Willowbend Ct, 100 River Rd) where their
 * pins are. Search is forgiving: "120 main", "maple ridge", "city hall", "juniper & bluff", "mapel ridge avenue".
 */
import { http, HttpResponse, delay } from 'msw';
import type { RequestHandler } from 'msw';
import { CITY_NAME } from './catalogue';

export const DEFAULT_GEOCODER_BASE = '/geocoder';

type Position = [long: number, lat: number];

/**
 * [name, line as [long, lat] from the first house number to the last, first number, last number]. Without
 * numbers, a street runs from 100 at about 0.6 numbers per metre (100 a block).
 */
// prettier-ignore
const STREETS: ReadonlyArray<[string, Position[], number?, number?]> = [
  ['Northfield Rd', [[-90.5195, 41.518], [-90.4825, 41.518]]],
  ['Cedar Hollow Rd', [[-90.516, 41.5152], [-90.484, 41.5152]]],
  ['Larkspur Ln', [[-90.5104, 41.5113], [-90.509, 41.511501], [-90.5083, 41.511517], [-90.5076, 41.511463],
    [-90.5055, 41.511129], [-90.5048, 41.511081], [-90.5041, 41.511104], [-90.5034, 41.51119], [-90.502, 41.511429]],
    1, 429],
  ['Prairie St', [[-90.516, 41.5075], [-90.4882, 41.5075]]],
  ['Maple Ridge Ave', [[-90.5205, 41.5044], [-90.4815, 41.5044]], 210, 2201],
  ['Juniper St', [[-90.516, 41.5024], [-90.4918, 41.5024]]],
  ['Center St', [[-90.516, 41.5], [-90.4885, 41.5]]],
  ['Church St', [[-90.513, 41.4975], [-90.489, 41.4975]]],
  ['Quarry St', [[-90.5195, 41.495], [-90.4887, 41.495]]],
  ['Lakeview Terrace', [[-90.513, 41.4925], [-90.4883, 41.4925]]],
  ['Depot St', [[-90.516, 41.488], [-90.494, 41.488]]],
  ['Southgate Rd', [[-90.5195, 41.4835], [-90.494, 41.4835]]],
  ['Willowbend Ct', [[-90.5152, 41.4903], [-90.5104, 41.4903]], 12, 193],
  // The court's turning circle.
  ['Willowbend Ct', [[-90.5152, 41.4903], [-90.515263, 41.490414], [-90.515416, 41.490462], [-90.515569, 41.490414],
    [-90.515632, 41.4903], [-90.515569, 41.490186], [-90.515416, 41.490138], [-90.515263, 41.490186],
    [-90.5152, 41.4903]], 2, 10],
  ['Prospect St', [[-90.516, 41.4835], [-90.516, 41.518]]],
  ['Bluff Rd', [[-90.5104, 41.4785], [-90.510134, 41.484], [-90.510054, 41.4895], [-90.510217, 41.495],
    [-90.510638, 41.50325], [-90.51075, 41.50875], [-90.510617, 41.51425], [-90.510194, 41.5225]]],
  ['Oak St', [[-90.5075, 41.488], [-90.5075, 41.5152]]],
  ['Elm St', [[-90.5045, 41.4835], [-90.5045, 41.5152]]],
  ['Founders Way', [[-90.502, 41.4785], [-90.502, 41.5225]], 100, 555],
  ['Market St', [[-90.4995, 41.488], [-90.4995, 41.5152]]],
  ['Cedar St', [[-90.4968, 41.488], [-90.4968, 41.518]]],
  ['Mill St', [[-90.494, 41.495], [-90.494, 41.518]]],
  ['River Rd', [[-90.494, 41.4785], [-90.494, 41.495]], 10, 242],
  ['Harbor View Dr', [[-90.489, 41.4975], [-90.488225, 41.494081], [-90.488077, 41.492944], [-90.488018, 41.491559],
    [-90.4879, 41.491], [-90.487611, 41.490105], [-90.48734, 41.489508], [-90.486953, 41.488998], [-90.4867, 41.4888],
    [-90.486396, 41.48864], [-90.485651, 41.488405], [-90.484354, 41.488228], [-90.483086, 41.488203],
    [-90.48223, 41.488245], [-90.481376, 41.488368], [-90.480964, 41.488474], [-90.4802, 41.4888],
    [-90.47948, 41.489391], [-90.478794, 41.490188], [-90.4778, 41.4915]], 2129, 2629],
  ['Old Mill Rd', [[-90.51576, 41.4875], [-90.48856, 41.5215]]],
];

/**
 * Other names a street is found by, as Nominatim matches OSM's alt_name and old_name. The demo page's footer
 * (City Hall, 1 Main Street) and the form's address hint ("120 Main Street") speak of Main Street: in Demo City
 * that is the old name of Founders Way, the main street through downtown.
 */
const ALSO_KNOWN_AS: Record<string, string[]> = { 'Founders Way': ['Main St'] };

/** Named places of the basemap: [name, label, [long, lat], bbox (west, south, east, north), also known as]. */
const PLACES: ReadonlyArray<[string, string, Position, [number, number, number, number], string[]?]> = [
  [
    'Town Hall',
    `Town Hall, Founders Way & Center St, ${CITY_NAME}`,
    [-90.501386, 41.500423],
    [-90.501736, 41.500198, -90.501036, 41.500648],
    ['City Hall'],
  ],
  [
    'Riverside Park',
    `Riverside Park, 100 River Rd, ${CITY_NAME}`,
    [-90.490717, 41.484483],
    [-90.4933, 41.4818, -90.4884, 41.4872],
  ],
  ['Lakeview Park', `Lakeview Park, ${CITY_NAME}`, [-90.483575, 41.4961], [-90.4872, 41.4942, -90.4798, 41.4978]],
  ['Mirror Lake', `Mirror Lake, ${CITY_NAME}`, [-90.4834, 41.4928], [-90.487534, 41.489414, -90.478835, 41.495515]],
  // An enclave of the county: outside the city limits (a hole in demo/map/boundary.geojson).
  ['County Fairgrounds', 'County Fairgrounds', [-90.50735, 41.4859], [-90.5095, 41.4845, -90.5052, 41.4873]],
];

/** Where reverse geocoding gives up, as Nominatim does far from any address. */
const MAX_REVERSE_METRES = 500;

// Metres on a plane around the city: good to a few centimetres over a town.
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LONG = M_PER_DEG_LAT * Math.cos((41.5 * Math.PI) / 180);
const metres = ([long, lat]: Position): [number, number] => [long * M_PER_DEG_LONG, lat * M_PER_DEG_LAT];

interface StreetPart {
  name: string;
  line: Position[];
  /** Distance from the first point to each point, metres. */
  at: number[];
  from: number;
  to: number;
}

const PARTS: StreetPart[] = STREETS.map(([name, line, from = 100, to]) => {
  const at = [0];
  for (let i = 1; i < line.length; i++) {
    const [x1, y1] = metres(line[i - 1]!);
    const [x2, y2] = metres(line[i]!);
    at.push(at[i - 1]! + Math.hypot(x2 - x1, y2 - y1));
  }
  const length = at[at.length - 1]!;
  return { name, line, at, from, to: to ?? from + 2 * Math.round(length * 0.3) };
});

/** The streets as they are served, for checks against the basemap: name and line. */
export const DEMO_STREETS: ReadonlyArray<{ name: string; line: ReadonlyArray<Position> }> = PARTS.map(
  ({ name, line }) => ({ name, line }),
);

/** The point `metresAlong` the part. */
function pointAt(part: StreetPart, metresAlong: number): Position {
  let i = 1;
  while (i < part.at.length - 1 && part.at[i]! < metresAlong) i++;
  const [a, b] = [part.line[i - 1]!, part.line[i]!];
  const span = part.at[i]! - part.at[i - 1]!;
  const t = span ? Math.min(1, Math.max(0, (metresAlong - part.at[i - 1]!) / span)) : 0;
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** The nearest point of the part to `p`: its distance and how far along the part it lies, metres. */
function nearest(part: StreetPart, p: Position): { distance: number; along: number } {
  const [px, py] = metres(p);
  let best = { distance: Infinity, along: 0 };
  for (let i = 1; i < part.line.length; i++) {
    const [ax, ay] = metres(part.line[i - 1]!);
    const [bx, by] = metres(part.line[i]!);
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
    const distance = Math.hypot(px - ax - t * dx, py - ay - t * dy);
    if (distance < best.distance) best = { distance, along: part.at[i - 1]! + t * Math.hypot(dx, dy) };
  }
  return best;
}

const lengthOf = (part: StreetPart) => part.at[part.at.length - 1]!;

// --- Matching what residents type ----------------------------------------------------------------------------

const ABBREVIATIONS: Record<string, string> = {
  street: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  lane: 'ln',
  drive: 'dr',
  court: 'ct',
  terrace: 'ter',
  terr: 'ter',
  boulevard: 'blvd',
};
const STREET_TYPES = new Set([...Object.values(ABBREVIATIONS), 'way']);
/** Words that say nothing about which place: the city's name, "800 block of …", the state, a ZIP code. */
const NOISE = new Set(['demo', 'city', 'dc', 'usa', 'us', 'block', 'of', 'the', 'at', 'and', 'near', 'corner']);

/** Lower case, no accents or punctuation, abbreviated street types, without noise words. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .filter((w) => w && !NOISE.has(w) && !/^\d{5}$/.test(w));
}

/** One typing slip: a letter wrong, missing, extra, or two swapped. */
function near(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  const [restA, restB] = [a.length - i - j, b.length - i - j];
  if (restA <= 1 && restB <= 1) return true;
  return restA === 2 && restB === 2 && a[i] === b[i + 1] && a[i + 1] === b[i];
}

/**
 * How well the query's words fit a name's: 3 a word exactly, 2 the start of one (still typing), 1 with a slip.
 * Every word must fit, except a street type ("oak avenue" finds Oak St) or a number after the name ("Riverside
 * Park, 100 River Rd"); 0 is no match.
 */
function score(query: string[], names: string[][]): number {
  return Math.max(
    0,
    ...names.map((name) => {
      let total = 0;
      for (const q of query) {
        const best = Math.max(
          0,
          ...name.map((n) => (n === q ? 3 : n.startsWith(q) ? 2 : q.length > 3 && near(q, n) ? 1 : 0)),
        );
        if (!best && !STREET_TYPES.has(q) && !/^\d+$/.test(q)) return 0;
        total += best;
      }
      return total;
    }),
  );
}

const streetNames = [...new Set(PARTS.map((p) => p.name))].map((name) => ({
  name,
  words: [name, ...(ALSO_KNOWN_AS[name] ?? [])].map(words),
  parts: PARTS.filter((p) => p.name === name),
}));
const placeWords = PLACES.map(([name, , , , aka = []]) => [name, ...aka].map(words));

// --- Search and reverse ----------------------------------------------------------------------------------------

export interface DemoPlace {
  label: string;
  lat: number;
  long: number;
  /** What it is, as Nominatim's category and type say. */
  category: 'place' | 'highway' | 'amenity' | 'leisure' | 'natural' | 'landuse';
  type: string;
  name: string;
  house_number?: string;
  road?: string;
}

const address = (n: number | undefined, street: string) => `${n === undefined ? '' : `${n} `}${street}, ${CITY_NAME}`;

function houseOn(name: string, part: StreetPart, along: number): DemoPlace {
  const n = Math.round(part.from + ((part.to - part.from) * along) / (lengthOf(part) || 1));
  const [long, lat] = pointAt(part, along);
  return {
    label: address(n, name),
    lat,
    long,
    category: 'place',
    type: 'house',
    name: '',
    house_number: String(n),
    road: name,
  };
}

function streetPlace(name: string, parts: StreetPart[]): DemoPlace {
  const longest = parts.reduce((a, b) => (lengthOf(b) > lengthOf(a) ? b : a));
  const [long, lat] = pointAt(longest, lengthOf(longest) / 2);
  return { label: address(undefined, name), lat, long, category: 'highway', type: 'residential', name, road: name };
}

const PLACE_KINDS: Record<string, [DemoPlace['category'], string]> = {
  'Town Hall': ['amenity', 'townhall'],
  'Mirror Lake': ['natural', 'water'],
  'County Fairgrounds': ['landuse', 'recreation_ground'],
};

function namedPlace(i: number): DemoPlace {
  const [name, label, [long, lat]] = PLACES[i]!;
  const [category, type] = PLACE_KINDS[name] ?? ['leisure', 'park'];
  return { label, lat, long, category, type, name };
}

/** Where two streets cross, if they do. */
function crossing(a: StreetPart[], b: StreetPart[]): Position | undefined {
  for (const p of a)
    for (const q of b)
      for (let i = 1; i < p.line.length; i++)
        for (let j = 1; j < q.line.length; j++) {
          const [[x1, y1], [x2, y2], [x3, y3], [x4, y4]] = [p.line[i - 1]!, p.line[i]!, q.line[j - 1]!, q.line[j]!];
          const d = (x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3);
          if (!d) continue;
          const t = ((x3 - x1) * (y4 - y3) - (y3 - y1) * (x4 - x3)) / d;
          const u = ((x3 - x1) * (y2 - y1) - (y3 - y1) * (x2 - x1)) / d;
          const eps = 1e-9;
          if (t >= -eps && t <= 1 + eps && u >= -eps && u <= 1 + eps) return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
        }
  return undefined;
}

const bestStreet = (query: string[], not?: string) =>
  streetNames
    .map((s) => ({ s, score: s.name === not ? 0 : score(query, s.words) }))
    .filter((m) => m.score > 0)
    .sort((x, y) => y.score - x.score || x.s.name.length - y.s.name.length)[0]?.s;

/** The places a query means, best first: addresses, streets, named places, crossings ("Juniper & Bluff"). */
export function searchDemoTown(query: string, limit = 10): DemoPlace[] {
  const sides = query.toLowerCase().split(/\s*(?:&|\+|@|\/|\band\b|\bat\b)\s*/);
  if (sides.length === 2) {
    const a = bestStreet(words(sides[0]!));
    const b = a && bestStreet(words(sides[1]!), a.name);
    const at = a && b && crossing(a.parts, b.parts);
    if (at) {
      const name = `${a.name} & ${b.name}`;
      return [{ label: `${name}, ${CITY_NAME}`, lat: at[1], long: at[0], category: 'highway', type: 'crossing', name }];
    }
  }

  const tokens = words(query);
  const number = /^\d+$/.test(tokens[0] ?? '') ? Number(tokens.shift()) : undefined;
  if (!tokens.length) return [];
  const found: Array<{ place: DemoPlace; score: number }> = [];
  for (const street of streetNames) {
    const s = score(tokens, street.words);
    if (!s) continue;
    const part =
      number === undefined
        ? undefined
        : street.parts.find((p) => number >= Math.min(p.from, p.to) && number <= Math.max(p.from, p.to));
    const place = part
      ? houseOn(street.name, part, ((number! - part.from) / (part.to - part.from)) * lengthOf(part))
      : streetPlace(street.name, street.parts);
    found.push({ place, score: s });
  }
  // A number goes with a street: "120 main" is no park.
  if (number === undefined)
    placeWords.forEach((names, i) => {
      const s = score(tokens, names);
      if (s) found.push({ place: namedPlace(i), score: s });
    });
  return found
    .sort((x, y) => y.score - x.score || x.place.label.length - y.place.label.length)
    .slice(0, limit)
    .map((f) => f.place);
}

/** The address at a point: a named place it lies in, else the house number on the nearest street within 500 m. */
export function reverseDemoTown(lat: number, long: number): DemoPlace | undefined {
  // Only the places with a building-like outline: a box is a poor fit for the lake and its park.
  const inside = PLACES.findIndex(
    ([name, , , [w, s, e, n]]) =>
      name !== 'Mirror Lake' && name !== 'Lakeview Park' && long >= w && long <= e && lat >= s && lat <= n,
  );
  if (inside >= 0) return namedPlace(inside);
  let best: { part: StreetPart; distance: number; along: number } | undefined;
  for (const part of PARTS) {
    const n = nearest(part, [long, lat]);
    if (!best || n.distance < best.distance) best = { part, ...n };
  }
  return best && best.distance <= MAX_REVERSE_METRES ? houseOn(best.part.name, best.part, best.along) : undefined;
}

// --- The Nominatim API -----------------------------------------------------------------------------------------

const LICENCE = 'Demo City data: made up for this demo, CC0';

/** A Nominatim jsonv2 place: coordinates as strings with 7 decimals, as Nominatim sends them. */
function jsonv2(place: DemoPlace) {
  const id = [...place.label].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7) % 1e8;
  const box = (v: number, d: number) => [(v - d).toFixed(7), (v + d).toFixed(7)];
  return {
    place_id: id,
    licence: LICENCE,
    osm_type: 'way',
    osm_id: id,
    lat: place.lat.toFixed(7),
    lon: place.long.toFixed(7),
    category: place.category,
    type: place.type,
    place_rank: place.type === 'house' ? 30 : 26,
    importance: place.type === 'house' ? 0.00001 : 0.1,
    addresstype: place.type === 'house' ? 'place' : place.category === 'highway' ? 'road' : place.type,
    name: place.name,
    display_name: place.label,
    boundingbox: [...box(place.lat, 0.0001), ...box(place.long, 0.0001)],
  };
}

const nominatimError = (status: number, message: string) =>
  HttpResponse.json({ error: { code: status, message } }, { status, headers: CORS });

const CORS = { 'Access-Control-Allow-Origin': '*' };

function formatProblem(params: URLSearchParams): Response | undefined {
  const format = params.get('format') ?? 'xml';
  // Real Nominatim also speaks xml, geojson and geocodejson; this one only JSON.
  return ['json', 'jsonv2'].includes(format)
    ? undefined
    : nominatimError(400, "Parameter 'format' must be one of: json, jsonv2 (this demo speaks only JSON).");
}

export function createGeocoderHandlers(options: { base?: string; delayMs?: number } = {}): RequestHandler[] {
  const base = (options.base ?? DEFAULT_GEOCODER_BASE).replace(/\/+$/, '');
  return [
    http.get(`${base}/search`, async ({ request }) => {
      if (options.delayMs) await delay(options.delayMs);
      const params = new URL(request.url).searchParams;
      const problem = formatProblem(params);
      if (problem) return problem;
      const limit = Math.min(40, Math.max(1, Number(params.get('limit')) || 10));
      let places = searchDemoTown(params.get('q') ?? '', 40);
      // viewbox biases (everything here is in town anyway); with bounded=1 it filters.
      const box = (params.get('viewbox') ?? '').split(',').map(Number);
      if (params.get('bounded') === '1' && box.length === 4 && box.every(Number.isFinite)) {
        const [x1, y1, x2, y2] = box as [number, number, number, number];
        places = places.filter(
          (p) =>
            p.long >= Math.min(x1, x2) &&
            p.long <= Math.max(x1, x2) &&
            p.lat >= Math.min(y1, y2) &&
            p.lat <= Math.max(y1, y2),
        );
      }
      return HttpResponse.json(places.slice(0, limit).map(jsonv2), { headers: CORS });
    }),

    http.get(`${base}/reverse`, async ({ request }) => {
      if (options.delayMs) await delay(options.delayMs);
      const params = new URL(request.url).searchParams;
      const problem = formatProblem(params);
      if (problem) return problem;
      const [lat, lon] = [params.get('lat'), params.get('lon')].map((v) => (v?.trim() ? Number(v) : NaN)) as [
        number,
        number,
      ];
      if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180))
        return nominatimError(400, 'Need coordinates or OSM object to lookup.');
      const place = reverseDemoTown(lat, lon);
      if (!place) return HttpResponse.json({ error: 'Unable to geocode' }, { headers: CORS });
      return HttpResponse.json(
        {
          ...jsonv2(place),
          address: {
            ...(place.house_number && { house_number: place.house_number }),
            ...(place.road && { road: place.road }),
            ...(place.category !== 'place' && place.category !== 'highway' && { [place.type]: place.name }),
            ...(place.label.endsWith(CITY_NAME) && { city: CITY_NAME }),
            country: 'United States',
            country_code: 'us',
          },
        },
        { headers: CORS },
      );
    }),
  ];
}
