/**
 * The map data's attribution (© OpenStreetMap contributors …), shown by us instead of maplibre's control: that
 * control parses the style's attribution HTML with DOMParser, which a page requiring Trusted Types refuses
 * (issue #15), and the text comes from a third party's style. Here it never becomes markup: its links (http(s)
 * only) become <a> elements, the rest text.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©' };

/** Text of attribution HTML: tags dropped, the common entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
      name[0] === '#'
        ? String.fromCodePoint(Number(name[1] === 'x' || name[1] === 'X' ? `0${name.slice(1)}` : name.slice(1)))
        : (ENTITIES[name.toLowerCase()] ?? whole),
    );

/** One source's attribution as nodes: its http(s) links as links, everything else as text. */
export function attributionNodes(html: string): Node[] {
  const nodes: Node[] = [];
  let at = 0;
  for (const m of html.matchAll(/<a\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi)) {
    nodes.push(document.createTextNode(text(html.slice(at, m.index))));
    const href = text(m[1]!);
    if (/^https?:\/\//i.test(href)) {
      const a = document.createElement('a');
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = text(m[2]!);
      nodes.push(a);
    } else nodes.push(document.createTextNode(text(m[2]!)));
    at = m.index + m[0].length;
  }
  nodes.push(document.createTextNode(text(html.slice(at))));
  return nodes.filter((n) => n.nodeType !== Node.TEXT_NODE || n.textContent);
}

/**
 * Puts the style's attributions in the map's corner, once its style has loaded: a control, so the map removes it
 * with itself.
 */
export function showAttribution(map: MapLibreMap): void {
  const sources = Object.values(map.getStyle().sources ?? {});
  const all = [...new Set(sources.map((s) => (s as { attribution?: string }).attribution).filter(Boolean))];
  if (!all.length) return;
  const box = document.createElement('div');
  box.className = 'maplibregl-ctrl cp-attribution';
  all.forEach((html, i) => box.append(...(i ? [document.createTextNode(' | ')] : []), ...attributionNodes(html!)));
  map.addControl({ onAdd: () => box, onRemove: () => box.remove() }, 'bottom-right');
}
