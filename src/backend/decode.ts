/**
 * Bodies to plain values, before the zod schemas. Keys are trimmed and lower-cased (one city sends SERVICE_CODE,
 * another " url"), so the schemas see one spelling. XML is parsed in its own lazily loaded chunk: most servers answer JSON.
 */
import type { XmlParser } from './xml';

export type { XmlParser };
export type Format = 'json' | 'xml';

export function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.trim().toLowerCase(), lowerKeys(v)]));
  }
  return value;
}

/** The body as a value, or `undefined` when it is not a document of that format at all. Never throws. */
export async function decode(
  body: string,
  format: Format,
  xmlParser?: XmlParser,
): Promise<{ value: unknown } | undefined> {
  // An empty answer (a blackbox server's POST) is a document with nothing in it.
  if (!body.trim()) return { value: null };
  try {
    if (format === 'json') return { value: lowerKeys(JSON.parse(body)) };
    const { parseXml } = await import('./xml');
    return { value: lowerKeys(parseXml(body, xmlParser)) };
  } catch {
    return undefined;
  }
}
