/**
 * The map chunk, once something on the page has loaded it (the location step). The tracker shows a small map of a
 * request only then: it never loads maplibre for that alone. No maplibre import here: a plain slot.
 */
import type * as PinMapModule from './pin-map';

export const loadedMap: { module?: typeof PinMapModule } = {};
