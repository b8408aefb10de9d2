/**
 * The map of the location step: mounted when the step shows (maplibre is its own chunk, fetched then), kept in
 * step with the draft both ways (pin → coordinates, coordinates → pin), destroyed when the step goes or the
 * element leaves the page. Part of the later steps' chunk; it holds no state the form needs: the draft has it all.
 * The map is never the only way: without it (not configured, no WebGL, offline) the fields below still work.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { fetchBoundary } from '../backend/geojson';
import { withLater } from '../i18n/later';
import type { Feature, FeatureCollection } from 'geojson';
import { isInside } from '../map/geometry';
import { loadedMap } from '../map/loaded';
import type { PinMap } from '../map/pin-map';
import { parseMapConfig, type MapConfig } from '../schema/map-config';
import { parseCoordinate } from '../schema/validate-rest';
import type { ReportForm } from './report-form';
import { portalAttribute } from './portal-attribute';
import type { ServiceRequest } from '../schema/request';
import { trackInstead as onNearby } from './nearby';
import { reverseFill, setBoundsSource } from './address-search';
import { boundsOf } from '../map/geometry';

// Address suggestions look first inside the city's limits (or around the map's centre).
setBoundsSource((host) => {
  const state = states.get(host);
  const b = state?.boundary && boundsOf(state.boundary);
  if (b) return [b[0][0], b[0][1], b[1][0], b[1][1]];
  const c = state?.config.center;
  return c && [c[0] - 0.1, c[1] - 0.1, c[0] + 0.1, c[1] + 0.1];
});

interface MapState {
  config: MapConfig;
  status: 'loading' | 'ready' | 'failed';
  map?: PinMap;
  boundary?: Feature | FeatureCollection | undefined;
  /** The point the pin last showed, so the map moves only when the location really changed. */
  last?: string;
  /** The nearby reports last put on the map. */
  nearby?: string;
}
const states = new WeakMap<ReportForm, MapState>();

/** The settings are attributes of <citizen-portal> itself, read when the map is first needed. */
function configOf(host: ReportForm): MapConfig | undefined {
  const read = (name: string) => portalAttribute(host, name);
  const { config, problem } = parseMapConfig({
    'map-style': read('map-style'),
    center: read('center'),
    zoom: read('zoom'),
    boundary: read('boundary'),
  });
  if (problem) console.error(`citizen-portal: ${problem}. The location step works without the map.`);
  return config;
}

/** The draft's coordinates as [lng, lat], when both are valid. */
function draftPoint(host: ReportForm): [number, number] | undefined {
  const lat = parseCoordinate(host.draft.lat, 90);
  const long = parseCoordinate(host.draft.long, 180);
  return lat !== undefined && long !== undefined ? [long, lat] : undefined;
}

async function mount(host: ReportForm, state: MapState): Promise<void> {
  const m = withLater(host.messages);
  const signal = host.abort.signal;
  try {
    const [pinMap, boundary] = await Promise.all([
      import('../map/pin-map'),
      state.config.boundary ? fetchBoundary(state.config.boundary, signal) : undefined,
    ]);
    state.boundary = boundary;
    loadedMap.module = pinMap;
    const root = host.shadowRoot!;
    pinMap.adoptMapStyles(root);
    const container = root.querySelector<HTMLElement>('#map');
    if (!container || states.get(host) !== state) return; // the resident moved on meanwhile
    const map = await pinMap.createPinMap({
      container,
      style: state.config.style,
      center: draftPoint(host) ?? state.config.center,
      zoom: state.config.zoom,
      ...(boundary && { boundary }),
      strings: { mapLabel: m.mapLabel, instructions: m.mapInstructions, pin: m.pinLabel },
      signal,
    });
    if (states.get(host) !== state) return map.destroy();
    state.map = map;
    state.status = 'ready';
    map.setPin(draftPoint(host));
    state.last = String(draftPoint(host));
    map.onPinMove((lngLat, inside) => placed(host, state, lngLat, inside));
    signal.addEventListener('abort', () => unmountMap(host), { once: true });
  } catch (e) {
    if (signal.aborted) return;
    console.error('citizen-portal: the map could not be shown:', e);
    state.status = 'failed';
  }
  host.requestUpdate();
}

