/**
 * The element's configuration, from its attributes. One schema validates it and names the setting at fault,
 * so a webmaster sees "endpoint: …" in the console and a plain sentence in the page, never a blank box.
 */
import { z } from './zod';

/** Resolves `value` against the page (a relative endpoint such as "/open311/v2" is fine) and keeps http(s). */
function resolveHttpUrl(value: string): string | undefined {
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

const optionalSetting = z.pipe(
  z.optional(z.nullable(z.string())),
  z.transform((v) => (v && v.trim() ? v.trim() : undefined)),
);

export const ConfigSchema = z.object({
  endpoint: z.pipe(
    z.string({ error: 'is missing' }).check(z.trim(), z.minLength(1, 'is missing')),
    z.transform((v, ctx) => {
      const url = resolveHttpUrl(v);
      if (!url) ctx.issues.push({ code: 'custom', message: 'is not a web address', input: v });
      return url ?? '';
    }),
  ),
  jurisdiction: optionalSetting,
  apiKey: optionalSetting,
  lang: optionalSetting,
  /** The server's format: json (default; falls back to XML by itself) or xml. */
  format: z.pipe(optionalSetting, z.optional(z.enum(['json', 'xml'], { error: 'must be "json" or "xml"' }))),
});
export type Config = z.infer<typeof ConfigSchema>;
/** The attribute each setting is read from, for messages to the webmaster. */
export const configAttributes: Record<keyof Config, string> = {
  endpoint: 'endpoint',
  jurisdiction: 'jurisdiction',
  apiKey: 'api-key',
  lang: 'lang',
  format: 'format',
};

/** What the console tells the webmaster to do about each setting (English: it is for the site's developer). */
export const configHints: Partial<Record<keyof Config, string>> = {
  endpoint: 'Set it to the base URL of your Open311 GeoReport v2 API, e.g. endpoint="https://city.example/open311/v2".',
  format: 'Use format="json" (the default) or format="xml".',
};

export type ConfigResult =
  { ok: true; config: Config } | { ok: false; attribute: string; problem: string; value: unknown; hint: string };

export function parseConfig(input: Partial<Record<keyof Config, string | null | undefined>>): ConfigResult {
  const result = ConfigSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? 'endpoint') as keyof Config;
  return {
    ok: false,
    attribute: configAttributes[key] ?? key,
    problem: issue.message,
    value: input[key],
    hint: configHints[key] ?? '',
  };
}
