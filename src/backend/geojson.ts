/**
 * The city limits (the `boundary` attribute): a GeoJSON Polygon or MultiPolygon, bare or as a Feature or a
 * FeatureCollection. Fetched here, in the backend layer, because elements never fetch.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { z } from '../schema/zod';
import { statusError } from './http';
import { BackendError } from './types';

const POLYGONS = /^(Multi)?Polygon$/;
const Shape = z.transform((v: unknown, ctx): Feature | FeatureCollection => {
  const g = v as { type?: string; features?: Array<{ geometry?: { type?: string } }>; geometry?: { type?: string } };
  const ok =
    POLYGONS.test(g?.type ?? '') ||
    (g?.type === 'Feature' && POLYGONS.test(g.geometry?.type ?? '')) ||
    (g?.type === 'FeatureCollection' && !!g.features?.some((f) => POLYGONS.test(f.geometry?.type ?? '')));
  if (!ok) ctx.issues.push({ code: 'custom', message: 'not a GeoJSON polygon', input: v });
  // A bare polygon becomes a Feature: the map draws features.
  return POLYGONS.test(g?.type ?? '')
    ? { type: 'Feature', geometry: v as Geometry, properties: {} }
    : (v as Feature | FeatureCollection);
});

/** The boundary, fetched once per URL (each visit to the location step asks again); a failure is not kept. */
const fetched = new Map<string, Promise<Feature | FeatureCollection>>();
export function fetchBoundary(url: string, signal?: AbortSignal): Promise<Feature | FeatureCollection> {
  let boundary = fetched.get(url);
  if (!boundary) {
    fetched.set(url, (boundary = load(url, signal)));
    boundary.catch(() => fetched.delete(url));
  }
  return boundary;
}

async function load(url: string, signal?: AbortSignal): Promise<Feature | FeatureCollection> {
  let res: Response;
  try {
    // A server that never answers must not keep the map from showing: 15 s, as for the Open311 calls.
    const timeout = AbortSignal.timeout(15_000);
    res = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, credentials: 'omit' });
  } catch {
    throw new BackendError(signal?.aborted ? 'aborted' : 'network', `Could not load the boundary from ${url}`);
  }
  if (!res.ok) throw statusError(res.status, res.headers, 'Boundary');
  const parsed = Shape.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new BackendError('invalid-response', `${url} is not a GeoJSON polygon`);
  return parsed.data;
}
