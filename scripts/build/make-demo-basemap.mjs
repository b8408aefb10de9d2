// Generates the offline basemap of the fictional Demo City (issue #5): `node scripts/build/make-demo-basemap.mjs`.
//
// Writes, deterministically (no randomness, no network; same bytes every run):
//   demo/map/demo-town.geojson  streets (a grid, named avenues, a diagonal road, a cul-de-sac), a river and a lake,
//                               two parks, the fairgrounds, downtown buildings, the built-up area
//   demo/map/boundary.geojson   the city limits: an irregular polygon around the town, with the county
//                               fairgrounds as a hole (an unincorporated enclave: "outside Demo City")
//   demo/map/style.json         a MapLibre style using only demo-town.geojson (no tiles, glyphs or sprites: no
//                               labels), its data URL relative to the style
// Street names match the demo catalogue's seeded reports (demo/backend/catalogue.ts): each seeded point lies on
// or next to the street of its address. Everything here is made up; the data is CC0.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const OUT = new URL('../../demo/map/', import.meta.url);
const CENTRE = { lat: 41.5, long: -90.5 }; // CITY_CENTRE in demo/backend/catalogue.ts
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((CENTRE.lat * Math.PI) / 180);

// Offsets from the centre in degrees, [dLat, dLng] as in the catalogue's seeds; GeoJSON wants [lng, lat].
const round6 = (n) => Math.round(n * 1e6) / 1e6;
const at = ([dLat, dLng]) => [round6(CENTRE.long + dLng), round6(CENTRE.lat + dLat)];
const line = (points) => points.map(at);
const ring = (points) => {
  const r = points.map(at);
  const [first] = r;
  const last = r[r.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) r.push(first);
  return r;
};
const feature = (properties, geometry) => ({ type: 'Feature', properties, geometry });

/** Twice the signed area in degrees² of a ring of [lng, lat]: > 0 counter-clockwise. */
const signedArea = (r) =>
  r.reduce((sum, [x1, y1], i) => {
    const [x2, y2] = r[(i + 1) % r.length];
    return sum + (x1 * y2 - x2 * y1);
  }, 0);
/** RFC 7946: outer rings counter-clockwise, holes clockwise. */
const orient = (r, ccw) => (signedArea(r) > 0 === ccw ? r : [...r].reverse());

/** A smooth curve through control points (Catmull-Rom), `per` points per span. */
function smooth(points, per = 8) {
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[Math.min(points.length - 1, i + 2)];
    for (let s = 0; s < per; s++) {
      const t = s / per;
      const t2 = t * t;
      const t3 = t2 * t;
      out.push(
        [0, 1].map(
          (k) =>
            0.5 *
            (2 * p1[k] +
              (-p0[k] + p2[k]) * t +
              (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2 +
              (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3),
        ),
      );
    }
  }
  out.push(points[points.length - 1]);
  return out;
}

/** An irregular closed blob (a lake): radii wobble with a few fixed harmonics. */
function blob([cLat, cLng], rLat, rLng, n = 56) {
  const pts = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const k = 1 + 0.12 * Math.sin(3 * a + 0.4) + 0.07 * Math.cos(5 * a) + 0.04 * Math.sin(7 * a + 1.1);
    pts.push([cLat + rLat * k * Math.sin(a), cLng + rLng * k * Math.cos(a)]);
  }
  return pts;
}

/** Even-odd test in [dLat, dLng] space. */
function inside(poly, [y, x]) {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [yi, xi] = poly[i];
    const [yj, xj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** Splits a polyline where it enters `poly` (streets stop at the lake shore), densifying to ~10 m first. */
function clipOutside(points, poly) {
  const dense = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 0.0001));
    for (let s = 0; s < steps; s++)
      dense.push([a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps]);
  }
  dense.push(points[points.length - 1]);
  const parts = [];
  let current = [];
  for (const p of dense) {
    if (inside(poly, p)) {
      if (current.length > 1) parts.push(current);
      current = [];
    } else current.push(p);
  }
  if (current.length > 1) parts.push(current);
  // Drop the densified in-between points again where the line is straight.
  return parts.map(simplifyStraight);
}

function simplifyStraight(points) {
  const out = [points[0]];
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [out[out.length - 1], points[i], points[i + 1]];
    const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    if (Math.abs(cross) > 1e-12) out.push(b);
  }
  out.push(points[points.length - 1]);
  return out;
}

