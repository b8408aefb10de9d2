/**
 * The GeoReport v2 request a finished draft becomes. Its own module: only the chunk that sends needs it.
 */
import { isEmpty, questions, type Draft } from './draft';
import { parseCoordinate } from './location-and-details';
import type { ServiceDefinition } from './open311';

/** The POST fields of GeoReport v2, before form encoding. */
export interface NewRequest {
  service_code: string;
  lat?: number;
  long?: number;
  address_string?: string;
  description?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  media_url?: string;
  attributes: Record<string, string | string[]>;
  /** Photos sent as files (multipart, field `media`), for servers that take them (media-upload="post"). */
  media?: Array<{ blob: Blob; name: string }>;
  /** A gateway's CAPTCHA, answered: sent as `captcha_token`. */
  captcha?: string;
}

/** "2026-11-26T09:30" (a datetime-local value, the resident's time) → ISO 8601 with the zone offset. */
export function localDateTimeToIso(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** The request to send: only answers to the chosen category's questions, typed values trimmed, empties left out. */
export function toNewRequest(draft: Draft, def: ServiceDefinition | undefined): NewRequest {
  const attributes: NewRequest['attributes'] = {};
  for (const a of questions(def)) {
    const value = draft.answers[a.code];
    if (isEmpty(value)) continue;
    attributes[a.code] = Array.isArray(value)
      ? value
      : a.datatype === 'datetime'
        ? localDateTimeToIso(value!.trim())
        : value!.trim();
  }
  const opt = (v: string) => v.trim() || undefined;
  const lat = parseCoordinate(draft.lat, 90);
  const long = parseCoordinate(draft.long, 180);
  // GeoReport v2 has one media_url; further photos are listed at the end of the description.
  const [first, ...more] = draft.photos.flatMap((p) => (p.url ? [p.url] : []));
  const description = [draft.description.trim(), more.length ? `Photos: ${more.join(' ')}` : '']
    .filter(Boolean)
    .join('\n\n');
  return {
    service_code: draft.serviceCode,
    ...(lat !== undefined && long !== undefined ? { lat, long } : {}),
    address_string: opt(draft.address),
    description: opt(description),
    // Anonymous: what the resident typed stays in the draft (they may change their mind) but is not sent.
    ...(!draft.anonymous && {
      email: opt(draft.email),
      first_name: opt(draft.firstName),
      last_name: opt(draft.lastName),
      phone: opt(draft.phone),
    }),
    media_url: first,
    attributes,
  };
}
