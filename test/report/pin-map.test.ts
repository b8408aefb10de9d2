/**
 * The map adapter (src/map/, issue #5) in a real headless Chromium with WebGL (SwiftShader): the demo's offline
 * style, inside a shadow root, driven by real mouse and keyboard input (@web/test-runner-commands).
 *
 * The worker: unbundled, there is no maplibre-gl-worker.mjs next to src/map/worker.ts, so every map here names
 * maplibre's own file, which the adapter fetches and hands to maplibre as a blob: URL — the same path a build on a
 * CDN takes. The last tests prove that path under a CSP with only `worker-src blob:`, in fresh iframes.
 */
import { attributionNodes } from '../../src/map/attribution';
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { getWorkerUrl } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  createPinMap,
  cssText,
  isInside,
  PinMapError,
  type PinMap,
  type PinMapOptions,
} from '../../src/map/pin-map.js';
import { boundsOf, distanceMeters } from '../../src/map/geometry.js';

const WORKER = '/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs';
const STYLE = '/demo/map/style.json';
const CENTRE: [number, number] = [-90.5, 41.5];
const ZOOM = 15;
const SIZE = { width: 480, height: 320 };
const STRINGS = {
  mapLabel: 'Map: where is the problem?',
  instructions: 'Arrow keys move the map, + and - zoom, Enter or Space puts the pin at the centre.',
  pin: 'Location of the problem',
};
const boundary = (await (await fetch('/demo/map/boundary.geojson')).json()) as FeatureCollection;

// --- helpers --------------------------------------------------------------------------------------------------

/** Web Mercator with MapLibre's 512 px tiles: where a screen offset from the centre lands. */
function offsetLngLat(center: [number, number], zoom: number, dx: number, dy: number): [number, number] {
  const world = 512 * 2 ** zoom;
  const x = ((center[0] + 180) / 360) * world + dx;
  const yOf = (lat: number) =>
    ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360) * world;
  const y = yOf(center[1]) + dy;
  const lng = (x / world) * 360 - 180;
  const lat = (360 / Math.PI) * Math.atan(Math.exp(((180 - (y / world) * 360) * Math.PI) / 180)) - 90;
  return [lng, lat];
}

/** Degrees per screen pixel at ZOOM, longitude-wise: tolerances in pixels. */
const PX = 360 / (512 * 2 ** ZOOM);

interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
  container: HTMLElement;
  map: PinMap;
  moves: Array<{ lngLat: [number, number]; inside: boolean | undefined }>;
}

const mounted: Mounted[] = [];

async function mount(options: Partial<PinMapOptions> = {}, host?: HTMLElement): Promise<Mounted> {
  if (!host) {
    host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText());
    root.adoptedStyleSheets = [sheet];
    const container = document.createElement('div');
    container.style.width = `${SIZE.width}px`;
    container.style.height = `${SIZE.height}px`;
    root.append(container);
  }
  const root = host.shadowRoot!;
  const container = root.querySelector('div')!;
  const map = await createPinMap({
    container,
    style: STYLE,
    center: CENTRE,
    zoom: ZOOM,
    boundary,
    strings: STRINGS,
    workerUrl: WORKER,
    ...options,
  });
  const moves: Mounted['moves'] = [];
  map.onPinMove((lngLat, inside) => moves.push({ lngLat, inside }));
  const m = { host, root, container, map, moves };
  mounted.push(m);
  return m;
}

const canvasOf = (m: Mounted) => m.root.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
const centreOf = (el: Element): [number, number] => {
  const r = el.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
};
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
async function until<T>(check: () => T | undefined | false, what: string, timeout = 4000): Promise<T> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
function expectLngLat(actual: [number, number] | undefined, expected: [number, number], tolerance: number) {
  expect(actual, 'a position').to.be.an('array');
  expect(actual![0], 'longitude').to.be.closeTo(expected[0], tolerance);
  expect(actual![1], 'latitude').to.be.closeTo(expected[1], tolerance);
}

