/**
 * GeoReport v2 XML → the same plain values JSON gives, with the browser's own DOMParser (no XML library in the
 * bundle). An element with children becomes an object; a repeated child name becomes a list (so one <service>
 * is an object and several are a list — the schemas take both); a leaf becomes its trimmed text.
 * `<services><service>…</service></services>` → `{services: {service: [...]}}`.
 */
import { trustedXml } from '../trusted-types';
/**
 * What parses XML: the browser's DOMParser by default; where there is none (Node: the gateway), any object with
 * the same parseFromString, such as @xmldom/xmldom's (which may throw on markup that is not well-formed).
 */
export interface XmlParser {
  parseFromString(text: string, type: 'application/xml'): unknown;
}

function convert(el: Element): unknown {
  const children = [...el.children];
  if (!children.length) {
    // xsi:nil="true" (some .NET servers) and the text "null" (Eindhoven's open311-api writes JavaScript's null
    // so) are null; everything else is text.
    const text = (el.textContent ?? '').trim();
    return /^true$/i.test(el.getAttribute('xsi:nil') ?? el.getAttribute('nil') ?? '') || text === 'null' ? null : text;
  }
  // No prototype: an element named __proto__, constructor or toString is data, not Object.prototype's (issue #15).
  const out: Record<string, unknown> = Object.create(null);
  const lists = new Set<string>();
  for (const child of children) {
    const key = child.localName;
    const value = convert(child);
    if (!(key in out)) out[key] = value;
    else if (lists.has(key)) (out[key] as unknown[]).push(value);
    else {
      out[key] = [out[key], value];
      lists.add(key);
    }
  }
  return out;
}

const GEOREPORT_ROOTS =
  /^(services?|service_definition|service_requests?|requests?|errors?|discovery|tokens?|response)$/i;

/** Throws when the text is not well-formed XML (an HTML error page, JSON …). `parser`: see XmlParser. */
export function parseXml(text: string, parser: XmlParser = new DOMParser()): unknown {
  // Only what opens as a GeoReport document is parsed: an HTML error page would make Chromium's parser write its
  // own styled <parsererror>, a style-src-attr violation on a city's page with a strict CSP (issue #13).
  const root = text
    .trim()
    .match(/^(?:<\?[^>]*>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w-]+:)?([\w-]+)[\s/>]/i)?.[1];
  if (!root || !GEOREPORT_ROOTS.test(root)) throw new Error('not a GeoReport XML document');
  return parseDocument(text, parser);
}

function parseDocument(text: string, parser: XmlParser): unknown {
  const doc = parser.parseFromString(trustedXml(text.trim()), 'application/xml') as Document;
  const root = doc.documentElement;
  // Only GeoReport documents count: an error page (<html>, <h1>…) can be well-formed XML too, and must not
  // convince the client that a JSON server speaks XML.
  if (!root || doc.getElementsByTagName('parsererror').length || !GEOREPORT_ROOTS.test(root.localName)) {
    throw new Error('not a GeoReport XML document');
  }
  return { [root.localName]: convert(root) };
}
