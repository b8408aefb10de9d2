/**
 * The element's configuration: the one list of its settings. Each key is an attribute (apiKey → api-key) and a
 * property of <citizen-portal>, a `data-` attribute of the script tag, and a key of a JSON config; the schema
 * validates them all and names each setting at fault in the console. Only the endpoint can stop the form (a plain
 * sentence in the page, never a blank box); any other wrong value falls back to its default. Settings only a later chunk uses (the map's, the tracker's) are
 * read here as text and checked by that chunk.
 */
import { z } from './zod';
import type { ContactField } from './draft';
import { LANGUAGE_NAMES, isLanguage } from './languages';
import { resolveHttpUrl } from './url';

export { resolveHttpUrl };

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
  /** URL of a JSON config (see above). */
  config: z.transform((problem: unknown, ctx) => {
    // Validated as what was wrong with the JSON config, if anything (see <citizen-portal>'s readJsonConfig).
    if (problem) ctx.issues.push({ code: 'custom', message: String(problem), input: problem });
  }),
  /** Base URL of the city's GeoReport v2 API, absolute or relative to the page. **Required.** */
  endpoint: z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      const url = v && resolveHttpUrl(v);
      if (!url) ctx.issues.push({ code: 'custom', message: v ? 'is not a web address' : 'is missing', input: v });
      return url || '';
    }),
  ),
  /** `jurisdiction_id`, for servers that host several cities. Sent only when set. */
  jurisdiction: optionalSetting,
  /** `api_key` sent with new requests, for servers that want one (see CORS and keys below). */
  apiKey: optionalSetting,
  /**
   * The resident's language (BCP 47): `en`, `es`, `fr`, `zh`, `vi` or `ar` are built in (Arabic right to left). Else
   * the page's `<html lang>`, else the browser's; else English. Sent as `Accept-Language`.
   */
  lang: optionalSetting,
  /**
   * The language the city's server writes its categories, questions and statuses in (BCP 47). Where the resident
   * reads another language and the city gave no `translations` into it, that text is marked with it (`lang`), so a
   * screen reader reads it in that language's voice. @default `en`
   */
  serverLang: z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      if (v && !/^[a-z]{2,3}(-\w+)*$/i.test(v))
        ctx.issues.push({ code: 'custom', message: 'must be a language tag such as "en" or "de-CH"', input: v });
      return v;
    }),
  ),
  /**
   * The languages the city offers, e.g. `en es zh`: a "Language" switcher above the form (the resident's choice is
   * remembered on the device). The first is the default when none of the resident's languages is offered.
   */
  languages: z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      const tags = v?.split(/[\s,]+/) ?? [];
      if (tags.some((t) => !isLanguage(t))) {
        const known = Object.keys(LANGUAGE_NAMES);
        ctx.issues.push({ code: 'custom', message: `may list only ${known.join(', ')}`, input: v });
      }
      return tags;
    }),
  ),
  /**
   * `light`, `dark` or `auto` (as the resident's device prefers): the widget paints its own background in that
   * scheme. Without it, it is transparent and follows the page: dark where the page declares `color-scheme: dark`
   * (or `light dark` and the device is dark). @default as the page
   */
  theme: oneOf(['light', 'dark', 'auto'] as const, 'must be "light", "dark" or "auto"'),
  /**
   * `json` or `xml`. With `json` the widget still switches to XML by itself when a server refuses or garbles JSON.
   * @default `json`
   */
  format: oneOf(['json', 'xml'] as const, 'must be "json" or "xml"'),
  /** For servers that take the language as a query parameter: its name (e.g. `locale`). */
  localeParam: optionalSetting,
  /**
   * An endpoint that stores a photo (multipart, field `media`) and answers `{"url": "…"}`; its URL is sent as
   * `media_url`. Or `post`, for Open311 servers that take the photos themselves with the report (multipart POST,
   * field `media`): photos then stay on the device (IndexedDB) until sent. Without it, no photo field (and no "Start with a photo").
   */
  mediaUpload: z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      const url = v === 'post' ? v : v && resolveHttpUrl(v);
      if (v && !url) ctx.issues.push({ code: 'custom', message: 'is not a web address', input: v });
      return url || undefined;
    }),
  ),
  /** How many photos a resident may add, 0–10. @default `3` */
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
  /** Contact details the city requires: any of `email`, `name`, `first-name`, `last-name`, `phone`. @default none */
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
      if (words.some((w) => !Object.hasOwn(fields, w))) {
        ctx.issues.push({
          code: 'custom',
          message: 'may list only email, name, first-name, last-name and phone',
          input: v,
        });
      }
      return words.flatMap((w) => (Object.hasOwn(fields, w) ? fields[w]! : []));
    }),
  ),
  /**
   * The base URL of a citizen-portal gateway in front of the city's server (see "The gateway" below): `endpoint`
   * and `media-upload` default to it, and reports carry the form token it asks for.
   */
  gateway: z.pipe(
    optionalSetting,
    z.transform((v, ctx) => {
      const url = v && resolveHttpUrl(v);
      if (v && !url) ctx.issues.push({ code: 'custom', message: 'is not a web address', input: v });
      return url || undefined;
    }),
  ),
  /** A service code to choose in advance (a city page's "Report graffiti" link). */
  category: optionalSetting,
  /**
   * `both` (tabs), `status` (a "Check my request" page: the tracker alone) or `report` (the form alone). @default
   * `both`
   */
  view: oneOf(['both', 'status', 'report'] as const, 'must be "both", "status" or "report"'),
  /** Residents may report without contact details. @default off */
  allowAnonymous: z.transform((v: unknown) => v != null && v !== false && v !== 'false'),
  /** A MapLibre style URL: shows a map in the location step. Without it, no map (the step works without one). */
  mapStyle: optionalSetting,
  /** Where the map starts: `longitude,latitude`. */
  center: optionalSetting,
  /** The map's starting zoom, 0–22. @default `14` */
  zoom: optionalSetting,
  /** URL of a GeoJSON polygon of the city limits: drawn on the map; a location outside it cannot be sent. */
  boundary: optionalSetting,
  /**
   * A Nominatim- or Photon-compatible base URL (or `nominatim:…` / `photon:…`): address suggestions and the address
   * of a pin.
   */
  geocoder: optionalSetting,
  /**
   * A query parameter of the page that opens the tracker on a request (`?request=1234`), besides `#cp-request=1234`.
   */
  deepLinkParam: optionalSetting,
  /** The city's reference numbers as a regular expression (e.g. `^[0-9]{6}$`), shown when one is not found. */
  referencePattern: optionalSetting,
  /** Seconds to wait for each answer from the server, 1–120. @default `15` */
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
/** The settings that are objects (properties only, or JSON): not attributes. */
export const OBJECT_SETTINGS = ['synonyms', 'redirects', 'translations'] as const;
export type ObjectSetting = (typeof OBJECT_SETTINGS)[number];
export const isObjectSetting = (key: string): key is ObjectSetting => OBJECT_SETTINGS.includes(key as ObjectSetting);

