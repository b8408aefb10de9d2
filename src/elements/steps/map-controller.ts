/**
 * The location step's map, owned from start to end by one controller: created after the step's first render
 * (maplibre, its own chunk, arrives then), kept in step with the draft both ways (pin → coordinates, coordinates →
 * pin), destroyed when the step's element leaves the page. It holds no state the report needs: the draft has it
 * all. The map is never the only way: without it (not configured, no WebGL, offline) the fields still work.
 */
import type { ReactiveController } from 'lit';
import type { Feature, FeatureCollection } from 'geojson';
import type { PinMap } from '../../map/pin-map';
import { boundsOf, isInside } from '../../map/geometry';
import { parseMapConfig, type MapConfig } from '../../schema/map-config';
import { draftPoint } from '../../schema/location-and-details';
import type { ServiceRequest } from '../../schema/request';
import type { LocationHost } from './step-element';

export type MapStatus = 'none' | 'loading' | 'ready' | 'failed';

export class MapController implements ReactiveController {
  status: MapStatus = 'none';
  /** The city limits, once fetched. */
  boundary: Feature | FeatureCollection | undefined;
  private config: MapConfig | undefined;
  private map: PinMap | undefined;
  private abort: AbortController | undefined;
  /** The point the pin last showed, so the map moves only when the location really changed. */
  private last: string | undefined;
  /** The nearby reports last put on the map. */
  private nearbyKey: string | undefined;

  constructor(private readonly host: LocationHost) {
    host.addController(this);
  }

  hostConnected(): void {
    const s = this.host.settings;
    const { config, problems } = parseMapConfig({
      'map-style': s.mapStyle,
      center: s.center,
      zoom: s.zoom,
      boundary: s.boundary,
    });
    for (const problem of problems)
      console.error(
        `citizen-portal: ${problem}. ${config ? 'The map is shown without it (with its default).' : 'The location step works without the map.'}`,
      );
    this.config = config;
    this.status = config ? 'loading' : 'none';
    this.abort = new AbortController();
    // After the first render, where the map's container is.
    if (config) void this.host.updateComplete.then(() => this.mount(config, this.abort!.signal));
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.map?.destroy();
    this.map = this.last = this.nearbyKey = undefined;
  }

  /** After each render: the draft may have changed (typed, GPS, a photo, an address): the pin follows. */
  hostUpdated(): void {
    this.follow();
  }

  /** Where address suggestions look first: the city's limits, or around the map's centre ([w, s, e, n]). */
  bounds(): [number, number, number, number] | undefined {
    const b = this.boundary && boundsOf(this.boundary);
    if (b) return [b[0][0], b[0][1], b[1][0], b[1][1]];
    const c = this.config?.center;
    return c && [c[0] - 0.1, c[1] - 0.1, c[0] + 0.1, c[1] + 0.1];
  }

  private async mount(config: MapConfig, signal: AbortSignal): Promise<void> {
    const host = this.host;
    const m = host.words;
    try {
      const [engine, boundary] = await Promise.all([
        host.adapters.map(),
        config.boundary ? host.adapters.boundary(config.boundary, signal) : undefined,
      ]);
      const container = host.renderRoot.querySelector<HTMLElement>('#map');
      if (signal.aborted || !container) return;
      this.boundary = boundary;
      engine.adoptMapStyles(host.shadowRoot!);
      const map = await engine.createPinMap({
        container,
        style: config.style,
        center: draftPoint(host.flow.draft) ?? config.center,
        zoom: config.zoom,
        ...(boundary && { boundary }),
        strings: { mapLabel: m.mapLabel, instructions: m.mapInstructions, pin: m.pinLabel },
        signal,
      });
      if (signal.aborted) return map.destroy();
      this.map = map;
      this.status = 'ready';
      map.setPin(draftPoint(host.flow.draft));
      this.last = String(draftPoint(host.flow.draft));
      map.onPinMove((lngLat, inside) => this.placed(lngLat, inside));
    } catch (e) {
      if (signal.aborted) return;
      console.error('citizen-portal: the map could not be shown:', e);
      this.status = 'failed';
    }
    host.requestUpdate();
  }

  /** The resident put the pin somewhere (tap, drag, keyboard, or "Set location here"): the draft follows. */
  private placed([long, lat]: [number, number], inside: boolean | undefined): void {
    const [la, lo] = [lat.toFixed(6), long.toFixed(6)];
    this.last = String([Number(lo), Number(la)]);
    this.host.flow.set({ lat: la, long: lo, outside: inside === false });
    this.host.pinPlaced(lat, long);
  }

  /**
   * "Set location here": the pin goes under the crosshair at the map's centre. On a phone, moving the map under a
   * fixed crosshair is easier than hitting a spot with a finger that hides it.
   */
  setHere(): void {
    if (!this.map) return;
    const centre = this.map.center();
    this.map.setPin(centre);
    this.placed(centre, this.boundary ? isInside(this.boundary, centre) : undefined);
  }

  /** Shows the accuracy of a GPS fix around the pin. */
  showAccuracy(lngLat: [number, number], meters: number): void {
    this.map?.showAccuracy(lngLat, meters);
  }

  /** After a location came from elsewhere (typed, GPS, a photo): the pin follows, and the boundary is checked. */
  private follow(): void {
    const flow = this.host.flow;
    const point = draftPoint(this.host.flow.draft);
    if (this.map && String(point) !== this.last) {
      this.last = String(point);
      this.map.setPin(point, { fly: true });
    }
    const outside = !!(point && this.boundary && !isInside(this.boundary, point));
    if (outside !== flow.draft.outside) flow.set({ outside });
  }

  /**
   * Open reports nearby, as markers: each one a button, named as in the list below the map. Redrawn only when
   * that list changes, not on every render (each keystroke in the address field renders).
   */
  showNearby(close: ReadonlyArray<{ request: ServiceRequest; meters: number }>, choose: (r: ServiceRequest) => void) {
    const key = close.map((c) => `${c.request.service_request_id}:${Math.round(c.meters)}`).join();
    if (!this.map || key === this.nearbyKey) return;
    this.nearbyKey = key;
    const m = this.host.words;
    this.map.setNearby(
      close.map(({ request: r, meters }) => ({
        id: r.service_request_id,
        lngLat: [r.long!, r.lat!],
        label: m.nearbyMarker(r.service_name ?? '', Math.round(meters)),
      })),
      (id) => {
        const hit = close.find((c) => c.request.service_request_id === id);
        if (hit) choose(hit.request);
      },
    );
  }
}
