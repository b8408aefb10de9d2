/**
 * The tolerant field parsers every GeoReport v2 document (and the geocoder's answers) is read with: ids and codes
 * that may be numbers, booleans that may be strings, lists that may be bare, wrapped or one object. See
 * ./open311.ts for the rules; kept apart from the documents so that the services (the first screen) and the
 * service definitions (the later steps' chunk) both import them without importing each other.
 */
import { z } from './zod';

export const absent = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * A scalar field (string, number or boolean; null or absent allowed), converted by `convert`. Written as one
 * transform rather than z.union([z.string(), z.number()…]): the same checks, and the core bundle is 1 KB lighter
 * without the union, number and boolean schema classes.
 */
function scalar<T>(convert: (v: string | number | boolean | null | undefined) => T | typeof INVALID) {
  return z.transform((v: unknown, ctx): T => {
    const ok = v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v);
    const out = ok ? convert(v as string | number | boolean | null | undefined) : INVALID;
    if (out === INVALID) ctx.issues.push({ code: 'custom', message: 'Invalid input', input: v });
    return out as T;
  });
}
const INVALID = Symbol('invalid');

/**
 * Lone UTF-16 surrogates (a server's broken encoding) as U+FFFD, so that every string we keep is well-formed:
 * encodeURIComponent threw on an id like "\uD800" (found by fuzzing, issue #15).
 */
export const wellFormed = (s: string) =>
  // isWellFormed (ES2024) spares the regular expression for nearly every string (issue #14: the first screen's
  // catalogue goes through here a few hundred times).
  (s as { isWellFormed?(): boolean }).isWellFormed?.()
    ? s
    : s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const text = (v: string | number | boolean) => wellFormed(String(v).trim());

/** An id, code or key: a string, or a number that stands for one; trimmed, never empty. */
export const requiredId = scalar((v) => (absent(v) || typeof v === 'boolean' ? INVALID : text(v!)));

/** An optional id: absent, null and "" are undefined. */
export const optionalId = scalar((v) => (absent(v) || typeof v === 'boolean' ? undefined : text(v!)));

/** Text that may be null, "" or absent (or a number): always `string | undefined` afterwards. */
export const optionalText = scalar((v) => (absent(v) ? undefined : text(v!)));

/** true/false, "true"/"false"/"yes"/"1" in any case, 1/0; absent is `fallback`. */
export const boolLike = (fallback: boolean) =>
  scalar((v) => (absent(v) ? fallback : v === true || v === 1 || /^\s*(true|1|yes)\s*$/i.test(String(v))));

/** 1, "1", "1.00" or nothing. */
export const optionalNumber = scalar((v) => {
  const n = absent(v) || typeof v === 'boolean' ? NaN : Number(v);
  return Number.isFinite(n) ? n : undefined;
});

/** Lists every way servers send them; `wrappers` are the keys that may wrap the list (tried repeatedly). */
export function listOf<T extends z.ZodMiniType>(item: T, wrappers: string[]) {
  const unwrap = (v: unknown): unknown[] => {
    for (let depth = 0; depth < 3 && v && typeof v === 'object' && !Array.isArray(v); depth++) {
      // Only step into a wrapper that holds a list, an object or nothing (an empty <service_requests/>):
      // {token: "12345"} is an item, not a wrapper.
      const obj = v as Record<string, unknown>;
      const key = wrappers.find((k) => k in obj && (absent(obj[k]) || typeof obj[k] === 'object'));
      if (!key) break;
      v = obj[key];
    }
    return absent(v) ? [] : Array.isArray(v) ? v : [v];
  };
  // A bare transform, not pipe(unknown(), …): zod would call an absent key "nonoptional" before transforming.
  return z.transform((v: unknown, ctx) => {
    const list = unwrap(v);
    const good: Array<z.output<T>> = [];
    let firstProblem: z.core.$ZodIssue | undefined;
    list.forEach((entry, i) => {
      const r = item.safeParse(entry);
      if (r.success) good.push(r.data);
      else firstProblem ??= { ...r.error.issues[0]!, path: [i, ...r.error.issues[0]!.path] };
    });
    if (list.length && !good.length) {
      ctx.issues.push({
        code: 'custom',
        message: firstProblem?.message ?? 'no usable item',
        input: v,
        path: firstProblem?.path ?? [],
      });
    }
    return good;
  });
}

/** Documents some servers wrap in their own name (`{service_definition: {...}}`, XML's root) or in a list. */
export function unwrapped<T extends z.ZodMiniType>(key: string, schema: T) {
  return z.pipe(
    z.transform((v: unknown) => {
      const d = Array.isArray(v) ? v[0] : v;
      return d && typeof d === 'object' && key in d ? (d as Record<string, unknown>)[key] : d;
    }),
    schema,
  );
}
