/**
 * PinMap: the one place that knows maplibre (issue #5; ../../../shared/design/STYLE.md, "Engines behind adapters").
 * No lit and no i18n here: the element passes every UI string in, creates a PinMap when the location step is
 * shown and destroys it on disconnect. Every listener added here is removed by destroy().
 *
 * Input, all of which end in onPinMove with the pin's [lng, lat] and whether it is inside the boundary:
 * - click or tap on the map places the pin;
 * - the pin is a draggable marker (by pointer, or by arrow keys while it has focus: maplibre's default marker);
 * - the map canvas is focusable, described by the keyboard help (shown while it has keyboard focus); maplibre's
 *   keyboard handler pans with the arrows and zooms with + and -; Enter or Space drops the pin at the centre.
 * setPin() moves the pin without calling onPinMove, like setting an input's value fires no `input` event.
 * With `interactive: false` (the tracker's card) it is a picture instead: no input at all, not focusable, an image
 * named by `mapLabel` and described by `instructions` (then where the pin is, not how to place it).
 *
 * This module loads maplibre: import it with import() only. isInside() and the rest of ./geometry.js are
 * re-exported for convenience; the core bundle should import them from ./geometry.js directly.
 */
import { Map as MapLibreMap, Marker } from 'maplibre-gl';
import type {
  ErrorEvent as MapErrorEvent,
  GeoJSONSource,
  MapMouseEvent,
  MarkerDragEvent,
  StyleSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { circle, isInside, type Boundary, type LngLat } from './geometry.js';
import { installBlobWorker } from './worker.js';
import { showAttribution } from './attribution.js';
import { resolveStyleUrls } from './style-urls.js';

export { isInside, boundsOf, distanceMeters, type Boundary, type Bounds, type LngLat } from './geometry.js';
export { adoptMapStyles, cssText } from './css.js';
export { WORKER_FILE, defaultWorkerUrl } from './worker.js';

export interface PinMapStrings {
  /** Accessible name of the map region, e.g. "Map: choose the location". */
  mapLabel: string;
  /** Keyboard help, the map's description, e.g. "Arrow keys move the map, + and - zoom, Enter puts the pin …". */
  instructions: string;
  /** Accessible name of the pin, e.g. "Location of the problem". */
  pin: string;
}

export interface PinMapOptions {
  /** An empty element with a size, in the same (shadow) root as the stylesheet from cssText(). */
  container: HTMLElement;
  /** A MapLibre style URL (relative URLs inside it resolve against it) or a style object. */
  style: string | object;
  center: [lng: number, lat: number];
  zoom: number;
  /** The jurisdiction: drawn as an outline; onPinMove reports whether the pin is inside. */
  boundary?: Feature | FeatureCollection;
  strings: PinMapStrings;
  /**
   * Where maplibre-gl-worker.mjs is, if not next to this module (the default once built). Only the first map of
   * the page fetches it; maplibre keeps one worker pool per page.
   */
  workerUrl?: string;
  /** Give up waiting for the first 'load' after this long (ms). Default 20 000. */
  timeoutMs?: number;
  /** Aborting it while the map loads removes the map and rejects with the signal's reason (element disconnected). */
  signal?: AbortSignal;
  /** maplibre's own UI strings, by its keys (e.g. 'AttributionControl.ToggleAttribution'), in the page's language. */
  locale?: Record<string, string>;
  /**
   * false: a static picture of where the pin is (no pan, zoom, click or keys; not a Tab stop; the pin cannot be
   * dragged). Default true.
   */
  interactive?: boolean;
}

export interface NearbyPoint {
  id: string;
  lngLat: [number, number];
  /** Accessible name and tooltip of its marker, e.g. "Pothole, reported 3 days ago, 40 m away". */
  label: string;
}

export interface PinMap {
  /** Moves (or, with undefined, removes) the pin without calling onPinMove; `fly` brings it into view. */
  setPin(lngLat: [number, number] | undefined, opts?: { fly?: boolean }): void;
  /** Called when the resident places or moves the pin; `inside` is undefined without a boundary. Returns off(). */
  onPinMove(cb: (lngLat: [number, number], inside: boolean | undefined) => void): () => void;
  /** The centre of the view (for a fixed crosshair's "Set location here"). */
  center(): [number, number];
  /** Replaces the nearby-report markers: focusable buttons named by `label`; activating one calls onSelect(id). */
  setNearby(points: NearbyPoint[], onSelect: (id: string) => void): void;
  /** Draws a GPS accuracy circle; meters <= 0 removes it. */
  showAccuracy(lngLat: [number, number], meters: number): void;
  /** Removes the map and everything this adapter added; idempotent. */
  destroy(): void;
}

export type PinMapErrorKind = 'webgl' | 'worker' | 'style' | 'timeout';

/** Why a map could not be shown; the element then offers search, coordinates and description only. */
export class PinMapError extends Error {
  override name = 'PinMapError';
  constructor(
    readonly kind: PinMapErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const PIN_COLOR = '#b3261e'; // >= 3:1 against the demo basemap's land, parks and water (WCAG 1.4.11)
const DEFAULT_TIMEOUT_MS = 20_000;
const FLY_MIN_ZOOM = 16;
const BOUNDARY = 'cp-boundary';
const ACCURACY = 'cp-accuracy';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

let helpIds = 0;

/** Creates the map in `options.container`; resolves after its first 'load', or rejects with a PinMapError. */
export async function createPinMap(options: PinMapOptions): Promise<PinMap> {
  const { container, strings, boundary, signal } = options;
  const interactive = options.interactive !== false;
  signal?.throwIfAborted();
  try {
    await installBlobWorker(options.workerUrl);
  } catch (error) {
    // Without the blob copy maplibre still tries its own way (fine same-origin, or with `worker-src <cdn>`).
    console.warn('citizen-portal: could not fetch the map worker; letting maplibre load it itself.', error);
  }
  signal?.throwIfAborted();

  const styleUrl = typeof options.style === 'string' ? new URL(options.style, document.baseURI).href : undefined;
  let map: MapLibreMap;
  try {
    map = new MapLibreMap({
      container,
      style: (styleUrl ?? options.style) as string | StyleSpecification,
      ...(styleUrl
        ? { transformStyle: (_: unknown, next: StyleSpecification) => resolveStyleUrls(next, styleUrl) }
        : {}),
      center: options.center,
      zoom: options.zoom,
      locale: { ...options.locale, 'Map.Title': strings.mapLabel, 'Marker.Title': strings.pin },
      // A pin map needs north up and no tilt: rotation only disorients, and the keyboard's Shift+arrows with it.
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      rollEnabled: false,
      maxPitch: 0,
      // Ours instead (./attribution.ts): maplibre's parses the style's HTML, which Trusted Types refuses.
      attributionControl: false,
      interactive,
    });
  } catch (error) {
    throw new PinMapError('webgl', `The map cannot be shown here: ${String(error)}`, { cause: error });
  }
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();

  try {
    await firstLoad(map, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal);
  } catch (error) {
    map.remove();
    throw error;
  }
  showAttribution(map);
  return new MaplibrePinMap(map, strings, boundary, interactive);
}

/** Waits for 'load'. Errors tied to a source (a tile, a missing data file) do not stop a map from loading. */
function firstLoad(map: MapLibreMap, timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      map.off('load', onLoad);
      map.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(signal?.reason);
    };
    const onLoad = () => {
      done();
      resolve();
    };
    const onError = (event: MapErrorEvent & { sourceId?: string }) => {
      if (event.sourceId) return;
      done();
      const message = event.error?.message ?? 'unknown error';
      // maplibre reports a worker it could not start (blocked by a CSP, say) through the same event.
      const kind = /\bworker\b/i.test(message) ? 'worker' : 'style';
      const what = kind === 'worker' ? 'The map worker could not be started' : 'The map style could not be loaded';
      reject(new PinMapError(kind, `${what}: ${message}`, { cause: event.error }));
    };
    const timer = setTimeout(() => {
      done();
      reject(new PinMapError('timeout', `The map did not load within ${timeoutMs} ms.`));
    }, timeoutMs);
    map.on('load', onLoad);
    map.on('error', onError);
    signal?.addEventListener('abort', onAbort);
  });
}