afterEach(async () => {
  await resetMouse();
  for (const m of mounted.splice(0)) {
    m.map.destroy();
    m.host.remove();
  }
});

// --- tests ----------------------------------------------------------------------------------------------------

describe('createPinMap', () => {
  it('loads the offline demo style inside a shadow root, as a named, described, focusable region', async () => {
    const m = await mount();
    const canvas = canvasOf(m);
    expect(canvas, 'the canvas is in the shadow root').to.exist;
    expect(canvas.width).to.be.greaterThan(0);
    expect(canvas.getAttribute('role')).to.equal('region');
    expect(canvas.getAttribute('aria-label')).to.equal(STRINGS.mapLabel);
    expect(canvas.tabIndex).to.equal(0);
    const help = m.root.getElementById(canvas.getAttribute('aria-describedby')!);
    expect(help?.textContent).to.equal(STRINGS.instructions);
    // maplibre's CSS reached the shadow root (its own canary check would warn otherwise).
    expect(getComputedStyle(canvas).position).to.equal('absolute');
    expect(m.map.center()).to.deep.equal(CENTRE);
  });

  it('runs maplibre in a worker started from a blob: copy of the worker file', async () => {
    await mount();
    expect(getWorkerUrl()).to.match(/^blob:/);
  });

  it('rejects with a PinMapError when the style cannot be loaded', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const container = document.createElement('div');
    container.style.height = '100px';
    host.append(container);
    try {
      const error = await createPinMap({
        container,
        style: '/demo/map/no-such-style.json',
        center: CENTRE,
        zoom: ZOOM,
        strings: STRINGS,
        workerUrl: WORKER,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(PinMapError);
      expect((error as PinMapError).kind).to.equal('style');
      expect((error as PinMapError).name).to.equal('PinMapError');
      expect(container.children, 'the failed map was removed').to.have.length(0);
    } finally {
      host.remove();
    }
  });
});

describe('createPinMap, cancelled', () => {
  it('an abort while loading removes the map and rejects with the reason', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const container = document.createElement('div');
    container.style.height = '100px';
    host.append(container);
    try {
      const controller = new AbortController();
      const pending = createPinMap({
        container,
        style: STYLE,
        center: CENTRE,
        zoom: ZOOM,
        strings: STRINGS,
        workerUrl: WORKER,
        signal: controller.signal,
      });
      await until(() => container.querySelector('canvas'), 'the map to start');
      controller.abort(new DOMException('Disconnected', 'AbortError'));
      const error = await pending.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as DOMException).name).to.equal('AbortError');
      expect(container.children).to.have.length(0);
    } finally {
      host.remove();
    }
  });
});

