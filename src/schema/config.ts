/**
 * The element's configuration: the one list of its settings. Each key is an attribute (apiKey → api-key) and a
 * property of <citizen-portal>, a `data-` attribute of the script tag, and a key of a JSON config; the schema
 * validates them all and names the setting at fault, so a webmaster sees "endpoint: …" in the console and a
 * plain sentence in the page, never a blank box. Settings only a later chunk uses (the map's, the tracker's) are
 * read here as text and checked by that chunk.
 */
import { z } from './zod';
import type { ContactField } from './draft';
import { LANGUAGE_NAMES } from '../i18n';

/** Resolves `value` against the page (a relative endpoint such as "/open311/v2" is fine) and keeps http(s). */
function resolveHttpUrl(value: string): string | undefined {
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** An attribute's text, trimmed; blank or absent is undefined. (A transform, not z.string(): see schema/zod.ts.) */
const optionalSetting = z.transform((v: unknown, ctx): string | undefined => {
  if (v != null && typeof v !== 'string') ctx.issues.push({ code: 'custom', message: 'must be text', input: v });
  return typeof v === 'string' ? v.trim() || undefined : undefined;
});

/** One of a few words (z.enum would do, at a cost in bytes the core cannot spare). */
function oneOf<T extends string>(allowed: readonly T[], problem: string) {
  return z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      if (v !== undefined && !allowed.includes(v as T)) ctx.issues.push({ code: 'custom', message: problem, input: v });
      return v as T | undefined;
    }),
  );
}

export const ConfigSchema = z.object({
  /** A JSON config's URL (the element reads it first); here, what was wrong with it, if anything. */
  config: z.transform((problem: unknown, ctx) => {
    if (problem) ctx.issues.push({ code: 'custom', message: String(problem), input: problem });
  }),
  endpoint: z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      const url = v && resolveHttpUrl(v);
      if (!url) ctx.issues.push({ code: 'custom', message: v ? 'is not a web address' : 'is missing', input: v });
      return url || '';
    }),
  ),
  jurisdiction: optionalSetting,
  apiKey: optionalSetting,
  lang: optionalSetting,
  /** The languages the city offers (a switcher): the built-in ones' tags. */
  languages: z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      const tags = v?.split(/[\s,]+/) ?? [];
      if (tags.some((t) => !LANGUAGE_NAMES[t])) {
        const known = Object.keys(LANGUAGE_NAMES);
        ctx.issues.push({ code: 'custom', message: `may list only ${known.join(', ')}`, input: v });
      }
      return tags;
    }),
  ),
  /** Light or dark: as the page is (default), or always light, always dark, or as the device prefers (auto). */
  theme: oneOf(['light', 'dark', 'auto'] as const, 'must be "light", "dark" or "auto"'),
  /** The server's format: json (default; falls back to XML by itself) or xml. */
  format: oneOf(['json', 'xml'] as const, 'must be "json" or "xml"'),
  /** For servers that take the language as a query parameter (GeoReport v2 has none): its name, e.g. "locale". */
  localeParam: optionalSetting,
  /**
   * Where photos go: an endpoint that stores one and answers with its URL, or "post" for an Open311 server that
   * takes the files themselves in the POST (multipart, field `media`). Without it, no photos.
   */
  mediaUpload: z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      const url = v === 'post' ? v : v && resolveHttpUrl(v);
      if (v && !url) ctx.issues.push({ code: 'custom', message: 'is not a web address', input: v });
      return url || undefined;
    }),
  ),
  /** How many photos a resident may add (0 to 10; default 3). */
  maxPhotos: z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      const n = v === undefined ? 3 : Number(v);
      if (!(Number.isInteger(n) && n >= 0 && n <= 10)) {
        ctx.issues.push({ code: 'custom', message: 'must be a whole number from 0 to 10', input: v });
      }
      return n;
    }),
  ),
  /** Contact details the city requires: any of email, name (first and last), first-name, last-name, phone. */
  requiredContact: z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      const fields: Record<string, ContactField[]> = {
        email: ['email'],
        name: ['firstName', 'lastName'],
        'first-name': ['firstName'],
        'last-name': ['lastName'],
        phone: ['phone'],
      };
      const words = v?.split(/[\s,]+/) ?? [];
      if (words.some((w) => !fields[w])) {
        ctx.issues.push({
          code: 'custom',
          message: 'may list only email, name, first-name, last-name and phone',
          input: v,
        });
      }
      return words.flatMap((w) => fields[w] ?? []);
    }),
  ),
  /** A service code chosen in advance. */
  category: optionalSetting,
  /** both (tabs), status (the tracker alone) or report (the form alone). */
  view: oneOf(['both', 'status', 'report'] as const, 'must be "both", "status" or "report"'),
  /** Residents may report without contact details (a boolean attribute: present is on). */
  allowAnonymous: z.transform((v: unknown) => v != null && v !== false && v !== 'false'),
  mapStyle: optionalSetting,
  center: optionalSetting,
  zoom: optionalSetting,
  boundary: optionalSetting,
  geocoder: optionalSetting,
  deepLinkParam: optionalSetting,
  referencePattern: optionalSetting,
  /** Seconds to wait for each answer from the server. */
  timeout: z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      const seconds = v === undefined ? undefined : Number(v);
      if (seconds !== undefined && !(seconds >= 1 && seconds <= 120)) {
        ctx.issues.push({ code: 'custom', message: 'must be a number of seconds from 1 to 120', input: v });
      }
      return seconds;
    }),
  ),
});
export type Config = z.infer<typeof ConfigSchema>;
/** Every setting's name (the property; its attribute is attributeName(key)). */
export const SETTINGS = Object.keys(ConfigSchema.shape) as Array<keyof Config>;
/** The attribute a setting is read from: apiKey → api-key. */
export const attributeName = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A JSON config (a file, an inline <script type="application/json">, or a script tag's data- attributes): the
 * same settings, by attribute or property name, plus the object ones (synonyms, redirects). Values become
 * attribute text: lists are joined by spaces, true is present, false is absent.
 */
export const JsonConfigSchema = z.transform((v: unknown, ctx): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    ctx.issues.push({ code: 'custom', message: 'must be a JSON object of settings', input: v });
    return out;
  }
  for (const [name, value] of Object.entries(v)) {
    const key = name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    if (
      /^(synonyms|redirects|translations)$/.test(key)
        ? typeof value === 'object'
        : SETTINGS.includes(key as keyof Config)
    )
      out[key] = Array.isArray(value) ? value.join(' ') : value === true ? '' : value;
    else ctx.issues.push({ code: 'custom', message: `has an unknown setting or value: "${name}"`, input: v });
  }
  return out;
});

export type ConfigResult =
  { ok: true; config: Config } | { ok: false; key: keyof Config; attribute: string; problem: string; value: unknown };

export function parseConfig(input: Partial<Record<keyof Config, unknown>>): ConfigResult {
  const result = ConfigSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? 'endpoint') as keyof Config;
  return { ok: false, key, attribute: attributeName(key), problem: issue.message, value: input[key] };
}
