/**
 * Address search and reverse geocoding for the location step (issue #5), from the element's `geocoder` attribute:
 * - a Nominatim-compatible base URL (Nominatim itself, LocationIQ …): `{base}/search`, `{base}/reverse`, jsonv2;
 * - a Photon-compatible one (komoot's Photon): `{base}/api`, `{base}/reverse`, GeoJSON features.
 * The kind is read from the URL (a path ending in /api, or "photon" in it, means Photon) or given as a prefix:
 * "nominatim:https://…", "photon:https://…". Query parameters of the URL (an API key, Nominatim's `email`) go
 * with every call, so keyed providers work as they are.
 *
 * Which service: the public nominatim.openstreetmap.org allows at most 1 request per second for all residents of
 * a site together, wants the application identified (a browser cannot set User-Agent; it sends the page's origin
 * as Referer, and `?email=` in the URL helps) and forbids client-side autocomplete. A city should run its own
 * Nominatim or Photon, or use a keyed provider, and show the data's attribution (© OpenStreetMap contributors).
 * Callers debounce typing (the element waits ~300 ms) and abort superseded searches; nothing here is retried, since
 * the resident's next keystroke asks again anyway.
 *
 * Every failure is a BackendError: network, timeout, http, forbidden, not-found, rate-limited, invalid-response,
 * aborted.
 */
import { z } from '../schema/zod';
import { listOf, optionalNumber, optionalText } from '../schema/fields';
import { send, statusError, type HttpOptions } from './http';
import { BackendError, isBackendError } from './types';

export interface Place {
  /** What the resident reads, and what fills address_string. */
  label: string;
  lat: number;
  long: number;
}

export type Bounds = [west: number, south: number, east: number, north: number];

export interface Geocoder {
  /** At most `limit` (default 5) places, best first; [] for an empty query. */
  search(
    query: string,
    options?: { signal?: AbortSignal; bounds?: Bounds; limit?: number; lang?: string },
  ): Promise<Place[]>;
  /** The address at a point, or undefined where the service knows none. */
  reverse(lat: number, long: number, options?: { signal?: AbortSignal; lang?: string }): Promise<Place | undefined>;
}

export type GeocoderKind = 'nominatim' | 'photon';

type Ctx = { issues: Array<{ code: 'custom'; message: string; input: unknown }> };

/** A Place, or an issue (the list drops that item) when a label or coordinates are missing or out of range. */
function place(label: string | undefined, lat: number | undefined, long: number | undefined, ctx: Ctx): Place {
  if (!label || !(Math.abs(lat!) <= 90) || !(Math.abs(long!) <= 180))
    ctx.issues.push({ code: 'custom', message: 'not a place', input: label });
  return { label: label!, lat: lat!, long: long! };
}

/** Nominatim jsonv2: `{display_name, lat: "41.5", lon: "-90.5", …}`. */
const NominatimPlace = z.pipe(
  z.looseObject({ display_name: optionalText, lat: optionalNumber, lon: optionalNumber }),
  z.transform((p, ctx) => place(p.display_name, p.lat, p.lon, ctx as Ctx)),
);

/** Countries that write the house number before the street ("120 Main St"); elsewhere "Hauptstraße 12". */
const NUMBER_FIRST = /^(AU|CA|FR|GB|IE|IN|LU|MY|NZ|PH|SG|US|ZA)$/i;

/** Photon's properties as one readable line: name, street and number, town (or a wider area). */
const PhotonProperties = z.pipe(
  z.looseObject({
    name: optionalText,
    housenumber: optionalText,
    street: optionalText,
    city: optionalText,
    locality: optionalText,
    district: optionalText,
    county: optionalText,
    state: optionalText,
    countrycode: optionalText,
  }),
  z.transform((p) => {
    const street =
      p.street && p.housenumber
        ? NUMBER_FIRST.test(p.countrycode ?? 'US')
          ? `${p.housenumber} ${p.street}`
          : `${p.street} ${p.housenumber}`
        : p.street;
    const town = p.city ?? p.locality ?? p.district ?? p.county;
    const parts = [p.name === p.street ? undefined : p.name, street, town, street || town ? undefined : p.state];
    return [...new Set(parts.filter(Boolean))].join(', ');
  }),
);

/** A GeoJSON feature: `{geometry: {coordinates: [lon, lat]}, properties: {…}}`. */
const PhotonPlace = z.pipe(
  z.looseObject({
    geometry: z.looseObject({
      coordinates: z.transform((v: unknown) =>
        Array.isArray(v) ? v.map((n) => (typeof n === 'number' ? n : NaN)) : [],
      ),
    }),
    properties: PhotonProperties,
  }),
  z.transform((f, ctx) => place(f.properties, f.geometry.coordinates[1], f.geometry.coordinates[0], ctx as Ctx)),
);

/** Nominatim's bare array, Photon's FeatureCollection: an item that is no place is dropped; all of them, fatal. */
const NominatimList = listOf(NominatimPlace, []);
const PhotonList = listOf(PhotonPlace, ['features']);

function parse<S extends z.ZodMiniType>(schema: S, value: unknown, endpoint: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const path = r.error.issues[0]?.path.join('.') ?? '';
  throw new BackendError('invalid-response', `Geocoder ${endpoint}: unexpected answer at "${path}"`, { path });
}

