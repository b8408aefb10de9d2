/**
 * Plain geometry for the location step, with no map engine behind it: the core bundle can import this (to check a
 * typed-in latitude/longitude against the city limits, or to keep reports within ~200 m) without loading
 * maplibre (issue #5: "the map is never the only way").
 *
 * Coordinates are GeoJSON order everywhere: [longitude, latitude] in degrees (WGS 84).
 */
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';

export type LngLat = [lng: number, lat: number];

/** What a city may hand us as its limits: a Polygon or MultiPolygon, bare or in a Feature/FeatureCollection. */
export type Boundary = Feature | FeatureCollection | Geometry;

/** [[west, south], [east, north]]. */
export type Bounds = [LngLat, LngLat];

/** Mean Earth radius (IUGG), in metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Every polygon in the boundary, each as rings: the outer ring first, then its holes. */
function polygonsOf(boundary: Boundary | null | undefined): Position[][][] {
  if (!boundary) return [];
  switch (boundary.type) {
    case 'FeatureCollection':
      return boundary.features.flatMap((f) => polygonsOf(f.geometry));
    case 'Feature':
      return polygonsOf(boundary.geometry);
    case 'GeometryCollection':
      return boundary.geometries.flatMap((g) => polygonsOf(g));
    case 'Polygon':
      return [boundary.coordinates];
    case 'MultiPolygon':
      return boundary.coordinates;
    default:
      return []; // points and lines enclose nothing
  }
}

/** Even-odd ray casting against one ring (closed or not). */
function inRing(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether a point lies inside the boundary: inside some polygon's outer ring and outside all of that polygon's
 * holes (an enclave that belongs to the county, say). A boundary with no polygon contains nothing.
 * Points exactly on an edge may fall either way.
 */
export function isInside(boundary: Boundary | null | undefined, lngLat: LngLat): boolean {
  const [x, y] = lngLat;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return polygonsOf(boundary).some(([outer, ...holes]) => {
    if (!outer || !inRing(outer, x, y)) return false;
    return !holes.some((hole) => inRing(hole, x, y));
  });
}

/** The bounding box of the boundary's polygons, or undefined when it has none (to bias a geocoder's results). */
export function boundsOf(boundary: Boundary | null | undefined): Bounds | undefined {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const polygon of polygonsOf(boundary)) {
    for (const [lng = NaN, lat = NaN] of polygon[0] ?? []) {
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) continue;
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return west <= east
    ? [
        [west, south],
        [east, north],
      ]
    : undefined;
}

/** Great-circle distance in metres (haversine): "reports within ~200 m" of the pin. */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A circle of `meters` around a point as a polygon of `steps` sides (a GPS accuracy circle). */
export function circle(center: LngLat, meters: number, steps = 64): Polygon {
  const [lng, lat] = center;
  const dLat = meters / (EARTH_RADIUS_M * RAD);
  const dLng = dLat / Math.max(Math.cos(lat * RAD), 1e-6);
  const ring: Position[] = [];
  for (let i = 0; i < steps; i++) {
    const a = (2 * Math.PI * i) / steps;
    ring.push([lng + dLng * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}