describe('placing the pin', () => {
  it('a click places the pin where clicked and reports the position, inside the city', async () => {
    const m = await mount();
    const rect = canvasOf(m).getBoundingClientRect();
    const [x, y] = [Math.round(rect.left + rect.width / 2 + 60), Math.round(rect.top + rect.height / 2 - 40)];
    await sendMouse({ type: 'click', position: [x, y] });
    await until(() => m.moves.length, 'onPinMove');
    const expected = offsetLngLat(CENTRE, ZOOM, x - (rect.left + rect.width / 2), y - (rect.top + rect.height / 2));
    expectLngLat(m.moves[0]!.lngLat, expected, 1e-7);
    expect(m.moves[0]!.inside).to.equal(true);
    const pin = m.root.querySelector('.maplibregl-marker.cp-pin');
    expect(pin, 'the pin').to.exist;
    expect(pin!.getAttribute('aria-label')).to.equal(STRINGS.pin);
  });

  it('Enter and Space on the focused map drop the pin at the centre', async () => {
    const m = await mount();
    const keys: KeyboardEvent[] = [];
    const onKey = (event: KeyboardEvent) => keys.push(event);
    document.addEventListener('keydown', onKey);
    canvasOf(m).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => m.moves.length === 1, 'the pin from Enter');
    expectLngLat(m.moves[0]!.lngLat, CENTRE, 1e-9);
    await sendKeys({ press: 'Space' });
    await until(() => m.moves.length === 2, 'the pin from Space');
    expectLngLat(m.moves[1]!.lngLat, CENTRE, 1e-9);
    expect(m.root.querySelectorAll('.cp-pin')).to.have.length(1);
    document.removeEventListener('keydown', onKey);
    expect(keys.find((k) => k.key === ' ')?.defaultPrevented, 'Space does not scroll the page').to.equal(true);
  });

  it('reports inside: false beyond the city limits and in the county enclave', async () => {
    const outside = await mount({ center: [-90.45, 41.5] });
    canvasOf(outside).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => outside.moves.length, 'onPinMove');
    expect(outside.moves[0]!.inside).to.equal(false);

    const noBoundary = await mount({ boundary: undefined });
    canvasOf(noBoundary).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => noBoundary.moves.length, 'onPinMove');
    expect(noBoundary.moves[0]!.inside, 'no boundary, no verdict').to.equal(undefined);
  });

  it('arrow keys pan the map and + zooms in (maplibre keyboard handler), without moving the pin', async () => {
    const m = await mount();
    m.map.setNearby(
      [
        { id: 'a', lngLat: offsetLngLat(CENTRE, ZOOM, -50, 0), label: 'A' },
        { id: 'b', lngLat: offsetLngLat(CENTRE, ZOOM, 50, 0), label: 'B' },
      ],
      () => {},
    );
    canvasOf(m).focus();
    await sendKeys({ press: 'ArrowRight' });
    const east = await until(() => m.map.center()[0] > CENTRE[0] + 50 * PX && m.map.center(), 'the pan east');
    await sendKeys({ press: 'ArrowUp' });
    await until(() => m.map.center()[1] > east[1] + 50 * PX * 0.7, 'the pan north');
    // Two markers 100 px apart are 200 px apart one zoom level later.
    const gap = () => {
      const [a, b] = [...m.root.querySelectorAll('.cp-nearby')].map((el) => centreOf(el)[0]);
      return b! - a!;
    };
    expect(gap()).to.be.closeTo(100, 2);
    await sendKeys({ press: '+' });
    await until(() => Math.abs(gap() - 200) < 2, 'the zoom in');
    await sendKeys({ press: '-' });
    await until(() => Math.abs(gap() - 100) < 2, 'the zoom out');
    expect(m.moves, 'panning and zooming leave the pin alone').to.have.length(0);
  });

  it('dragging the pin moves it and reports the new position', async () => {
    const m = await mount();
    m.map.setPin(CENTRE);
    expect(m.moves, 'setPin() is not a resident’s move').to.have.length(0);
    const pin = m.root.querySelector('.cp-pin')!;
    await nextFrame();
    const [x, y] = centreOf(pin).map(Math.round) as [number, number];
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 5; i++) await sendMouse({ type: 'move', position: [x + 16 * i, y + 8 * i] });
    await sendMouse({ type: 'up' });
    await until(() => m.moves.length, 'onPinMove after the drag');
    expect(m.moves, 'one report per drag').to.have.length(1);
    expectLngLat(m.moves[0]!.lngLat, offsetLngLat(CENTRE, ZOOM, 80, 40), 1.5 * PX);
    expect(m.moves[0]!.inside).to.equal(true);
    expect(m.map.center(), 'the map did not pan under the drag').to.deep.equal(CENTRE);
  });

  it('the focused pin moves with the arrow keys (maplibre’s keyboard drag), reported too', async () => {
    const m = await mount();
    m.map.setPin(CENTRE);
    const pin = m.root.querySelector<HTMLElement>('.cp-pin')!;
    expect(pin.getAttribute('role')).to.equal('button');
    pin.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => m.moves.length, 'onPinMove after a key');
    expect(m.moves.at(-1)!.lngLat[0]).to.be.greaterThan(CENTRE[0]);
  });

  it('setPin with fly brings a far pin into view; setPin(undefined) removes it', async () => {
    const m = await mount();
    const target: [number, number] = [-90.49, 41.505];
    m.map.setPin(target, { fly: true });
    await until(() => distanceMeters(m.map.center(), target) < 1, 'the flight', 8000);
    expect(m.root.querySelectorAll('.cp-pin')).to.have.length(1);
    m.map.setPin(undefined);
    expect(m.root.querySelectorAll('.cp-pin')).to.have.length(0);
  });

  it('off() stops the reports', async () => {
    const m = await mount();
    const seen: unknown[] = [];
    const off = m.map.onPinMove((lngLat) => seen.push(lngLat));
    canvasOf(m).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => seen.length === 1, 'the first report');
    off();
    await sendKeys({ press: 'Enter' });
    await until(() => m.moves.length === 2, 'the other listener');
    expect(seen).to.have.length(1);
  });
});