export const JsonConfigSchema = z.transform(
  (v: unknown, ctx): { settings: Record<string, unknown>; unknown: string[] } => {
    const out = { settings: {} as Record<string, unknown>, unknown: [] as string[] };
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      ctx.issues.push({ code: 'custom', message: 'must be a JSON object of settings', input: v });
      return out;
    }
    // An unknown name is named (in the console), and the rest still apply.
    for (const [name, value] of Object.entries(v)) {
      const key = name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      if (isObjectSetting(key) ? typeof value === 'object' : SETTINGS.includes(key as keyof Config))
        out.settings[key] = Array.isArray(value) ? value.join(' ') : value === true ? '' : value;
      else out.unknown.push(name);
    }
    return out;
  },
);

/** A setting's problem: which, what is wrong with it, and what it got. */
export interface ConfigProblem {
  key: keyof Config;
  attribute: string;
  problem: string;
  value: unknown;
}

export type ConfigResult =
  { ok: true; config: Config; problems: ConfigProblem[] } | ({ ok: false; problems: ConfigProblem[] } & ConfigProblem);

/**
 * The settings, checked. Only the endpoint may stop the form (without it there is nothing to talk to): any other
 * wrong value falls back to its default, and every problem is listed for the console (issue #13).
 */
export function parseConfig(input: Partial<Record<keyof Config, unknown>>): ConfigResult {
  const problems: ConfigProblem[] = [];
  let values = input;
  for (;;) {
    const result = ConfigSchema.safeParse(values);
    if (result.success) {
      const endpoint = problems.find((p) => p.key === 'endpoint');
      if (!endpoint) return { ok: true, config: result.data, problems };
      // No endpoint because the JSON config could not be read: that is the problem to name.
      return { ok: false, ...(problems.find((p) => p.key === 'config') ?? endpoint), problems };
    }
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? 'endpoint') as keyof Config;
    if (problems.some((p) => p.key === key)) throw new Error(`citizen-portal: no default for "${key}"`);
    problems.push({ key, attribute: attributeName(key), problem: issue.message, value: input[key] });
    // Its default from now on (a stand-in for the endpoint), so that every other mistake is named too.
    values = { ...values, [key]: key === 'endpoint' ? 'https://endpoint.invalid' : undefined };
  }
}