/** The resident put the pin somewhere (tap, drag, keyboard, or "Set location here"): the draft follows. */
function placed(host: ReportForm, state: MapState, [long, lat]: [number, number], inside: boolean | undefined): void {
  const [la, lo] = [lat.toFixed(6), long.toFixed(6)];
  state.last = String([Number(lo), Number(la)]);
  host.setDraft({ lat: la, long: lo, outside: inside === false });
  host.geoMessage = withLater(host.messages).pinPlaced(la, lo);
  void reverseFill(host, lat, long);
}

/**
 * "Set location here": the pin goes under the crosshair at the map's centre. On a phone, moving the map under a
 * fixed crosshair is easier than hitting a spot with a finger that hides it.
 */
function setHere(host: ReportForm, state: MapState): void {
  if (!state.map) return;
  const centre = state.map.center();
  state.map.setPin(centre);
  placed(host, state, centre, state.boundary ? isInside(state.boundary, centre) : undefined);
}

/** Called when the location step is left: the map goes, the draft keeps the pin. */
export function unmountMap(host: ReportForm): void {
  states.get(host)?.map?.destroy();
  states.delete(host);
}

/** After a location came from elsewhere (typed, GPS, a photo): the pin follows, and the boundary is checked. */
function follow(host: ReportForm, state: MapState): void {
  const point = draftPoint(host);
  if (state.map && String(point) !== state.last) {
    state.last = String(point);
    state.map.setPin(point, { fly: true });
  }
  const outside = !!(point && state.boundary && !isInside(state.boundary, point));
  if (outside !== host.draft.outside) host.setDraft({ outside });
}

/** Shows the accuracy of a GPS fix around the pin. */
export function showAccuracy(host: ReportForm, lngLat: [number, number], meters: number): void {
  states.get(host)?.map?.showAccuracy(lngLat, meters);
}

export function renderMap(
  host: ReportForm,
  close: Array<{ request: ServiceRequest; meters: number }> = [],
): TemplateResult | typeof nothing {
  let state = states.get(host);
  if (!state) {
    const config = configOf(host);
    if (!config) return nothing;
    state = { config, status: 'loading' };
    states.set(host, state);
    void host.updateComplete.then(() => mount(host, state!));
  } else {
    // Render time is when the draft may have changed: let the pin and the boundary check catch up after it.
    const s = state;
    void host.updateComplete.then(() => {
      follow(host, s);
      // Open reports nearby, as markers: each one a button, named as in the list below the map. Redrawn only
      // when that list changes, not on every render (each keystroke in the address field renders).
      const key = close.map((c) => `${c.request.service_request_id}:${Math.round(c.meters)}`).join();
      if (!s.map || key === s.nearby) return;
      s.nearby = key;
      const m = withLater(host.messages);
      s.map.setNearby(
        close.map(({ request: r, meters }) => ({
          id: r.service_request_id,
          lngLat: [r.long!, r.lat!],
          label: m.nearbyMarker(r.service_name ?? '', Math.round(meters)),
        })),
        (id) => {
          const hit = close.find((c) => c.request.service_request_id === id);
          if (hit) onNearby(host, hit.request);
        },
      );
    });
  }
  const m = withLater(host.messages);
  const ready = state.status === 'ready';
  return html`<div class="field" part="map">
    <div class="map-frame" ?hidden=${state.status === 'failed'}>
      <div id="map" class="map"></div>
      <span class="crosshair" aria-hidden="true" ?hidden=${!ready}></span>
    </div>
    ${
      ready
        ? html`<button type="button" class="secondary" @click=${() => setHere(host, state!)}>${m.setHere}</button>`
        : html`<p class="hint">${state.status === 'loading' ? m.mapLoading : m.mapUnavailable}</p>`
    }
  </div>`;
}