/** The server's own explanation in a JSON error body (Nominatim's `{error: {message}}`, Photon's `{message}`). */
function serverMessage(body: string): string | undefined {
  try {
    const v = JSON.parse(body);
    const m = v?.message ?? v?.error?.message ?? v?.error;
    return typeof m === 'string' ? m.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

const round6 = (n: number) => String(Math.round(n * 1e6) / 1e6);

/**
 * A geocoder for the `geocoder` attribute's value: a Nominatim- or Photon-compatible base URL (absolute, or relative
 * to the page), optionally prefixed "nominatim:" or "photon:". `timeoutMs` (default 10 s) bounds each call.
 * Bounds bias Nominatim's results to the city (viewbox, not bounded); Photon has no bias by box, so there they
 * filter (bbox).
 */
export function createGeocoder(
  spec: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Geocoder & { readonly kind: GeocoderKind } {
  const http: HttpOptions = {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: 0,
    retryBaseMs: 0,
    maxRetryAfterMs: 0,
  };
  const prefix = /^\s*(nominatim|photon):\s*/i.exec(spec);
  let url: URL | undefined;
  try {
    url = new URL(spec.slice(prefix?.[0].length ?? 0).trim(), globalThis.document?.baseURI);
  } catch {
    // Every call says so, as a network failure: the address cannot be reached.
  }
  const path = url?.pathname.replace(/\/+$/, '') ?? '';
  const kind = (prefix?.[1]!.toLowerCase() ??
    (/\/api$/.test(path) || /photon/i.test(`${url?.host}${path}`) ? 'photon' : 'nominatim')) as GeocoderKind;
  const base =
    url && url.origin + path.replace(kind === 'photon' ? /\/(api|reverse)$/ : /\/(search|reverse)(\.php)?$/, '');

  /** One GET, its answer as JSON. */
  async function get(endpoint: string, params: Record<string, string | undefined>, signal?: AbortSignal) {
    if (!base) throw new BackendError('network', `The geocoder address "${spec}" is not a URL`);
    const target = new URL(`${base}/${endpoint}`);
    for (const [k, v] of url!.searchParams) target.searchParams.append(k, v);
    for (const [k, v] of Object.entries(params)) if (v) target.searchParams.set(k, v);
    const what = `Geocoder ${endpoint}`;
    const answer = await send(http, target, { method: 'GET', accept: 'application/json' }, signal);
    if (!answer.ok) throw statusError(answer.status, answer.headers, what, serverMessage(answer.body));
    try {
      return JSON.parse(answer.body) as unknown;
    } catch {
      throw new BackendError('invalid-response', `${what}: the answer is not JSON`, { status: answer.status });
    }
  }

  /** Photon refuses languages it has no index for (HTTP 400): ask again without one. */
  async function photon(
    endpoint: string,
    params: Record<string, string | undefined>,
    lang?: string,
    signal?: AbortSignal,
  ) {
    lang = lang?.split(/[-_]/)[0]!.toLowerCase();
    try {
      return await get(endpoint, { ...params, lang }, signal);
    } catch (e) {
      if (lang && (e as BackendError).details.status === 400) return get(endpoint, params, signal);
      throw e;
    }
  }

  /** Only BackendErrors leave this module, whatever happens inside. */
  const guard = <T>(run: () => Promise<T>) =>
    run().catch((e: unknown) => {
      throw isBackendError(e) ? e : new BackendError('invalid-response', `Geocoder: ${String(e)}`);
    });

  return {
    kind,

    search(query, { signal, bounds, limit, lang } = {}) {
      const q = query.trim().slice(0, 255);
      if (!q) return Promise.resolve([]);
      const n = Math.min(40, Math.max(1, Math.ceil(limit ?? 5))) || 5;
      const [west, south, east, north] = (bounds ?? []).map(round6);
      return guard(async () => {
        const places = parse(
          kind === 'photon' ? PhotonList : NominatimList,
          kind === 'photon'
            ? await photon(
                'api',
                { q, limit: String(n), bbox: bounds && [west, south, east, north].join() },
                lang,
                signal,
              )
            : await get(
                'search',
                {
                  q,
                  format: 'jsonv2',
                  limit: String(n),
                  addressdetails: '0',
                  // Biased to the city, not bounded by it: a street just outside the limits is still found.
                  ...(bounds && { viewbox: [west, north, east, south].join(), bounded: '0' }),
                  'accept-language': lang,
                },
                signal,
              ),
          'search',
        );
        const seen = new Set<string>();
        return places.filter((p) => !seen.has(p.label) && seen.add(p.label)).slice(0, n);
      });
    },

    reverse(lat, long, { signal, lang } = {}) {
      const at = { lat: round6(lat), lon: round6(long) };
      return guard(async () => {
        if (kind === 'photon')
          return parse(PhotonList, await photon('reverse', { ...at, limit: '1' }, lang, signal), 'reverse')[0];
        const value = await get('reverse', { ...at, format: 'jsonv2', zoom: '18', 'accept-language': lang }, signal);
        // {error: "Unable to geocode"} (a point at sea, far from any address): no place, not a failure.
        return (value as { error?: unknown } | null)?.error ? undefined : parse(NominatimPlace, value, 'reverse');
      });
    },
  };
}
