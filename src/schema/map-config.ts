/**
 * The map settings (map-style, center, zoom, boundary attributes), checked when the location step first needs
 * them — they live in the later steps' chunk, not the first screen's. A wrong setting never blocks a report:
 * the location step then works without the map, and the console says what to fix.
 */
import { z } from './zod';
import { resolveHttpUrl } from './url';

export interface MapConfig {
  style: string;
  center: [lng: number, lat: number];
  zoom: number;
  boundary?: string;
}

const url = (v: string) => resolveHttpUrl(v, false);

const MapConfigSchema = z.transform((raw: Record<string, string | null | undefined>, ctx): MapConfig | undefined => {
  const problem = (attribute: string, message: string) =>
    ctx.issues.push({ code: 'custom', message: `the "${attribute}" attribute ${message}`, input: raw[attribute] });
  if (!raw['map-style']) return undefined;
  const style = url(raw['map-style']);
  if (!style) problem('map-style', 'is not a web address');
  const [lng, lat] = (raw['center'] ?? '').split(',').map((n) => Number(n.trim()));
  const centerOk = lng !== undefined && lat !== undefined && Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
  if (raw['center'] && !centerOk) problem('center', 'must be "longitude,latitude", e.g. center="-90.5,41.5"');
  const zoom = raw['zoom'] ? Number(raw['zoom']) : 14;
  if (!(zoom >= 0 && zoom <= 22)) problem('zoom', 'must be a number from 0 to 22');
  const boundary = raw['boundary'] ? url(raw['boundary']) : undefined;
  if (raw['boundary'] && !boundary) problem('boundary', 'is not a web address');
  return {
    style: style ?? '',
    center: centerOk && raw['center'] ? [lng!, lat!] : [0, 0],
    zoom,
    ...(boundary && { boundary }),
  };
});

/** The map to show, or undefined (none configured, or configured wrongly: then `problem` says why). */
export function parseMapConfig(raw: Record<string, string | null | undefined>): {
  config?: MapConfig;
  problem?: string;
} {
  const r = MapConfigSchema.safeParse(raw);
  return r.success ? (r.data ? { config: r.data } : {}) : { problem: r.error.issues[0]!.message };
}
