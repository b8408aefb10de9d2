/**
 * Bodies to plain values, before the zod schemas. Keys are trimmed and lower-cased (one city sends SERVICE_CODE,
 * another " url"), so the schemas see one spelling. XML is parsed in its own lazily loaded chunk: most servers answer JSON.
 */
import type { XmlParser } from './xml';

export type { XmlParser };
export type Format = 'json' | 'xml';

/**
 * Works on the freshly parsed value in place, and builds a new object only where a key is not yet lower-case and
 * trimmed: nearly every server's keys already are, and 5,000 categories took 6-9 ms to copy in Node (1.6 ms in
 * place), four times that on a slow phone (issue #14).
 */
export function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = lowerKeys(value[i]);
    return value;
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    let lower = true;
    for (const k of keys) {
      obj[k] = lowerKeys(obj[k]);
      lower &&= k === k.trim().toLowerCase();
    }
    return lower ? obj : Object.fromEntries(keys.map((k) => [k.trim().toLowerCase(), obj[k]]));
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
