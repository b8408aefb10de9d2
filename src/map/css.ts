/**
 * The map's CSS, for the shadow root: maplibre's own stylesheet plus ours (focus ring, keyboard help, the
 * nearby-report markers). Adopted as a constructable stylesheet, so a city's CSP needs no 'unsafe-inline'.
 * maplibre's CSS draws its control icons from data: URIs: `img-src data:`.
 */
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';

const own = `
.maplibregl-canvas:focus { outline: none; }
.maplibregl-canvas:focus-visible {
  outline: 3px solid var(--cp-map-focus-color, #1d4f91);
  outline-offset: -3px;
}
/* The keyboard help is the canvas's description; it shows while the canvas has keyboard focus. */
.cp-map-help {
  position: absolute;
  inset: 0.5rem 0.5rem auto 0.5rem;
  z-index: 3;
  padding: 0.375rem 0.625rem;
  border-radius: 0.25rem;
  background: rgb(255 255 255 / 0.94);
  color: #1b1b1b;
  font: inherit;
  font-size: 0.875rem;
  line-height: 1.35;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.3);
  pointer-events: none;
}
.maplibregl-canvas:not(:focus-visible) ~ .cp-map-help {
  clip-path: inset(50%);
  width: 1px;
  height: 1px;
  overflow: hidden;
  white-space: nowrap;
  padding: 0;
  box-shadow: none;
}
/* The map data's attribution (./attribution.ts), a control in the corner, small and readable. */
.maplibregl-ctrl.cp-attribution {
  margin: 0;
  padding: 0.125rem 0.375rem;
  background: rgb(255 255 255 / 0.85);
  color: #1b1b1b;
  font: inherit;
  font-size: 0.75rem;
  line-height: 1.4;
}
.cp-attribution a { color: inherit; }
.cp-nearby {
  box-sizing: border-box;
  width: 24px;
  height: 24px;
  padding: 0;
  border: 3px solid #fff;
  border-radius: 50%;
  background: var(--cp-map-nearby-color, #5b3a8c);
  box-shadow: 0 0 0 1px rgb(0 0 0 / 0.5), 0 1px 3px rgb(0 0 0 / 0.4);
  cursor: pointer;
}
/* maplibre places markers with transform: never set it here. */
.cp-nearby:hover { background: var(--cp-map-nearby-color-hover, #3f2466); }
.cp-nearby:focus-visible {
  outline: 3px solid var(--cp-map-focus-color, #1d4f91);
  outline-offset: 2px;
}
.maplibregl-marker.cp-pin {
  z-index: 2; /* above the nearby reports */
}
.maplibregl-marker.cp-pin:focus-visible {
  outline: 3px solid var(--cp-map-focus-color, #1d4f91);
  outline-offset: 2px;
  border-radius: 4px;
}
`;

/** maplibre's CSS and the adapter's own rules, as one string for `CSSStyleSheet.replaceSync`. */
export function cssText(): string {
  return maplibreCss + own;
}

let sheet: CSSStyleSheet | undefined;
/** Adopts the map's styles into a shadow root: one stylesheet, parsed once, shared by every root; never twice. */
export function adoptMapStyles(root: ShadowRoot): void {
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(cssText());
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
