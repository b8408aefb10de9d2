/**
 * The city's own colours (`--cp-accent` and kin), checked once when the browser is idle: a console warning names
 * each pair that residents would struggle to read, with its contrast and what WCAG 2.2 asks (issue #16). Our
 * defaults pass; a city's brand colour may not, and only the console can tell the webmaster before residents do.
 */

/** What is drawn on what, and the contrast it needs: 4.5:1 for text, 3:1 for a control's edge. */
const PAIRS: ReadonlyArray<[fg: string, bg: string, min: number, what: string]> = [
  ['--_on-accent', '--_accent', 4.5, 'the text of the main buttons on their background'],
  ['--_accent', 'surface', 4.5, 'links and secondary buttons on the background'],
  ['--_danger', 'surface', 4.5, 'error messages on the background'],
  ['--_muted', 'surface', 4.5, 'hints on the background'],
  ['--_field-text', '--_field', 4.5, 'what residents type on the fields'],
  ['--_border', 'surface', 3, "the fields' edges on the background"],
];

const SETTINGS: Record<string, string> = {
  '--_accent': '--cp-accent',
  '--_on-accent': '--cp-on-accent',
  '--_danger': '--cp-danger',
  '--_muted': '--cp-muted',
  '--_field': '--cp-input-background',
  '--_field-text': '--cp-input-color',
  '--_border': '--cp-border',
  surface: '--cp-surface',
};

type Rgba = [number, number, number, number];

function parse(colour: string): Rgba | undefined {
  const n = colour.match(/[\d.]+/g)?.map(Number);
  return n && n.length >= 3 ? [n[0]!, n[1]!, n[2]!, n[3] ?? 1] : undefined;
}

const luminance = ([r, g, b]: Rgba) => {
  const c = [r, g, b].map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
};

/** WCAG's contrast ratio of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const hex = ([r, g, b]: Rgba) => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The first opaque background from `el` up the page (white if none): what the widget is drawn on. */
function backdrop(el: Element | null): Rgba {
  for (; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
    const c = parse(getComputedStyle(el).backgroundColor);
    if (c && c[3] > 0) return c;
  }
  return [255, 255, 255, 1];
}

/** Checks the colours a city set on `host`; returns the warnings it gave. */
export function checkColours(host: HTMLElement): string[] {
  const root = host.shadowRoot;
  const own = getComputedStyle(host);
  if (!root || !Object.values(SETTINGS).some((name) => own.getPropertyValue(name).trim())) return [];
  // A probe in the widget's own styles resolves each colour as drawn (light-dark(), system colours, var()).
  const probe = document.createElement('span');
  probe.hidden = true;
  root.append(probe);
  const surface = (() => {
    const c = parse(getComputedStyle(host).backgroundColor);
    return c && c[3] > 0 ? c : backdrop(host.parentElement ?? (host.getRootNode() as ShadowRoot).host ?? null);
  })();
  const resolve = (name: string): Rgba | undefined => {
    if (name === 'surface') return surface;
    probe.style.color = `var(${name})`;
    const c = parse(getComputedStyle(probe).color);
    // A see-through colour is seen over the surface.
    return c && ([0, 1, 2].map((k) => c[k]! * c[3] + surface[k]! * (1 - c[3])).concat(1) as Rgba);
  };
  const warnings: string[] = [];
  try {
    for (const [fg, bg, min, what] of PAIRS) {
      // Only pairs the city changed: ours are checked by our tests.
      if (![fg, bg].some((n) => own.getPropertyValue(SETTINGS[n]!).trim())) continue;
      const [a, b] = [resolve(fg), resolve(bg)];
      if (!a || !b) continue;
      const ratio = contrast(a, b);
      if (ratio < min)
        warnings.push(
          `citizen-portal: ${what} have a contrast of ${ratio.toFixed(2)}:1 (${hex(a)} on ${hex(b)}), under the ${min}:1 ` +
            `WCAG 2.2 asks for; check ${[fg, bg]
              .map((n) => SETTINGS[n])
              .filter((n) => own.getPropertyValue(n!).trim())
              .join(' and ')}.`,
        );
    }
  } finally {
    probe.remove();
  }
  for (const w of warnings) console.warn(w);
  return warnings;
}