describe('nearby reports', () => {
  it('shows them as named buttons; clicking one selects it and does not move the pin', async () => {
    const m = await mount();
    const selected: string[] = [];
    m.map.setNearby(
      [
        { id: '101', lngLat: offsetLngLat(CENTRE, ZOOM, -80, 30), label: 'Pothole, 3 days ago' },
        { id: '102', lngLat: offsetLngLat(CENTRE, ZOOM, 90, -50), label: 'Streetlight out, today' },
      ],
      (id) => selected.push(id),
    );
    await nextFrame();
    const buttons = [...m.root.querySelectorAll<HTMLButtonElement>('button.cp-nearby')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Pothole, 3 days ago',
      'Streetlight out, today',
    ]);
    const [x, y] = centreOf(buttons[1]!).map(Math.round) as [number, number];
    const rect = canvasOf(m).getBoundingClientRect();
    expect(x - (rect.left + rect.width / 2)).to.be.closeTo(90, 1.5);
    await sendMouse({ type: 'click', position: [x, y] });
    await until(() => selected.length, 'onSelect');
    expect(selected).to.deep.equal(['102']);
    // And by keyboard.
    buttons[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => selected.length === 2, 'onSelect by keyboard');
    expect(selected[1]).to.equal('101');
    expect(m.moves, 'choosing a report is not placing the pin').to.have.length(0);
    expect(m.root.querySelectorAll('.cp-pin')).to.have.length(0);

    m.map.setNearby([{ id: '103', lngLat: CENTRE, label: 'Graffiti' }], (id) => selected.push(id));
    expect(m.root.querySelectorAll('button.cp-nearby')).to.have.length(1);
    m.map.setNearby([], () => {});
    expect(m.root.querySelectorAll('button.cp-nearby')).to.have.length(0);
  });

  it('showAccuracy draws a circle and removes it with 0 m, without errors', async () => {
    const m = await mount();
    m.map.showAccuracy(CENTRE, 120);
    m.map.showAccuracy(CENTRE, 0);
    m.map.showAccuracy(CENTRE, Number.NaN);
    expect(canvasOf(m)).to.exist;
  });
});

