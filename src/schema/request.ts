/**
 * Service requests as GeoReport v2 servers describe them (GET requests, POST answers, tokens), in the tolerant
 * style of ./open311.ts. Its own module so that only the chunks that file or look up requests carry it.
 */
import { z } from './zod';
import { absent, listOf, wellFormed, optionalId, optionalNumber, optionalText, requiredId, unwrapped } from './fields';

/**
 * Dates with or without a zone, with or without milliseconds, "T" or a space: an ISO 8601 string (UTC) that
 * `new Date()` reads everywhere. A date without a zone is read as the resident's local time. Unreadable: absent.
 */
const dateTime = z.pipe(
  optionalText,
  z.transform((v) => {
    if (!v) return undefined;
    const d = new Date(/^\d{4}-\d\d-\d\d \d/.test(v) ? v.replace(' ', 'T') : v);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }),
);

/** What the resident needs to know, whatever word the server uses. */
export type StatusFamily = 'open' | 'in-progress' | 'closed';

const IN_PROGRESS = /progress|sched|investigat|assign|plan|work|confirm|accept|review|ongoing|dispatch/;
const CLOSED =
  /clos|fix|resolv|complet|duplicate|responsib|no further|referr|cancel|reject|archiv|unable|done|not action/;

/** Maps open/closed and the extended statuses of real servers (FixMyStreet, Mark-a-Spot …) to a family. */
export function statusFamily(raw: string): StatusFamily {
  const s = raw.toLowerCase().replace(/[_-]+/g, ' ');
  if (/^re ?open/.test(s)) return 'open';
  if (CLOSED.test(s)) return 'closed';
  if (IN_PROGRESS.test(s)) return 'in-progress';
  return 'open';
}

/** agency_responsible: "Roads", or {recipient: "Roads"} / {recipient: ["Roads", "Parks"]}, or a list. */
const agency = z.transform((v: unknown): string | undefined => {
  const flat = (x: unknown): string[] =>
    absent(x)
      ? []
      : Array.isArray(x)
        ? x.flatMap(flat)
        : typeof x === 'object'
          ? Object.values(x as object).flatMap(flat)
          : [wellFormed(String(x).trim())];
  return flat(v).join(', ') || undefined;
});

/** media_url: a string (maybe with spaces around), a list of strings or of {url}, an object {url}, or null. */
const mediaUrls = z.transform((v: unknown): string[] => {
  const urls = (x: unknown): string[] =>
    absent(x)
      ? []
      : Array.isArray(x)
        ? x.flatMap(urls)
        : typeof x === 'object'
          ? urls((x as Record<string, unknown>).url ?? (x as Record<string, unknown>).media_url)
          : [wellFormed(String(x).trim())];
  // Only web addresses: a media URL ends up in <img src> and <a href>, where javascript: would be a hole.
  return urls(v).filter((u) => /^https?:\/\//i.test(u));
});

/**
 * lat/long without the noise of a 32-bit float: servers that store coordinates as MySQL FLOAT send
 * `-0.11999999731779` for -0.12 (Eindhoven's open311-api). Such a number is read as the shortest decimal with
 * the same 32-bit value; any other number stays exactly as sent.
 */
const coordinate = z.pipe(
  optionalNumber,
  z.transform((n) => {
    for (let p = 1; n !== undefined && p < 10; p++) {
      const short = Number(n.toPrecision(p));
      if (Math.abs(Math.fround(short) - n) <= Math.abs(n) * 1e-13) return short;
    }
    return n;
  }),
);

export const ServiceRequestSchema = z.pipe(
  z.looseObject({
    service_request_id: requiredId,
    status: z.pipe(
      optionalText,
      z.transform((v) => v ?? 'open'),
    ),
    status_notes: optionalText,
    service_name: optionalText,
    service_code: optionalId,
    description: optionalText,
    agency_responsible: agency,
    service_notice: optionalText,
    requested_datetime: dateTime,
    updated_datetime: dateTime,
    expected_datetime: dateTime,
    address: optionalText,
    address_id: optionalText,
    zipcode: optionalText,
    lat: coordinate,
    long: coordinate,
    media_url: mediaUrls,
  }),
  z.transform(({ media_url, ...r }) => {
    // Eindhoven's open311-api puts the first photo in media_url and the others in extended_attributes.attachments
    // ([{url, mimetype}], the url's key once sent as " url": decode.ts trims keys).
    const extended = r.extended_attributes as { attachments?: unknown } | undefined;
    const attachments = Array.isArray(extended?.attachments) ? (extended.attachments as unknown[]) : [];
    const photos = attachments.filter((a) => /^image\//.test(String((a as { mimetype?: unknown })?.mimetype)));
    const urls = [...new Set([...media_url, ...mediaUrls.parse(photos)])];
    return {
      ...r,
      /** The plain-language family of `status` (which stays as the server sent it). */
      statusFamily: statusFamily(r.status),
      media_url: urls[0],
      media_urls: urls,
    };
  }),
);
export type ServiceRequest = z.infer<typeof ServiceRequestSchema>;
/** Requests listed without an id are dropped, as the README of real servers advises. Items may be named
 * `<request>` or (Eindhoven's open311-api) `<service_request>`. */
export const ServiceRequestListSchema = listOf(ServiceRequestSchema, [
  'service_requests',
  'requests',
  'request',
  'service_request',
]);

// --- POST answers and tokens ---------------------------------------------------------------------------------

export const PostResultSchema = z.looseObject({
  service_request_id: optionalId,
  token: optionalId,
  service_notice: optionalText,
  account_id: optionalId,
});
export type PostResult = z.infer<typeof PostResultSchema>;
export const PostResultListSchema = listOf(PostResultSchema, [
  'service_requests',
  'requests',
  'request',
  'service_request',
]);

export const TokenResultSchema = z.looseObject({ service_request_id: optionalId, token: optionalId });
export const TokenListSchema = listOf(TokenResultSchema, ['service_requests', 'tokens', 'request', 'service_request']);

// --- Discovery -------------------------------------------------------------------------------------------------

export const DiscoverySchema = unwrapped(
  'discovery',
  z.looseObject({
    changeset: optionalText,
    contact: optionalText,
    key_service: optionalText,
    endpoints: listOf(
      z.looseObject({
        specification: optionalText,
        url: optionalText,
        changeset: optionalText,
        type: optionalText,
        formats: listOf(requiredId, ['formats', 'format']),
      }),
      ['endpoints', 'endpoint'],
    ),
  }),
);
export type Discovery = z.infer<typeof DiscoverySchema>;

// --- A citizen-portal gateway in front of the city's server ----------------------------------------------------

/**
 * What a citizen-portal gateway adds to its discovery answer (`gateway` beside `endpoints`): where to ask for a
 * form token, and the CAPTCHA every report must pass. Another server's discovery has none of it.
 */
export const GatewayInfoSchema = z.object({
  // Keys arrive lower-cased (backend/decode.ts): the gateway's formToken and siteKey.
  formtoken: optionalText,
  captcha: z.transform((v: unknown): Captcha | undefined => {
    const c = v as { provider?: unknown; sitekey?: unknown } | null | undefined;
    return (c?.provider === 'turnstile' || c?.provider === 'hcaptcha') && typeof c.sitekey === 'string' && c.sitekey
      ? { provider: c.provider, siteKey: c.sitekey }
      : undefined;
  }),
});
export interface Captcha {
  provider: 'turnstile' | 'hcaptcha';
  siteKey: string;
}
export type GatewayInfo = z.infer<typeof GatewayInfoSchema>;