/** Metres from point p to segment a-b, all [dLat, dLng]. */
function metresToSegment(p, a, b) {
  const toM = ([dLat, dLng]) => [dLng * M_PER_DEG_LNG, dLat * M_PER_DEG_LAT];
  const [px, py] = toM(p);
  const [ax, ay] = toM(a);
  const [bx, by] = toM(b);
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

// --- Water ------------------------------------------------------------------------------------------------

const LAKE = blob([-0.0072, 0.0166], 0.003, 0.0039);
const RIVER_NORTH = smooth([
  [0.027, 0.0066],
  [0.0215, 0.0078],
  [0.0165, 0.0092],
  [0.0105, 0.0086],
  [0.0045, 0.0094],
  [-0.0005, 0.0104],
  [-0.0035, 0.0128],
  [-0.0052, 0.0142], // into the lake
]);
const RIVER_SOUTH = smooth([
  [-0.0092, 0.0152], // out of the lake
  [-0.0118, 0.0126],
  [-0.0148, 0.011],
  [-0.0185, 0.0103],
  [-0.0225, 0.0106],
  [-0.0275, 0.0116],
]);

// --- Streets ----------------------------------------------------------------------------------------------
// [name, class, control points [dLat, dLng]]; classes: primary, secondary, residential.

const OLD_MILL = (dLat) => 0.0064 + (dLat - 0.0152) * 0.8; // the diagonal, through Cedar Hollow Rd at 0.0064
const wavy = (from, to, fixed, amp, horizontal, n = 12) =>
  Array.from({ length: n + 1 }, (_, i) => {
    const v = from + ((to - from) * i) / n;
    const w = fixed + amp * Math.sin((i / n) * Math.PI * 2.2);
    return horizontal ? [w, v] : [v, w];
  });
const ew = (dLat, from, to) => [
  [dLat, from],
  [dLat, to],
];
const ns = (dLng, from, to) => [
  [from, dLng],
  [to, dLng],
];

const STREETS = [
  // East-west
  ['Northfield Rd', 'secondary', ew(0.018, -0.0195, 0.0175)],
  ['Cedar Hollow Rd', 'residential', ew(0.0152, -0.016, 0.016)],
  ['Larkspur Ln', 'residential', wavy(-0.0104, -0.002, 0.0113, 0.00022, true)],
  ['Prairie St', 'residential', ew(0.0075, -0.016, 0.0118)],
  ['Maple Ridge Ave', 'primary', ew(0.0044, -0.0205, 0.0185)],
  ['Juniper St', 'residential', ew(0.0024, -0.016, 0.0082)],
  ['Center St', 'secondary', ew(0, -0.016, 0.0115)],
  ['Church St', 'residential', ew(-0.0025, -0.013, 0.011)],
  ['Quarry St', 'residential', ew(-0.005, -0.0195, 0.0113)],
  ['Lakeview Terrace', 'residential', ew(-0.0075, -0.013, 0.0117)],
  ['Depot St', 'residential', ew(-0.012, -0.016, 0.006)],
  ['Southgate Rd', 'secondary', ew(-0.0165, -0.0195, 0.006)],
  ['Willowbend Ct', 'residential', ew(-0.0097, -0.0152, -0.0104)],
  // North-south
  ['Prospect St', 'residential', ns(-0.016, -0.0165, 0.018)],
  ['Bluff Rd', 'secondary', wavy(-0.0215, 0.0225, -0.0104, 0.00035, false, 16)],
  ['Oak St', 'residential', ns(-0.0075, -0.012, 0.0152)],
  ['Elm St', 'residential', ns(-0.0045, -0.0165, 0.0152)],
  ['Founders Way', 'primary', ns(-0.002, -0.0215, 0.0225)],
  ['Market St', 'residential', ns(0.0005, -0.012, 0.0152)],
  ['Cedar St', 'residential', ns(0.0032, -0.012, 0.018)],
  ['Mill St', 'residential', ns(0.006, -0.005, 0.018)],
  ['River Rd', 'secondary', ns(0.006, -0.0215, -0.005)],
  [
    'Harbor View Dr',
    'secondary',
    smooth([
      [-0.0025, 0.011],
      [-0.005, 0.0116],
      [-0.0068, 0.0119],
      [-0.009, 0.0121],
      [-0.0112, 0.0133],
      [-0.0118, 0.0165],
      [-0.0112, 0.0198],
      [-0.0085, 0.0222],
    ]),
  ],
  // The diagonal
  [
    'Old Mill Rd',
    'secondary',
    [
      [-0.0125, OLD_MILL(-0.0125)],
      [0.0215, OLD_MILL(0.0215)],
    ],
  ],
];

/** The cul-de-sac at the end of Willowbend Ct, a loop of ~18 m radius. */
const CUL_DE_SAC = Array.from({ length: 17 }, (_, i) => {
  const a = (2 * Math.PI * i) / 16;
  return [
    -0.0097 + (18 / M_PER_DEG_LAT) * Math.sin(a),
    -0.0152 - 18 / M_PER_DEG_LNG + (18 / M_PER_DEG_LNG) * Math.cos(a),
  ];
});

// --- Parks, the fairgrounds, the built-up area -------------------------------------------------------------

const RIVERSIDE_PARK = [
  [-0.0128, 0.0067],
  [-0.0128, 0.0116],
  [-0.0146, 0.0106],
  [-0.0165, 0.0101],
  [-0.0182, 0.01],
  [-0.0182, 0.0067],
];
const LAKEVIEW_PARK = [
  [-0.0022, 0.0128],
  [-0.0024, 0.0196],
  [-0.0052, 0.0202],
  [-0.0058, 0.0131],
];
const FAIRGROUNDS = [
  [-0.0127, -0.0095],
  [-0.0127, -0.0052],
  [-0.0155, -0.0052],
  [-0.0155, -0.0095],
];
const BUILT_UP = smooth(
  [
    [0.0195, -0.0175],
    [0.0198, 0.0],
    [0.0195, 0.018],
    [0.002, 0.0205],
    [-0.012, 0.0225],
    [-0.0185, 0.012],
    [-0.0185, -0.0175],
    [0.0, -0.0182],
    [0.0195, -0.0175],
  ],
  6,
);

// --- Downtown buildings -----------------------------------------------------------------------------------

/** A fixed "random" number in [0, 1) from integers: variety without randomness. */
const hash = (...n) => {
  let h = 2166136261;
  for (const v of n) h = Math.imul(h ^ (v + 0x9e3779b9), 16777619) >>> 0;
  return (h % 10007) / 10007;
};

function downtownBuildings() {
  const rows = [-0.0025, 0, 0.0024, 0.0044]; // Church St … Maple Ridge Ave
  const cols = [-0.0045, -0.002, 0.0005, 0.0032]; // Elm St … Cedar St
  const setbackLat = 22 / M_PER_DEG_LAT;
  const setbackLng = 22 / M_PER_DEG_LNG;
  const gap = 4 / M_PER_DEG_LNG;
  const buildings = [];
  for (let r = 0; r < rows.length - 1; r++) {
    for (let c = 0; c < cols.length - 1; c++) {
      const south = rows[r] + setbackLat;
      const north = rows[r + 1] - setbackLat;
      const west = cols[c] + setbackLng;
      const east = cols[c + 1] - setbackLng;
      const mid = (south + north) / 2;
      // Two rows of frontages, north and south, each cut into lots of varied widths and depths.
      for (const [front, dir] of [
        [north, -1],
        [south, 1],
      ]) {
        let x = west;
        let lot = 0;
        while (x < east - 0.00008) {
          const width = (0.00016 + 0.00018 * hash(r, c, dir, lot)) * (M_PER_DEG_LAT / M_PER_DEG_LNG);
          const x2 = Math.min(east, x + width);
          const depth = Math.min(
            Math.abs(front - mid) - 3 / M_PER_DEG_LAT,
            (20 + 18 * hash(lot, r, c, dir)) / M_PER_DEG_LAT,
          );
          const back = front + dir * depth;
          const corners = [
            [front, x],
            [front, x2],
            [back, x2],
            [back, x],
          ];
          // Old Mill Rd cuts some blocks diagonally: no building within 14 m of it.
          const clear = corners.every(
            (p) => metresToSegment(p, [-0.0125, OLD_MILL(-0.0125)], [0.0215, OLD_MILL(0.0215)]) > 14,
          );
          const sides = new Set(corners.map(([dLat, dLng]) => Math.sign(dLng - OLD_MILL(dLat))));
          if (clear && sides.size === 1 && x2 - x > 0.00006) {
            buildings.push(
              feature({ kind: 'building' }, { type: 'Polygon', coordinates: [orient(ring(corners), true)] }),
            );
          }
          x = x2 + gap;
          lot++;
        }
      }
    }
  }
  // Town Hall fills the block corner at Founders Way & Center St, by 310 Founders Way.
  const hall = [
    [0.0 + setbackLat, -0.002 + setbackLng],
    [0.0 + setbackLat, -0.002 + setbackLng + 0.0007],
    [0.0 + setbackLat + 0.00045, -0.002 + setbackLng + 0.0007],
    [0.0 + setbackLat + 0.00045, -0.002 + setbackLng],
  ];
  return [
    ...buildings.filter((b) => !overlaps(b, hall)),
    feature({ kind: 'building', name: 'Town Hall' }, { type: 'Polygon', coordinates: [orient(ring(hall), true)] }),
  ];
}

function overlaps(building, box) {
  const lats = box.map((p) => p[0]);
  const lngs = box.map((p) => p[1]);
  return building.geometry.coordinates[0].some(
    ([lng, lat]) =>
      lat - CENTRE.lat >= Math.min(...lats) - 1e-5 &&
      lat - CENTRE.lat <= Math.max(...lats) + 1e-5 &&
      lng - CENTRE.long >= Math.min(...lngs) - 1e-5 &&
      lng - CENTRE.long <= Math.max(...lngs) + 1e-5,
  );
}

// --- City limits ------------------------------------------------------------------------------------------

const CITY_LIMITS = [
  // north edge, west to east
  [0.0228, -0.0212],
  [0.0236, -0.012],
  [0.0262, -0.0085],
  [0.0265, -0.001],
  [0.0242, 0.004],
  [0.0245, 0.0135],
  [0.0196, 0.0205],
  // east edge, north to south (bulging round the lake)
  [0.009, 0.0215],
  [0.003, 0.025],
  [-0.006, 0.0262],
  [-0.0135, 0.0235],
  [-0.018, 0.018],
  // south edge, east to west
  [-0.0232, 0.015],
  [-0.0238, 0.004],
  [-0.0215, -0.003],
  [-0.024, -0.011],
  [-0.0225, -0.0205],
  // west edge, south to north
  [-0.012, -0.0232],
  [-0.004, -0.0225],
  [0.003, -0.0252],
  [0.011, -0.0238],
  [0.018, -0.0228],
];

// --- Assemble ---------------------------------------------------------------------------------------------

function town() {
  const features = [
    feature(
      { kind: 'landuse', class: 'residential' },
      { type: 'Polygon', coordinates: [orient(ring(BUILT_UP), true)] },
    ),
    feature(
      { kind: 'landuse', class: 'fairground', name: 'County Fairgrounds' },
      { type: 'Polygon', coordinates: [orient(ring(FAIRGROUNDS), true)] },
    ),
    feature(
      { kind: 'park', name: 'Riverside Park' },
      { type: 'Polygon', coordinates: [orient(ring(RIVERSIDE_PARK), true)] },
    ),
    feature(
      { kind: 'park', name: 'Lakeview Park' },
      { type: 'Polygon', coordinates: [orient(ring(LAKEVIEW_PARK), true)] },
    ),
    feature({ kind: 'water', name: 'Mirror Lake' }, { type: 'Polygon', coordinates: [orient(ring(LAKE), true)] }),
    feature({ kind: 'river', name: 'Rock River' }, { type: 'LineString', coordinates: line(RIVER_NORTH) }),
    feature({ kind: 'river', name: 'Rock River' }, { type: 'LineString', coordinates: line(RIVER_SOUTH) }),
    ...downtownBuildings(),
  ];
  for (const [name, cls, points] of STREETS) {
    for (const part of clipOutside(points, LAKE)) {
      features.push(feature({ kind: 'road', class: cls, name }, { type: 'LineString', coordinates: line(part) }));
    }
  }
  features.push(
    feature(
      { kind: 'road', class: 'residential', name: 'Willowbend Ct' },
      { type: 'LineString', coordinates: line(CUL_DE_SAC) },
    ),
  );
  return { type: 'FeatureCollection', features };
}

function boundary() {
  return {
    type: 'FeatureCollection',
    features: [
      feature(
        { name: 'Demo City', kind: 'city-limits', note: 'The County Fairgrounds (the hole) are not part of the city.' },
        {
          type: 'Polygon',
          coordinates: [orient(ring(CITY_LIMITS), true), orient(ring(FAIRGROUNDS), false)],
        },
      ),
    ],
  };
}

/** Metres per screen pixel at this zoom, here (MapLibre's 512 px tiles). */
const metresPerPixel = (zoom) => ((2 * Math.PI * 6378137) / 512 / 2 ** zoom) * Math.cos((CENTRE.lat * Math.PI) / 180);
/** A line as wide on screen as `metres` on the ground, but never thinner than half a pixel. */
const px = (zoom, metres) =>
  zoom <= 12 ? Math.max(0.5, round6(metres / metresPerPixel(zoom))) : round6(metres / metresPerPixel(zoom));
const roadWidth = (metres) => ['interpolate', ['exponential', 2], ['zoom'], 12, px(12, metres), 20, px(20, metres)];
/** The same, by road class (one zoom interpolation, a match at each stop: MapLibre allows no other nesting). */
const roadWidthByClass = (primary, secondary, residential) => [
  'interpolate',
  ['exponential', 2],
  ['zoom'],
  ...[12, 20].flatMap((zoom) => [
    zoom,
    ['match', ['get', 'class'], 'primary', px(zoom, primary), 'secondary', px(zoom, secondary), px(zoom, residential)],
  ]),
];
const byClass = (primary, secondary, residential) => [
  'match',
  ['get', 'class'],
  'primary',
  primary,
  'secondary',
  secondary,
  residential,
];
const isKind = (kind) => ['==', ['get', 'kind'], kind];

function style() {
  return {
    version: 8,
    name: 'Demo City (offline)',
    metadata: {
      'citizen-portal:about':
        'Generated by scripts/build/make-demo-basemap.mjs. Only local GeoJSON: works with no internet. No labels (no glyphs).',
    },
    center: [CENTRE.long, CENTRE.lat],
    zoom: 15,
    sources: {
      town: {
        type: 'geojson',
        data: 'demo-town.geojson',
        attribution: 'Demo City basemap: made up, CC0',
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e9ecdc' } },
      {
        id: 'landuse-residential',
        type: 'fill',
        source: 'town',
        filter: ['all', isKind('landuse'), ['==', ['get', 'class'], 'residential']],
        paint: { 'fill-color': '#f4f1ea' },
      },
      {
        id: 'landuse-fairground',
        type: 'fill',
        source: 'town',
        filter: ['all', isKind('landuse'), ['==', ['get', 'class'], 'fairground']],
        paint: { 'fill-color': '#ece2cc', 'fill-outline-color': '#d6c7a4' },
      },
      {
        id: 'park',
        type: 'fill',
        source: 'town',
        filter: isKind('park'),
        paint: { 'fill-color': '#cde6bf', 'fill-outline-color': '#a6cc93' },
      },
      {
        id: 'water',
        type: 'fill',
        source: 'town',
        filter: isKind('water'),
        paint: { 'fill-color': '#a9cdee' },
      },
      {
        id: 'river',
        type: 'line',
        source: 'town',
        filter: isKind('river'),
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#a9cdee', 'line-width': roadWidth(30) },
      },
      {
        id: 'building',
        type: 'fill',
        source: 'town',
        minzoom: 14,
        filter: isKind('building'),
        paint: { 'fill-color': '#ddd4ca', 'fill-outline-color': '#c2b6a9' },
      },
      {
        id: 'road-casing',
        type: 'line',
        source: 'town',
        filter: isKind('road'),
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': '#c9c1b4',
          'line-width': roadWidthByClass(20, 16, 12),
        },
      },
      {
        id: 'road',
        type: 'line',
        source: 'town',
        filter: isKind('road'),
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': byClass('#fbe3a3', '#ffffff', '#ffffff'),
          'line-width': roadWidthByClass(16, 12.5, 9),
        },
      },
    ],
  };
}

async function write(name, data) {
  const config = (await prettier.resolveConfig(fileURLToPath(new URL(name, OUT)))) ?? {};
  const text = await prettier.format(JSON.stringify(data), { ...config, parser: 'json' });
  writeFileSync(new URL(name, OUT), text);
  return Buffer.byteLength(text);
}

mkdirSync(OUT, { recursive: true });
for (const [name, data] of [
  ['demo-town.geojson', town()],
  ['boundary.geojson', boundary()],
  ['style.json', style()],
]) {
  const bytes = await write(name, data);
  console.log(`demo/map/${name}`.padEnd(30), `${(bytes / 1024).toFixed(1)} KB`);
}