describe('destroy', () => {
  it('removes the map, its markers and help, and every listener it added; a second map then works', async () => {
    // Record listeners added to long-lived targets (window, document, the container and its host) during a map's
    // lifetime, and check destroy() removed each of them.
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const live = new Map<EventTarget, Set<string>>();
    const ids = new WeakMap<object, number>();
    let next = 0;
    const key = (type: string, listener: unknown, options?: boolean | EventListenerOptions) => {
      const fn = listener as object;
      if (!ids.has(fn)) ids.set(fn, ++next);
      const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
      return `${type}#${ids.get(fn)}${capture ? ':capture' : ''}`;
    };
    EventTarget.prototype.addEventListener = function (type, listener, options) {
      if (listener) {
        const k = key(type, listener, options);
        if (!live.has(this)) live.set(this, new Set());
        live.get(this)!.add(k);
        (typeof options === 'object' ? options.signal : undefined)?.addEventListener('abort', () =>
          live.get(this)?.delete(k),
        );
      }
      return add.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (type, listener, options) {
      if (listener) live.get(this)?.delete(key(type, listener, options));
      return remove.call(this, type, listener, options);
    };
    let m: Mounted;
    try {
      m = await mount();
      m.map.setPin(CENTRE);
      m.map.setNearby([{ id: '1', lngLat: CENTRE, label: 'One' }], () => {});
      m.map.showAccuracy(CENTRE, 50);
      canvasOf(m).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => m.moves.length, 'a report');
      m.map.destroy();
      m.map.destroy(); // idempotent
    } finally {
      EventTarget.prototype.addEventListener = add;
      EventTarget.prototype.removeEventListener = remove;
    }
    const leftover = [window, document, m.host, m.root, m.container].flatMap((t) => [...(live.get(t) ?? [])]);
    expect(leftover, 'listeners left on window, document or the container').to.deep.equal([]);
    expect(m.container.children, 'nothing left in the container').to.have.length(0);
    expect(m.container.className).to.not.contain('maplibregl');
    // Calls after destroy() are harmless.
    m.map.setPin(CENTRE);
    m.map.setNearby([{ id: '1', lngLat: CENTRE, label: 'One' }], () => {});
    m.map.showAccuracy(CENTRE, 50);

    const again = await mount({}, m.host);
    expect(again.container).to.equal(m.container);
    expect(again.root.querySelectorAll('canvas')).to.have.length(1);
    canvasOf(again).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => again.moves.length, 'a report from the second map');
    expect(m.moves, 'the first map’s listeners are gone').to.have.length(1);
  });
});

describe('isInside and the demo city limits', () => {
  const limits = boundary.features[0] as Feature<Polygon>;
  const [outer, hole] = limits.geometry.coordinates as [number[][], number[][]];
  const holeCentre = (): [number, number] => {
    const b = boundsOf({ type: 'Polygon', coordinates: [hole] })!;
    return [(b[0][0] + b[1][0]) / 2, (b[0][1] + b[1][1]) / 2];
  };

  it('the city centre and every seeded report with coordinates are inside', () => {
    expect(isInside(boundary, CENTRE)).to.equal(true);
    const seeds: Array<[number, number]> = [
      [0.0041, 0.0032],
      [-0.0012, -0.0021],
      [0.0113, -0.0087],
      [-0.0068, 0.0119],
      [0.0152, 0.0064],
      [-0.0097, -0.0143],
      [0.0024, -0.0104],
      [0.0047, 0.0051],
      [-0.0151, 0.0087],
    ];
    for (const [dLat, dLng] of seeds)
      expect(isInside(boundary, [-90.5 + dLng, 41.5 + dLat]), `${dLat},${dLng}`).to.equal(true);
  });

  it('points beyond the limits, and in the fairgrounds enclave (a hole), are outside', () => {
    expect(isInside(boundary, [-90.45, 41.5])).to.equal(false);
    expect(isInside(boundary, [-90.5, 41.6])).to.equal(false);
    expect(hole, 'the demo boundary has a hole').to.be.an('array');
    expect(isInside(boundary, holeCentre())).to.equal(false);
    expect(isInside({ type: 'Polygon', coordinates: [outer] }, holeCentre()), 'without the hole').to.equal(true);
  });

  it('accepts a Feature, a bare geometry, a MultiPolygon; nothing is inside no boundary', () => {
    const square = (x: number, y: number) => [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ];
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0)], [square(5, 5)]] };
    expect(isInside(multi, [5.5, 5.5])).to.equal(true);
    expect(isInside(multi, [3, 3])).to.equal(false);
    expect(isInside({ type: 'Feature', properties: {}, geometry: multi }, [0.5, 0.5])).to.equal(true);
    expect(isInside(limits, CENTRE)).to.equal(true);
    expect(isInside({ type: 'FeatureCollection', features: [] }, CENTRE)).to.equal(false);
    expect(isInside({ type: 'Point', coordinates: CENTRE }, CENTRE)).to.equal(false);
    expect(isInside(undefined, CENTRE)).to.equal(false);
    expect(isInside(multi, [Number.NaN, 0.5])).to.equal(false);
  });
});