type PinListener = (lngLat: [number, number], inside: boolean | undefined) => void;

class MaplibrePinMap implements PinMap {
  private readonly listeners = new Set<PinListener>();
  private readonly offs: Array<() => void> = [];
  private readonly help: HTMLElement;
  private pin: Marker | undefined;
  private nearby: Array<{ marker: Marker; off: () => void }> = [];
  private destroyed = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly strings: PinMapStrings,
    private readonly boundary: Boundary | undefined,
    private readonly interactive = true,
  ) {
    const canvas = map.getCanvas();
    // The help must share the canvas's root for aria-describedby, and follow it for the CSS sibling rule.
    this.help = document.createElement('div');
    this.help.id = `cp-map-help-${++helpIds}`;
    this.help.className = 'cp-map-help';
    this.help.textContent = strings.instructions;
    map.getCanvasContainer().append(this.help);
    canvas.setAttribute('aria-describedby', this.help.id);

    this.addOverlays();
    if (!interactive) {
      // A picture of a place (issue #13): an image with a description, never a Tab stop or a click target.
      canvas.setAttribute('role', 'img');
      canvas.removeAttribute('tabindex');
      return;
    }
    this.listen(map, 'click', this.handleClick);
    canvas.addEventListener('keydown', this.handleKeydown);
    this.offs.push(() => canvas.removeEventListener('keydown', this.handleKeydown));
  }

  setPin(lngLat: [number, number] | undefined, opts: { fly?: boolean } = {}): void {
    if (this.destroyed) return;
    if (!lngLat) {
      this.removePin();
      return;
    }
    if (!this.pin) {
      this.pin = new Marker({ draggable: this.interactive, color: PIN_COLOR, className: 'cp-pin' });
      this.pin.getElement().setAttribute('aria-label', this.strings.pin);
      // In a picture the description says where the pin is: the pin is not a second image.
      if (!this.interactive) this.pin.getElement().setAttribute('aria-hidden', 'true');
      this.pin.on('dragend', this.handleDragEnd);
      this.pin.setLngLat(lngLat).addTo(this.map);
    } else {
      this.pin.setLngLat(lngLat);
    }
    if (opts.fly) this.map.flyTo({ center: lngLat, zoom: Math.max(this.map.getZoom(), FLY_MIN_ZOOM) });
  }

  onPinMove(cb: PinListener): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  center(): [number, number] {
    const { lng, lat } = this.map.getCenter();
    return [lng, lat];
  }

  setNearby(points: NearbyPoint[], onSelect: (id: string) => void): void {
    if (this.destroyed) return;
    this.clearNearby();
    for (const point of points) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'cp-nearby';
      button.title = point.label;
      button.setAttribute('aria-label', point.label);
      button.dataset.id = point.id;
      const onClick = (event: MouseEvent) => {
        event.stopPropagation();
        onSelect(point.id);
      };
      button.addEventListener('click', onClick);
      const marker = new Marker({ element: button }).setLngLat(point.lngLat).addTo(this.map);
      this.nearby.push({ marker, off: () => button.removeEventListener('click', onClick) });
    }
  }

  showAccuracy(lngLat: [number, number], meters: number): void {
    if (this.destroyed) return;
    const source = this.map.getSource<GeoJSONSource>(ACCURACY);
    if (!source) return;
    const show = Number.isFinite(meters) && meters > 0;
    source.setData(show ? { type: 'Feature', properties: {}, geometry: circle(lngLat, meters) } : EMPTY);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.listeners.clear();
    this.clearNearby();
    this.removePin();
    for (const off of this.offs.splice(0).reverse()) off();
    this.help.remove();
    this.map.remove();
  }

  // --- handlers -------------------------------------------------------------------------------------------

  private readonly handleClick = (event: MapMouseEvent) => {
    // Clicks on a marker or a control bubble through the canvas container too; only the map itself places the pin.
    if (event.originalEvent.target !== this.map.getCanvas()) return;
    this.place([event.lngLat.lng, event.lngLat.lat]);
  };

  private readonly handleKeydown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault(); // Space would scroll the page
    this.place(this.center());
  };

  private readonly handleDragEnd = (event: MarkerDragEvent) => {
    const { lng, lat } = event.target.getLngLat();
    this.notify([lng, lat]);
  };

  // --- internals ------------------------------------------------------------------------------------------

  private place(lngLat: [number, number]) {
    this.setPin(lngLat);
    this.notify(lngLat);
  }

  private notify(lngLat: [number, number]) {
    const inside = this.boundary ? isInside(this.boundary, lngLat) : undefined;
    for (const cb of [...this.listeners]) cb(lngLat, inside);
  }

  private removePin() {
    if (!this.pin) return;
    this.pin.off('dragend', this.handleDragEnd);
    this.pin.remove();
    this.pin = undefined;
  }

  private clearNearby() {
    for (const { marker, off } of this.nearby.splice(0)) {
      off();
      marker.remove();
    }
  }

  private listen(map: MapLibreMap, type: 'click', handler: (event: MapMouseEvent) => void) {
    map.on(type, handler);
    this.offs.push(() => map.off(type, handler));
  }

  /** The boundary outline (a white casing under a dashed line, visible on any basemap) and the accuracy circle. */
  private addOverlays() {
    const map = this.map;
    map.addSource(ACCURACY, { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: `${ACCURACY}-fill`,
      type: 'fill',
      source: ACCURACY,
      paint: { 'fill-color': '#1d4f91', 'fill-opacity': 0.12 },
    });
    map.addLayer({
      id: `${ACCURACY}-line`,
      type: 'line',
      source: ACCURACY,
      paint: { 'line-color': '#1d4f91', 'line-width': 1.5, 'line-opacity': 0.7 },
    });
    if (!this.boundary) return;
    map.addSource(BOUNDARY, { type: 'geojson', data: this.boundary as Feature | FeatureCollection });
    map.addLayer({
      id: `${BOUNDARY}-casing`,
      type: 'line',
      source: BOUNDARY,
      paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.8 },
    });
    map.addLayer({
      id: `${BOUNDARY}-line`,
      type: 'line',
      source: BOUNDARY,
      paint: { 'line-color': '#6a1b9a', 'line-width': 2.5, 'line-dasharray': [3, 2] },
    });
  }
}
