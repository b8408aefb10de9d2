/**
 * The map settings (map-style, center, zoom, boundary attributes), checked when the location step first needs
 * them — they live in the later steps' chunk, not the first screen's. A wrong setting never blocks a report:
 * the location step then works without the map, and the console says what to fix.
 */
import { resolveHttpUrl } from './url';

export interface MapConfig {
  style: string;
  center: [lng: number, lat: number];
  zoom: number;
  boundary?: string;
}

const url = (v: string) => resolveHttpUrl(v, false);

/**
 * The map to show, or undefined (none configured, or `map-style` is wrong); and what is wrong with each setting.
 * Only a wrong `map-style` costs the map: a wrong `center` or `zoom` falls back to its default, a wrong
 * `boundary` is left out (issue #13: a mistake never costs more than it must).
 */
export function parseMapConfig(raw: Record<string, string | null | undefined>): {
  config?: MapConfig;
  problems: string[];
} {
  const problems: string[] = [];
  const problem = (attribute: string, message: string) =>
    problems.push(`the "${attribute}" attribute ${message} (got ${JSON.stringify(raw[attribute])})`);
  const style = raw['map-style'] ? url(raw['map-style']) : undefined;
  if (raw['map-style'] && !style) problem('map-style', 'is not a web address');
  const [lng, lat] = (raw['center'] ?? '').split(',').map((n) => Number(n.trim()));
  const centerOk = lng !== undefined && lat !== undefined && Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
  if (raw['center'] && !centerOk) problem('center', 'must be "longitude,latitude", e.g. center="-90.5,41.5"');
  const zoom = raw['zoom'] ? Number(raw['zoom']) : 14;
  const zoomOk = zoom >= 0 && zoom <= 22;
  if (!zoomOk) problem('zoom', 'must be a number from 0 to 22');
  const boundary = raw['boundary'] ? url(raw['boundary']) : undefined;
  if (raw['boundary'] && !boundary) problem('boundary', 'is not a web address');
  if (!style) return { problems };
  const config: MapConfig = {
    style,
    center: centerOk && raw['center'] ? [lng!, lat!] : [0, 0],
    zoom: zoomOk ? zoom : 14,
    ...(boundary && { boundary }),
  };
  return { config, problems };
}
