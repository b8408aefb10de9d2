/**
 * Relative URLs inside a style, resolved against the style's own URL.
 *
 * maplibre resolves a GeoJSON source's `data`, a source's `url`/`tiles`, `sprite` and `glyphs` against the *page*,
 * so a style.json with `"data": "town.geojson"` only works on pages in the same folder. A city hosting its
 * style next to its data (and our demo, whose style sits in demo/map/) expects the file-relative meaning, as in CSS.
 */
import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';

const ABSOLUTE = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** Resolves one URL or URL template; `{z}`, `{fontstack}` … survive, mapbox:// and the like are left alone. */
function resolveAgainst(url: string, base: string): string {
  if (ABSOLUTE.test(url)) return url;
  try {
    return new URL(url, base).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
  } catch {
    return url;
  }
}

function resolveSource(source: SourceSpecification, base: string): SourceSpecification {
  const out = { ...source } as SourceSpecification & { url?: unknown; tiles?: unknown; data?: unknown };
  if (typeof out.url === 'string') out.url = resolveAgainst(out.url, base);
  if (Array.isArray(out.tiles)) {
    out.tiles = out.tiles.map((t: unknown) => (typeof t === 'string' ? resolveAgainst(t, base) : t));
  }
  if (out.type === 'geojson' && typeof out.data === 'string') out.data = resolveAgainst(out.data, base);
  return out;
}

/** A copy of the style whose relative URLs point where they would from `base` (the style's URL). */
export function resolveStyleUrls(style: StyleSpecification, base: string): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const [id, source] of Object.entries(style.sources ?? {})) sources[id] = resolveSource(source, base);
  const out: StyleSpecification = { ...style, sources };
  if (typeof style.glyphs === 'string') out.glyphs = resolveAgainst(style.glyphs, base);
  if (typeof style.sprite === 'string') out.sprite = resolveAgainst(style.sprite, base);
  else if (Array.isArray(style.sprite)) {
    out.sprite = style.sprite.map((s) => ({ ...s, url: resolveAgainst(s.url, base) }));
  }
  return out;
}
