/**
 * The one place where the widget's outside world is assembled from the settings: the Open311 backend (or the
 * city's own), the geocoder, the city limits and the map engine. Elements receive the result and see interfaces
 * only: they never fetch and never import maplibre. What only a later step needs is imported when first used, so
 * none of it weighs on the first screen.
 */
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
  /**
   * The map engine (maplibre, ~300 KB), loaded when first asked for: by the location step, or by the tracker's
   * card when it shows a request with a place (issue #13: opened from a link, the card has its map too).
   */
  map(): Promise<PinMapEngine>;
}

let engine: Promise<PinMapEngine> | undefined;

/** Builds the adapters for one configuration; `own` is a backend the webmaster set (any protocol). */
export function createAdapters(config: Config, locale: string, own?: Backend): Adapters {
  const { endpoint, jurisdiction, apiKey, format, localeParam, mediaUpload, timeout, geocoder, gateway } = config;
  // A gateway's form token is asked for as the form starts (it refuses reports filed faster than a person can);
  // only gateways hand them out, so its few lines are a chunk, not the first screen's.
  const token = gateway
    ? import('./backend/form-token').then(
        (t) => t.formToken(`${gateway}/form-token`),
        () => ({}),
      )
    : undefined;
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
      (engine ??= import('./map/pin-map').catch((e: unknown) => {
        engine = undefined;
        throw e;
      })),
  };
}
