/**
 * The one place where the widget's outside world is assembled from the settings: the Open311 backend (or the
 * city's own), the geocoder, the city limits and the map engine. Elements receive the result and see interfaces
 * only: they never fetch and never import maplibre. What only a later step needs is imported when first used, so
 * none of it weighs on the first screen.
 */
import { formToken } from './backend/form-token';
import { createOpen311Backend } from './backend/open311';
import type { Backend } from './backend/types';
import type { Geocoder } from './backend/geocoder';
import type { Config } from './schema/config';
import type * as PinMapModule from './map/pin-map';
import type { Feature, FeatureCollection } from 'geojson';

export type PinMapEngine = typeof PinMapModule;

export interface Adapters {
  backend: Backend;
  /** Address suggestions and the address of a pin, when the city set `geocoder`. */
  geocoder?: () => Promise<Geocoder>;
  /** The city limits at `url` (fetched once per URL; a failure is tried again next time). */
  boundary(url: string, signal?: AbortSignal): Promise<Feature | FeatureCollection>;
  /** The map engine (maplibre, ~300 KB): loaded by the location step. */
  map(): Promise<PinMapEngine>;
  /**
   * The map engine if something on the page has loaded it already: the tracker shows a small map of a request
   * only then, and never loads maplibre for that alone.
   */
  loadedMap(): PinMapEngine | undefined;
}

let engine: Promise<PinMapEngine> | undefined;
let loadedEngine: PinMapEngine | undefined;

/** Builds the adapters for one configuration; `own` is a backend the webmaster set (any protocol). */
export function createAdapters(config: Config, locale: string, own?: Backend): Adapters {
  const { endpoint, jurisdiction, apiKey, format, localeParam, mediaUpload, timeout, geocoder, gateway } = config;
  // A gateway's form token is asked for as the form starts (it refuses reports filed faster than a person can).
  const token = gateway ? formToken(`${gateway}/form-token`) : undefined;
  const formFields = token && (() => token);
  const backend =
    own ??
    createOpen311Backend({
      ...{ endpoint, jurisdiction, apiKey, format, localeParam, mediaUpload },
      ...(formFields && { formFields }),
      lang: locale,
      ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
    });
  let places: Promise<Geocoder> | undefined;
  return {
    backend,
    ...(geocoder && {
      geocoder: () => (places ??= import('./backend/geocoder').then((g) => g.createGeocoder(geocoder))),
    }),
    boundary: (url, signal) => import('./backend/geojson').then((g) => g.fetchBoundary(url, signal)),
    map: () =>
      (engine ??= import('./map/pin-map').then(
        (m) => (loadedEngine = m),
        (e: unknown) => {
          engine = undefined;
          throw e;
        },
      )),
    loadedMap: () => loadedEngine,
  };
}
