/**
 * An attribute of the <citizen-portal> an inner view lives in. Settings only the later chunks need (map, geocoder,
 * view, deep links…) are read here, when needed, instead of being declared in the first screen's bundle.
 */
export const portalAttribute = (inner: Element, name: string): string | null =>
  ((inner.getRootNode() as ShadowRoot).host as Element | undefined)?.getAttribute(name) ?? null;