describe('the worker under a CSP with only `worker-src blob:`', () => {
  /** A fresh page (its own maplibre, no worker yet) with a strict CSP, that creates a map and posts the outcome. */
  async function inFrame(
    workerUrl: string,
    { strict = true } = {},
  ): Promise<{ ok: boolean; detail: string; violations: string[] }> {
    const frame = document.createElement('iframe');
    frame.style.width = '320px';
    frame.style.height = '240px';
    const nonce = 'cp-map-test';
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      'worker-src blob:',
    ].join('; ');
    frame.srcdoc = `<!doctype html><html><head>
${strict ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}
</head><body><div id="map"></div>
<script type="module" nonce="${nonce}">
  const violations = [];
  addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective + ' ' + e.blockedURI));
  const { createPinMap, cssText } = await import('/src/map/pin-map.ts');
  const host = document.getElementById('map');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText());
  root.adoptedStyleSheets = [sheet];
  const container = document.createElement('div');
  container.style.width = '300px';
  container.style.height = '200px';
  root.append(container);
  try {
    const map = await createPinMap({ container, style: '${STYLE}', center: [${CENTRE.join(',')}], zoom: ${ZOOM},
      strings: { mapLabel: 'Map', instructions: 'Help', pin: 'Pin' }, workerUrl: '${workerUrl}', timeoutMs: 4000 });
    map.destroy();
    parent.postMessage({ ok: true, detail: 'loaded', violations }, '*');
  } catch (e) {
    parent.postMessage({ ok: false, detail: String(e), violations }, '*');
  }
</script></body></html>`;
    const result = new Promise<{ ok: boolean; detail: string; violations: string[] }>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow) return;
        removeEventListener('message', onMessage);
        resolve(event.data);
      };
      addEventListener('message', onMessage);
    });
    document.body.append(frame);
    try {
      return await result;
    } finally {
      frame.remove();
    }
  }

  it('loads the map when the worker code is fetched and started from a blob: URL', async () => {
    const result = await inFrame(WORKER);
    expect(result.detail).to.equal('loaded');
    expect(result.ok).to.equal(true);
  });

  it('without a CSP, a missing worker file falls back to maplibre’s own loading (same origin: works)', async () => {
    const result = await inFrame('/no/such/maplibre-gl-worker.mjs', { strict: false });
    expect(result.detail).to.equal('loaded');
  });

  it('under the CSP that same fallback is refused: the blob: copy is what makes the map work', async () => {
    const result = await inFrame('/no/such/maplibre-gl-worker.mjs');
    expect(result.ok, result.detail).to.equal(false);
    expect(result.detail).to.match(/^PinMapError: The map worker could not be started/);
    // (No assertion on result.violations: Chromium reports this refusal in its log, not as a page event.)
  });
});

describe('the map data attribution (ours, not maplibre’s: Trusted Types refuse its HTML parsing)', () => {
  it('keeps http(s) links as links and everything else as text, never markup', () => {
    const nodes = attributionNodes(
      '<a href="https://www.openstreetmap.org/copyright" target="_blank">&copy; OpenStreetMap</a> contributors ' +
        '<img src=x onerror="alert(1)"><a href="javascript:alert(1)">click</a> &amp; Demo',
    );
    const box = document.createElement('div');
    box.append(...nodes);
    expect(box.querySelectorAll('*').length, 'only the one link is an element').to.equal(1);
    const link = box.querySelector('a')!;
    expect(link.href).to.equal('https://www.openstreetmap.org/copyright');
    expect(link.textContent).to.equal('© OpenStreetMap');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(box.textContent).to.equal('© OpenStreetMap contributors click & Demo');
  });
});
